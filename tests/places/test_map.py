"""The map of member cities on the actions listings and the directory: server-rendered SVG,
one link per marker named in words, the same facts as a list, the note on borders; ticking a
country keeps only its cities; and it stays small with thousands of cities."""

import pytest
from bs4 import BeautifulSoup
from django.template.loader import render_to_string

from aimf_portal.demo.bulk import synthetic_cities
from places.map import city_map
from places.models import City

pytestmark = pytest.mark.django_db

NOTE = "Carte illustrative : elle ne prend pas position sur les frontières"


def map_of(response):
    page = BeautifulSoup(response.content, "html.parser")
    return page.select_one("figure.city-map"), page.select_one("details.city-map__list")


def marker_names(figure):
    return {a["aria-label"]: a["href"] for a in figure.select("svg a")}


def test_the_site_wide_actions_listing_maps_the_cities_of_its_actions(client, linked_items):
    figure, listed = map_of(client.get("/actions/"))

    svg = figure.svg
    assert svg.title.get_text() == "Carte des actions"
    assert "2 villes, 3 actions" in svg.desc.get_text()
    assert marker_names(figure) == {
        "Hué, Vietnam : 2 actions": "/villes-membres/hue/",
        "Nikki, Bénin : 1 action": "/villes-membres/nikki/",
    }
    assert [a.get_text() for a in listed.select("a")] == [
        "Hué, Vietnam : 2 actions",
        "Nikki, Bénin : 1 action",
    ]
    assert NOTE in figure.figcaption.get_text()
    # The country shapes: a static file of this site, no tile server.
    assert svg.image["href"].startswith("/static/places/world")


def test_a_theme_listing_maps_its_own_actions_only(client, theme, linked_items):
    figure, _listed = map_of(client.get(theme.url + "actions/"))
    assert marker_names(figure) == {"Hué, Vietnam : 1 action": "/villes-membres/hue/"}


def test_ticking_a_country_keeps_only_its_cities_on_the_map(client, linked_items):
    response = client.get("/actions/", {"pays": "bj"})

    figure, _listed = map_of(response)
    assert marker_names(figure) == {"Nikki, Bénin : 1 action": "/villes-membres/nikki/"}


def test_the_directory_maps_its_cities_with_their_actions(client, linked_items):
    figure, _listed = map_of(client.get("/villes-membres/", {"pays": "vn"}))
    assert marker_names(figure) == {
        "Hanoï, Vietnam : aucune action": "/villes-membres/hanoi/",
        "Hué, Vietnam : 2 actions": "/villes-membres/hue/",
    }


def test_no_map_without_cities(client, theme):
    figure, _listed = map_of(client.get("/actions/"))
    assert figure is None


def test_cities_too_close_share_a_marker_linking_to_their_countries(client):
    nikki, cotonou = City.objects.get(slug="nikki"), City.objects.get(slug="cotonou")
    cotonou.latitude, cotonou.longitude = nikki.latitude, nikki.longitude
    cotonou.save()

    figure, listed = map_of(client.get("/villes-membres/", {"pays": "bj"}))
    names = marker_names(figure)
    assert names["Cotonou, Nikki (Bénin) : aucune action"] == "/villes-membres/?pays=bj"
    # The list still names each city.
    assert "Cotonou, Bénin : aucune action" in [a.get_text() for a in listed.select("a")]


# What the site-wide actions listing shows at `--scale 10000`: 2,000 cities with actions.
SCALE_CITIES = 2000
MAX_SVG_BYTES = 150_000


def test_the_svg_stays_small_with_two_thousand_cities():
    """The cities of `load_demo_content --scale 10000`, each with actions."""
    cities = synthetic_cities(SCALE_CITIES)
    noun = ("action", "actions", "aucune action")
    the_map = city_map("Carte des actions", [(city, 5) for city in cities], noun)

    html = render_to_string("places/city_map.html", {"city_map": the_map})
    svg = html[html.index("<svg") : html.index("</svg>") + len("</svg>")]
    assert len(svg.encode()) < MAX_SVG_BYTES
    assert len(the_map.entries) == SCALE_CITIES


# The site-wide actions listing with its map, warm (one theme, so no theme facet query): the
# listing and the map's counts by city and its cities, constant in the number of actions.
ACTIONS_LISTING_WITH_MAP_QUERIES = 24


@pytest.mark.parametrize("actions", [3, 40])
def test_the_map_costs_the_same_whatever_the_number_of_actions(
    client, settings, theme, actions, django_assert_num_queries
):
    from django.core.cache import cache

    from actions.factories import ActionPageFactory

    settings.PAGE_CACHE_TIMEOUT = 0
    for number in range(actions):
        city = ["Hué", "Nikki", "Dakar", "Sousse"][number % 4]
        ActionPageFactory(parent=theme, cities=[city], countries=["BJ"], image=None)
    client.get("/actions/")
    cache.clear()
    with django_assert_num_queries(ACTIONS_LISTING_WITH_MAP_QUERIES):
        response = client.get("/actions/")
    figure, _listed = map_of(response)
    assert len(figure.select("svg a")) == min(actions, 4)
