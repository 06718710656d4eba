"""/villes-membres/: every member city by initial, a country facet with counts, a search box
that ignores accents, the map; and a page per city with its news and actions of every theme."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.urls import reverse

from places.factories import CityFactory

pytestmark = pytest.mark.django_db

DIRECTORY = "/villes-membres/"


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def city_links(response):
    page = soup(response)
    return [a.get_text() for a in page.select(".city-list a")]


def test_the_directory_groups_every_city_by_initial(client):
    response = client.get(DIRECTORY)

    assert response.status_code == 200
    page = soup(response)
    assert page.h1.get_text() == "Villes membres"
    initials = [h3.get_text() for h3 in page.select(".letter-group h3")]
    assert initials == sorted(initials) and "E" in initials
    e_group = page.find("h3", string="E").find_next("ul")
    # "Erevan" files under E; accents do not move a city out of its letter.
    assert [a.get_text() for a in e_group.select("a")] == ["Erevan"]
    assert "Hué" in city_links(response)


def test_the_country_facet_has_counts_and_narrows_the_cities(client):
    page = soup(client.get(DIRECTORY))
    benin = page.find("input", {"name": "pays", "value": "bj"})
    assert "Bénin" in benin.find_next("label").get_text()
    assert "(4)" in benin.find_next("label").get_text()

    response = client.get(DIRECTORY, {"pays": "bj"})
    assert city_links(response) == ["Bohicon", "Cotonou", "Nikki", "Porto-Novo"]
    assert "4 villes membres avec ces filtres" in response.text


def test_the_search_box_ignores_accents_and_case(client):
    assert city_links(client.get(DIRECTORY, {"q": "QUEBEC"})) == ["Québec"]
    assert city_links(client.get(DIRECTORY, {"q": "nè"})) == ["Genève", "Lausanne", "Vientiane"]


def test_the_search_and_the_facet_combine(client):
    response = client.get(DIRECTORY, {"q": "o", "pays": "bj"})
    assert city_links(response) == ["Bohicon", "Cotonou", "Porto-Novo"]
    # The facet's links keep the search.
    assert 'href="/villes-membres/?q=o"' in response.text


@pytest.mark.parametrize(
    "query",
    [{"q": "x" * 101}, {"q": "Hu\x00é"}, {"pays": "zz"}, {"pays": ["bj"] * 80}, {"page": "abc"}],
)
def test_bad_input_is_answered_never_a_server_error(client, query):
    response = client.get(DIRECTORY, query)
    assert response.status_code in {200, 400}
    assert "Villes membres" in response.text


def test_an_absurd_search_is_a_400_said_in_french(client):
    response = client.get(DIRECTORY, {"q": "x" * 101})
    assert response.status_code == 400
    assert "Tapez au plus 100 caractères." in response.text


def test_a_filtered_directory_is_not_indexed(client):
    assert 'name="robots" content="noindex' in client.get(DIRECTORY, {"pays": "bj"}).text
    assert 'name="robots"' not in client.get(DIRECTORY).text


def test_a_city_page_lists_its_news_and_actions_across_themes(client, linked_items):
    response = client.get("/villes-membres/hue/")

    assert response.status_code == 200
    page = soup(response)
    assert page.h1.get_text() == "Hué"
    titles = [h.get_text(strip=True) for h in page.select(".card h3")]
    for key in ("hue_news", "hue_action", "hue_action_2"):
        assert linked_items[key].title in titles
    assert "Brouillon" not in titles and "La Gaani" not in titles
    assert page.find("a", string="Vietnam")["href"] == "/villes-membres/?pays=vn"


def test_an_item_links_to_its_cities(client, linked_items):
    page = soup(client.get(linked_items["hue_action"].url))
    assert page.find("a", string="Hué")["href"] == "/villes-membres/hue/"


def test_an_unknown_city_is_a_404(client):
    assert client.get("/villes-membres/atlantis/").status_code == 404


def test_a_page_cannot_take_the_directory_address(theme):
    from django.core.exceptions import ValidationError

    from aimf_portal.factories import StandardPageFactory

    page = StandardPageFactory.build(title="Villes", slug="villes-membres")
    with pytest.raises(ValidationError):
        page.clean()


# Queries to render the directory and a city page, whatever the number of cities and items.
# The directory, with the application caches warm: the facet's counts, the cities (their
# countries joined), the map's action counts and the private sections; cold, the site, the
# settings, the country choices and theme menu besides. A city page reads the city, then per
# kind of item its page of items, their renditions, cities and countries. Measured on SQLite
# and PostgreSQL.
DIRECTORY_QUERIES = 4
DIRECTORY_QUERIES_COLD = 12
CITY_PAGE_QUERIES = 19


@pytest.fixture
def page_cache_off(settings):
    settings.PAGE_CACHE_TIMEOUT = 0


@pytest.mark.parametrize("extra_cities", [0, 200])
def test_the_directory_costs_the_same_whatever_the_number_of_cities(
    client, page_cache_off, extra_cities, django_assert_num_queries
):
    CityFactory.create_batch(extra_cities)
    with django_assert_num_queries(DIRECTORY_QUERIES_COLD):
        assert client.get(DIRECTORY).status_code == 200
    with django_assert_num_queries(DIRECTORY_QUERIES):
        assert client.get(DIRECTORY).status_code == 200


@pytest.mark.parametrize("items", [2, 30])
def test_a_city_page_costs_the_same_whatever_its_number_of_items(
    client, page_cache_off, theme, items, django_assert_max_num_queries
):
    from actions.factories import ActionPageFactory
    from news.factories import NewsPageFactory

    for factory in (NewsPageFactory, ActionPageFactory):
        factory.create_batch(items, parent=theme, cities=["Hué"], countries=["VN"])
    client.get("/villes-membres/hue/")
    cache.clear()
    with django_assert_max_num_queries(CITY_PAGE_QUERIES):
        assert client.get(reverse("places:city", args=["hue"])).status_code == 200
