"""Filtered listings run a fixed number of SQL queries, whatever the number of items.

Each test renders the page with a few items, adds many more, renders again and requires the
same count (no query per card) under a ceiling that leaves room for the site's header and
footer but would catch a query per facet value or per country. The full-page cache is off and
the application caches are emptied before each measure: what is counted is the whole render.
"""

import datetime
import itertools

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.factories import NewsPageFactory
from publications.factories import PublicationPageFactory

FEW, MANY = 5, 40
MAX_QUERIES_FILTERED_LISTING = 25
MAX_QUERIES_FILTERED_THEME_PAGE = 32


@pytest.fixture(autouse=True)
def page_cache_off(settings):
    settings.PAGE_CACHE_TIMEOUT = 0


def queries_for(client, url):
    client.get(url)  # renditions are generated (and written) on the first render only
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


item_numbers = itertools.count()


def add_publications(theme, count):
    # A date of the year filtered on: the factory's own dates follow its sequence, and depend
    # on how many publications other tests made before, so on the order tests run in.
    for number in itertools.islice(item_numbers, count):
        codes = ["BJ", "TN"] if number % 2 else ["SN", "CM"]
        PublicationPageFactory(
            parent=theme,
            countries=codes,
            title=f"Publication {number}",
            date=datetime.date(2024, 6, 1),
        )


def add_news(theme, count):
    for number in itertools.islice(item_numbers, count):
        NewsPageFactory(parent=theme, countries=["VN", "FR"], title=f"Actualité {number}")


def assert_constant(client, url, grow, ceiling):
    grow(FEW)
    with_few = queries_for(client, url)
    grow(MANY - FEW)
    with_many = queries_for(client, url)
    assert with_few == with_many, f"{url}: {with_few} requêtes à {FEW}, {with_many} à {MANY}"
    assert with_many <= ceiling


@pytest.mark.django_db
def test_filtered_publications_listing(client, theme):
    assert_constant(
        client,
        "/culture-patrimoine/publications/?pays=bj&pays=sn&type=rapport&annee=2024",
        lambda count: add_publications(theme, count),
        MAX_QUERIES_FILTERED_LISTING,
    )


@pytest.mark.django_db
def test_filtered_news_listing(client, theme):
    assert_constant(
        client,
        "/culture-patrimoine/actualites/?pays=vn&pays=fr",
        lambda count: add_news(theme, count),
        MAX_QUERIES_FILTERED_LISTING,
    )


@pytest.mark.django_db
def test_filtered_theme_page(client, theme):
    def grow(count):
        add_publications(theme, count)
        add_news(theme, count)

    assert_constant(
        client, "/culture-patrimoine/?pays=bj&pays=sn", grow, MAX_QUERIES_FILTERED_THEME_PAGE
    )
