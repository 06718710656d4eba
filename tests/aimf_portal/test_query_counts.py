"""The number of SQL queries to render a page does not grow with the number of items (no N+1).

Each page is rendered under a theme holding 5, then 100 items of each kind, each with its own
image (a real file, so renditions are really made) and two countries:

- warm: renditions exist but the cache is empty, as in a freshly started process. This count is
  pinned at the tight value measured, and the same figure must hold at 5 and at 100 items;
- cold: the first render also creates the renditions of the images it shows, one bulk insert
  and one read per image. It grows with the cards shown, never with the items behind them: a
  page shows at most 18 cards (theme page) or 12 (listing).

The full-page cache is off here: these are renders. The last tests measure what a render costs
once the application caches (site_cache, the theme's sections, card fragments, renditions) are
warm, which is what a visitor gets when the page cache misses or is disabled.

If a change adds a query on purpose, re-measure and update the figure in the same commit.
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actions.factories import ActionPageFactory
from aimf_portal.factories import ThemePageFactory
from aimf_portal.items.factories import ImageFactory
from news.factories import NewsPageFactory
from publications.factories import PublicationPageFactory

pytestmark = pytest.mark.django_db

ITEM_FACTORIES = (NewsPageFactory, ActionPageFactory, PublicationPageFactory)
RENDITION_QUERIES_PER_CARD = 2


def theme_page_cards(size):
    return 3 * min(size, 6)


def listing_cards(size):
    return min(size, 12)


def home_page_cards(size):
    return min(size, 6)


# page: (path under the theme or absolute, warm queries, cold queries before renditions, cards).
# Measured on SQLite and PostgreSQL (the same figures), identical at 5 and at 100 items; one of
# them, with an empty cache, reads the site settings (footer text, social links). Below the home
# page, an empty cache also costs the slugs of its children (HomePage.route), read once. Each
# list of cards costs its items (their images joined), then, for the cards not in the cache,
# their renditions and countries, and for news and actions their cities: three or four queries
# (four or five before cards were cached as a list). The action listings add their map's
# counts by city (its cities are read only when there are some: tests/places/test_map.py).
PAGES = {
    "theme page": ("", 32, 33, theme_page_cards),
    "news listing": ("actualites/", 23, 24, listing_cards),
    "action listing": ("actions/", 24, 25, listing_cards),
    "publication listing": ("publications/", 24, 25, listing_cards),
    "home page": ("/", 17, 18, home_page_cards),
    # The site-wide listings: the theme facet's choices and counts instead of the route's
    # children and theme, so the same figures as a theme's listing.
    "site-wide news listing": ("/actualites/", 23, 24, listing_cards),
    "site-wide action listing": ("/actions/", 24, 25, listing_cards),
    "site-wide publication listing": ("/publications/", 24, 25, listing_cards),
}
SIZES = [5, 100]
# None: the site, the home page, the theme and its view restrictions come from the cache
# (caching.routing, HomePage.route), the breadcrumb's one ancestor is the site's root page, and
# the content, the <head>, the theme menu, the footer links and the footer form's fields are
# rendered HTML in the cache (caching.site_data.cached_html).
THEME_PAGE_WITH_WARM_APPLICATION_CACHES = 0
# A listing rendered again (an address not stored whole, a new filter combination of the same
# cards): its count and facet counts come from the listing's facet index, then one query for the
# page of items; every card comes from the cache.
LISTING_WITH_WARM_APPLICATION_CACHES = {"actualites/": 1, "publications/?pays=bj": 1}


@pytest.fixture(autouse=True)
def page_cache_off(settings):
    settings.PAGE_CACHE_TIMEOUT = 0


@pytest.fixture(params=SIZES, ids=lambda size: f"{size} items")
def size(request):
    return request.param


@pytest.fixture
def populated_theme(theme, size):
    for factory in ITEM_FACTORIES:
        factory.create_in_bulk(theme, size, countries=["BJ", "SN"])
    return theme


@pytest.mark.parametrize("page", PAGES)
def test_queries_to_render_a_page(
    client, populated_theme, size, page, django_assert_max_num_queries, django_assert_num_queries
):
    path, warm_queries, cold_base, cards = PAGES[page]
    url = path if path.startswith("/") else populated_theme.url + path
    ContentType.objects.clear_cache()
    with django_assert_max_num_queries(cold_base + RENDITION_QUERIES_PER_CARD * cards(size)):
        assert client.get(url).status_code == 200
    cache.clear()
    with django_assert_num_queries(warm_queries):
        assert client.get(url).status_code == 200


def warm_queries(client, url):
    client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_theme_menu_costs_the_same_for_1_or_23_themes(client):
    """Every page lists every theme in its header: one query whatever their number."""
    ThemePageFactory()
    with_one_theme = warm_queries(client, "/")
    ThemePageFactory.create_batch(22)
    assert warm_queries(client, "/") == with_one_theme


# An item page shows one item whatever the theme holds; its head adds the 1200×630 share
# rendition (aimf_portal.discovery.seo): one read when warm; its cities one more;
# cold (content types and renditions not yet made), 32 instead of 27. Measured on SQLite and
# PostgreSQL.
NEWS_PAGE_WARM_QUERIES = 23
NEWS_PAGE_COLD_QUERIES = 32
# Once the site's data and the item's renditions are in the cache (what a crawler's first visit
# to an item costs after another visitor saw it once): the page then its row (Wagtail's route),
# its image, its countries and its cities. The theme, its view restrictions and the breadcrumb
# come from the cache (HomePage.route, ThemePage.route) instead of 3 queries.
ITEM_PAGE_WITH_WARM_APPLICATION_CACHES = 5


def test_queries_to_render_a_news_page(client, populated_theme, django_assert_max_num_queries):
    news = NewsPageFactory(parent=populated_theme, countries=["BJ", "SN"])
    ContentType.objects.clear_cache()
    with django_assert_max_num_queries(NEWS_PAGE_COLD_QUERIES):
        assert client.get(news.url).status_code == 200
    cache.clear()
    with django_assert_max_num_queries(NEWS_PAGE_WARM_QUERIES):
        assert client.get(news.url).status_code == 200


def test_an_item_page_rendered_with_warm_application_caches(
    client, populated_theme, django_assert_num_queries
):
    news = NewsPageFactory(parent=populated_theme, countries=["BJ", "TN"])
    client.get(news.url)  # the site's data, and the renditions (which outlive cache flushes)
    with django_assert_num_queries(ITEM_PAGE_WITH_WARM_APPLICATION_CACHES):
        assert client.get(news.url).status_code == 200


# With a header image, the theme page and its listings share it (og:image): one rendition read
# on the theme page, which already shows the image, and the image and its rendition on a
# listing, which does not (35 and 23 without the share image). Warm, as above.
THEMED_PAGES_WARM_QUERIES = {"": 36, "actualites/": 25}


@pytest.mark.parametrize("path", THEMED_PAGES_WARM_QUERIES, ids=["theme page", "news listing"])
def test_queries_with_a_theme_image(client, populated_theme, path, django_assert_max_num_queries):
    populated_theme.image = ImageFactory()
    populated_theme.save_revision().publish()
    url = populated_theme.url + path
    assert client.get(url).status_code == 200
    cache.clear()
    with django_assert_max_num_queries(THEMED_PAGES_WARM_QUERIES[path]):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("query", ["", "?pays=bj", "?pays=bj&pays=sn&type=rapport&annee=2024"])
def test_a_theme_page_rendered_with_warm_application_caches(
    client, populated_theme, query, django_assert_num_queries
):
    url = populated_theme.url + query
    client.get(url)
    with django_assert_num_queries(THEME_PAGE_WITH_WARM_APPLICATION_CACHES):
        response = client.get(url)
    assert response.status_code == 200
    assert "X-Cache" not in response


# The home page rendered again: its latest news (their cards from the cache); the site, its own
# view restrictions (HomePage.route), the menu and the footer come from the cache.
HOME_PAGE_WITH_WARM_APPLICATION_CACHES = 1


def test_the_home_page_rendered_with_warm_application_caches(
    client, populated_theme, django_assert_num_queries
):
    client.get("/")
    with django_assert_num_queries(HOME_PAGE_WITH_WARM_APPLICATION_CACHES):
        assert client.get("/").status_code == 200


@pytest.mark.parametrize("path", LISTING_WITH_WARM_APPLICATION_CACHES)
def test_a_listing_rendered_with_warm_application_caches(
    client, populated_theme, path, django_assert_num_queries
):
    url = populated_theme.url + path
    client.get(url)
    with django_assert_num_queries(LISTING_WITH_WARM_APPLICATION_CACHES[path]):
        assert client.get(url).status_code == 200
