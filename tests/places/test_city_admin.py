"""Member cities in the admin: a snippet with French errors for bad input, and a cities field
on news items and actions that suggests names without regard to accents, as for countries."""

import pytest
from django.urls import reverse

from aimf_portal.items.factories import ImageFactory
from aimf_portal.items.models import Country
from news.models import NewsPage
from places.models import City
from tests.editorial.helpers import add_news_url, news_form_data

pytestmark = pytest.mark.django_db


def city_form(**fields):
    country = Country.objects.get(code="VN")
    return {
        "name": "Hội An",
        "country": str(country.pk),
        "latitude": "15.8801",
        "longitude": "108.3380",
        "member_since": "",
        "presentation": "",
        "image": "",
        "website": "",
        **fields,
    }


def add_city(admin_client, **fields):
    return admin_client.post(reverse("wagtailsnippets_places_city:add"), city_form(**fields))


def test_the_reference_cities_are_migrated_with_their_coordinates():
    hue = City.objects.get(slug="hue")
    assert (hue.name, hue.country.code) == ("Hué", "VN")
    assert (float(hue.latitude), float(hue.longitude)) == (16.4619, 107.5955)
    assert City.objects.count() >= 50


def test_an_administrator_adds_a_city(admin_client):
    response = add_city(admin_client, website="https://www.hoian.gov.vn/", member_since="1995")

    assert response.status_code == 302
    city = City.objects.get(name="Hội An")
    assert (city.slug, city.search_key, city.member_since) == ("hoi-an", "hoi an", 1995)


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"latitude": "91"}, "latitude", "Une latitude va de -90 (pôle Sud) à 90 (pôle Nord)."),
        ({"longitude": "-180.5"}, "longitude", "Une longitude va de -180 à 180."),
        ({"country": ""}, "country", "Champ requis."),
        ({"website": "http://hoian.gov.vn/"}, "website", "https://"),
        ({"member_since": "1950"}, "member_since", "L'association a été fondée en 1979."),
        ({"member_since": "2999"}, "member_since", "Une année passée"),
    ],
)
def test_bad_input_is_refused_in_french(admin_client, fields, field, message):
    response = add_city(admin_client, **fields)

    assert response.status_code == 200
    errors = response.context["form"].errors[field]
    assert any(message in error for error in errors), errors
    assert not City.objects.filter(name="Hội An").exists()


def test_the_cities_field_suggests_names_accents_ignored(admin_client):
    answer = admin_client.get(reverse("city_autocomplete"), {"term": "hue"}).json()
    assert answer == ["Hué"]
    assert admin_client.get(reverse("city_autocomplete"), {"term": "QUEB"}).json() == ["Québec"]


def test_the_cities_field_says_how_to_type_and_points_at_its_suggestions(admin_client, theme):
    add = reverse("wagtailadmin_pages:add", args=("actions", "actionpage", theme.pk))
    html = admin_client.get(add).content.decode()

    assert reverse("city_autocomplete") in html
    assert "« hue » propose Hué" in html


def test_cities_typed_without_accents_are_the_cities(admin_client, theme):
    response = admin_client.post(
        add_news_url(theme),
        news_form_data("Deux villes", "deux-villes", ImageFactory(), cities="hue, QUEBEC"),
    )

    assert response.status_code == 302
    news = NewsPage.objects.get(slug="deux-villes")
    assert sorted(city.name for city in news.cities.all()) == ["Hué", "Québec"]


def test_a_city_not_in_the_list_is_refused_by_name(admin_client, theme):
    response = admin_client.post(
        add_news_url(theme),
        news_form_data("Ville inconnue", "ville-inconnue", ImageFactory(), cities="Hué, Atlantis"),
    )

    assert response.status_code == 200
    assert "« Atlantis » : pas dans la liste des villes membres." in response.text
    assert not NewsPage.objects.filter(slug="ville-inconnue").exists()
