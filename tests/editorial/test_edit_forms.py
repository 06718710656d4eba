"""The edit forms an untrained editor meets: French tabs and help, today's date, the teaser's
two limits, and countries only from the controlled list, refused in French otherwise."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from actions.models import ActionPage
from aimf_portal.items.factories import ImageFactory
from aimf_portal.items.models import CARD_TEASER_LENGTH, TEASER_MAX_LENGTH, Country
from news.factories import NewsPageFactory
from news.models import NewsPage
from publications.models import PublicationPage

from .helpers import add_news_url, news_form_data

pytestmark = pytest.mark.django_db


def add_url(theme, app, model):
    return reverse("wagtailadmin_pages:add", args=(app, model, theme.pk))


def without_blanks_around_tags(html):
    return re.sub(r"\s*<", "<", re.sub(r">\s*", ">", html))


@pytest.mark.parametrize(
    ("app", "model", "tabs"),
    [
        ("news", "newspage", ["Contenu", "Classement", "Image", "Référencement"]),
        (
            "actions",
            "actionpage",
            ["Contenu", "Classement", "Image", "Référencement"],
        ),
        (
            "publications",
            "publicationpage",
            ["Contenu", "Classement", "Couverture", "Référencement"],
        ),
    ],
)
def test_each_item_form_is_organised_in_french_tabs(redacteur_client, theme, app, model, tabs):
    html = redacteur_client.get(add_url(theme, app, model)).content.decode()

    compact = without_blanks_around_tags(html)
    for heading in tabs:
        assert f">{heading}<" in compact, heading


def test_every_field_of_the_item_forms_has_french_help_text():
    for model in (NewsPage, ActionPage, PublicationPage):
        own_fields = [
            field
            for field in model._meta.get_fields(include_parents=False)
            if getattr(field, "editable", False) and not field.auto_created
        ]
        assert own_fields, model
        for field in own_fields:
            if field.name in {"page_ptr", "is_demo"}:
                continue
            assert field.help_text, f"{model.__name__}.{field.name}"


def test_a_new_news_item_is_dated_today(redacteur_client, theme):
    html = redacteur_client.get(add_news_url(theme)).content.decode()

    assert f'value="{timezone.localdate().isoformat()}"' in html


def test_the_teaser_limit_and_its_help_text_tell_the_same_story(redacteur_client, theme):
    html = redacteur_client.get(add_news_url(theme)).content.decode()

    assert f'maxlength="{TEASER_MAX_LENGTH}"' in html
    assert f"{TEASER_MAX_LENGTH} caractères au plus" in html
    assert f"{CARD_TEASER_LENGTH} premiers" in html


def test_a_card_shows_the_first_card_teaser_length_characters(client, theme):
    words = "Le patrimoine de Hué renaît grâce à la coopération des villes francophones. "
    NewsPageFactory(parent=theme, teaser=(words * 4)[:TEASER_MAX_LENGTH].strip())

    html = client.get(theme.url).content.decode()
    [card_teaser] = re.findall(r'<p class="card__teaser">([^<]*)</p>', html)
    assert len(card_teaser) <= CARD_TEASER_LENGTH
    assert card_teaser.endswith("…")
    assert len(card_teaser) > CARD_TEASER_LENGTH - 20


def test_a_too_long_teaser_is_refused_in_french(redacteur_client, theme):
    data = news_form_data("Trop long", "trop-long", ImageFactory())
    data["teaser"] = "x" * (TEASER_MAX_LENGTH + 1)

    response = redacteur_client.post(add_news_url(theme), data)

    assert response.status_code == 200
    assert "Assurez-vous que cette valeur comporte au plus 300 caractères" in response.text
    assert not NewsPage.objects.filter(slug="trop-long").exists()


def test_a_redacteur_cannot_create_a_country_and_is_told_why(redacteur_client, theme):
    response = redacteur_client.post(
        add_news_url(theme),
        news_form_data(
            "Pays inventé", "pays-invente", ImageFactory(), countries="Bénin, Atlantide"
        ),
    )

    assert response.status_code == 200
    assert "« Atlantide » : pas dans la liste des pays de l&#x27;association" in response.text
    assert not NewsPage.objects.filter(slug="pays-invente").exists()
    assert not Country.objects.filter(name="Atlantide").exists()


def test_country_autocomplete_offers_only_the_controlled_list(redacteur_client, theme):
    html = redacteur_client.get(add_news_url(theme)).content.decode()

    autocomplete_url = reverse("country_autocomplete")
    assert f'data-w-tag-url-value="{autocomplete_url}"' in html
    # A name typed and not picked stays a tag, so the form refuses it by name (not lost).
    assert "&quot;autocompleteOnly&quot;: false" in html
    answer = redacteur_client.get(autocomplete_url, {"term": "Bé"}).json()
    assert answer == ["Belgique", "Bénin"]


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [
        ("Benin", ["Bénin"]),
        ("Cote", ["Côte d'Ivoire"]),
        ("senegal", ["Sénégal"]),
        ("Ivoire", ["Côte d'Ivoire"]),
        ("Congo", ["Congo", "RD Congo"]),
        ("HAÏ", ["Haïti"]),
        ("Atlantide", []),
        ("", []),
    ],
)
def test_countries_are_suggested_from_anywhere_in_their_name_without_accents(
    redacteur_client, typed, suggested
):
    answer = redacteur_client.get(reverse("country_autocomplete"), {"term": typed})
    assert answer.json() == suggested


def test_the_suggestions_are_for_editors_only(client, db):
    response = client.get(reverse("country_autocomplete"), {"term": "Bénin"})
    assert response.status_code == 302


def test_the_country_field_explains_itself_in_french(redacteur_client, theme):
    html = redacteur_client.get(add_news_url(theme)).content.decode()

    assert "avec ou sans accents" in html
    assert "Les mots-clés avec des espaces" not in html
    assert "Multi-word tags" not in html


def test_a_country_typed_without_its_accents_is_the_country(redacteur_client, theme):
    response = redacteur_client.post(
        add_news_url(theme),
        news_form_data("Sans accents", "sans-accents", ImageFactory(), countries="Benin, senegal"),
    )

    assert response.status_code == 302
    news = NewsPage.objects.get(slug="sans-accents")
    assert sorted(country.code for country in news.countries.all()) == ["BJ", "SN"]


def action_form_data(countries):
    return nested_form_data(
        {
            "title": "Réseau des villes côtières",
            "slug": "villes-cotieres",
            "teaser": "Des villes côtières s'entraident face à la montée des eaux.",
            "cities": "Dakar",
            "countries": countries,
            "status": "ongoing",
            "start_date": "2026-01-15",
            "body": streamfield([("paragraph", rich_text("<p>Le projet.</p>"))]),
            "partners": inline_formset([]),
            "documents": inline_formset([]),
            "comments": inline_formset([]),
        }
    )


def test_an_action_needs_at_least_one_country(redacteur_client, theme):
    response = redacteur_client.post(add_url(theme, "actions", "actionpage"), action_form_data(""))

    assert response.status_code == 200
    assert "Indiquez au moins un pays" in response.text
    assert not ActionPage.objects.filter(slug="villes-cotieres").exists()


def test_an_action_with_a_country_is_saved(redacteur_client, theme):
    response = redacteur_client.post(
        add_url(theme, "actions", "actionpage"), action_form_data("Sénégal")
    )

    assert response.status_code == 302
    action = ActionPage.objects.get(slug="villes-cotieres")
    assert [country.code for country in action.countries.all()] == ["SN"]
