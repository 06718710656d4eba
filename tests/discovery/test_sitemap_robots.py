"""/sitemap.xml lists every live public page and the theme listings; /robots.txt points to it."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from actions.factories import ActionPageFactory
from aimf_portal.factories import StandardPageFactory, ThemePageFactory
from news.factories import NewsPageFactory

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
ROOT = "http://localhost"  # The default Wagtail Site of migration 0003.


def read_sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return {
        url.findtext("s:loc", namespaces=NS): url.findtext("s:lastmod", namespaces=NS)
        for url in root.findall("s:url", NS)
    }


def w3c_date(moment):
    # The sitemap writes its dates in the site's time zone (Europe/Paris): from 23:00 UTC in
    # winter that is already the next day.
    return timezone.localtime(moment).date().isoformat()


@pytest.fixture
def tree(theme):
    published = timezone.now() - datetime.timedelta(days=3)
    return {
        "news": NewsPageFactory(parent=theme, title="Une actualité"),
        "older_news": NewsPageFactory(
            parent=theme,
            title="Une ancienne actualité",
            first_published_at=published,
            last_published_at=published,
        ),
        "action": ActionPageFactory(parent=theme, title="Une action"),
        "draft": NewsPageFactory(parent=theme, title="Un brouillon", draft=True),
        "private": NewsPageFactory(parent=theme, title="Une note privée", private=True),
        "privacy": StandardPageFactory(title="Politique de confidentialité"),
        "empty_theme": ThemePageFactory(title="Gouvernance locale"),
    }


def test_every_live_public_page_with_its_lastmod(client, tree, theme):
    urls = read_sitemap(client)

    for name in ("news", "older_news", "action", "privacy", "empty_theme"):
        page = tree[name]
        assert urls[page.get_full_url()].startswith(w3c_date(page.last_published_at))
    assert f"{ROOT}/" in urls
    assert urls[f"{ROOT}/culture-patrimoine/"]
    assert f"{ROOT}/culture-patrimoine/une-note-privee/" not in urls
    assert f"{ROOT}/culture-patrimoine/un-brouillon/" not in urls
    # Every page has a lastmod, the home page of migration 0003 included.
    assert [url for url, lastmod in urls.items() if not lastmod] == []


def test_theme_listings_with_items_are_listed_and_dated_by_their_newest_item(client, tree):
    urls = read_sitemap(client)

    newest_news = max(tree["news"].last_published_at, tree["older_news"].last_published_at)
    assert urls[f"{ROOT}/culture-patrimoine/actualites/"].startswith(w3c_date(newest_news))
    assert urls[f"{ROOT}/culture-patrimoine/actions/"].startswith(
        w3c_date(tree["action"].last_published_at)
    )
    # No publication yet, and nothing at all under the other theme: no empty listings.
    assert f"{ROOT}/culture-patrimoine/publications/" not in urls
    assert not [url for url in urls if url.startswith(f"{ROOT}/gouvernance-locale/a")]
    assert not [url for url in urls if url.endswith("/rss/")]


def test_site_wide_listings_with_items_are_listed(client, tree):
    urls = read_sitemap(client)

    newest_news = max(tree["news"].last_published_at, tree["older_news"].last_published_at)
    assert urls[f"{ROOT}/actualites/"].startswith(w3c_date(newest_news))
    assert urls[f"{ROOT}/actions/"].startswith(w3c_date(tree["action"].last_published_at))
    assert f"{ROOT}/publications/" not in urls


def test_a_private_item_does_not_date_its_listing(client, theme):
    NewsPageFactory(parent=theme, title="Note privée", private=True)

    assert f"{ROOT}/culture-patrimoine/actualites/" not in read_sitemap(client)


def test_sitemap_cost_does_not_grow_with_items(client, theme, django_assert_max_num_queries):
    NewsPageFactory.create_in_bulk(theme, 30, image=None)
    client.get("/sitemap.xml")

    with django_assert_max_num_queries(15):
        urls = read_sitemap(client)

    assert len(urls) == 1 + 1 + 30 + 2  # home, theme, items, the theme's and the site's news


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_search(client, db, settings):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /recherche/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_robots_txt_does_not_tell_where_the_admin_is(client, db, settings):
    """ADMIN_URL_PATH moves the admin out of sight; robots.txt must not point at it."""
    settings.ADMIN_URL_PATH = "gestion-aimf/"

    text = client.get("/robots.txt").content.decode()

    assert "gestion-aimf" not in text
    assert "admin" not in text


def test_robots_txt_answers_get_only(client, db):
    assert client.post("/robots.txt").status_code == 405
