"""« Réglages du site »: Éditeurs change the footer text, the social links and the privacy page;
the next request shows the change; Rédacteurs cannot open them."""

import json

import pytest
from django.urls import reverse
from django.utils.html import escape
from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data, streamfield

from aimf_portal.editorial.site_settings import DEFAULT_FOOTER_TEXT, SiteSettings
from aimf_portal.factories import StandardPageFactory, home_page
from newsletter.models import ConsentText

pytestmark = pytest.mark.django_db


def settings_url():
    return reverse("wagtailsettings:edit", args=("aimf_portal", "sitesettings", default_site().pk))


def default_site():
    return Site.objects.get(is_default_site=True)


def settings_form(footer_text, links=(), privacy_page=None):
    return nested_form_data(
        {
            "footer_text": footer_text,
            "social_links": streamfield([("link", {"name": n, "url": u}) for n, u in links]),
            "privacy_page": str(privacy_page.pk) if privacy_page else "",
            "contact_email": "",
            "postal_address": "",
            "contact_recipient": "",
            "founding_year": "1979",
            "member_cities": "",
            "member_countries": "",
        }
    )


def in_json(text):
    """How the admin writes a text inside the JSON its scripts read (menus, stream errors)."""
    return json.dumps(text)[1:-1]


def footer(client, theme):
    html = client.get(theme.url).content.decode()
    return html[html.index('<footer class="site-footer">') :]


def test_without_settings_the_footer_says_what_it_always_said(client, theme):
    assert escape(DEFAULT_FOOTER_TEXT) in footer(client, theme)


def test_an_editeur_s_footer_text_shows_on_the_next_request(editeur_client, client, theme):
    assert escape(DEFAULT_FOOTER_TEXT) in footer(client, theme)  # now in the site cache

    response = editeur_client.post(
        settings_url(),
        settings_form(
            "Des villes francophones qui coopèrent.",
            links=[("LinkedIn", "https://www.linkedin.com/company/aimf/")],
        ),
    )

    assert response.status_code == 302
    html = footer(client, theme)
    assert "Des villes francophones qui coopèrent." in html
    assert escape(DEFAULT_FOOTER_TEXT) not in html
    assert '<a href="https://www.linkedin.com/company/aimf/" rel="me">LinkedIn</a>' in html


def test_a_social_link_must_be_an_https_address(editeur_client):
    response = editeur_client.post(
        settings_url(),
        settings_form("Texte.", links=[("Blog", "http://blog.example.org/")]),
    )

    assert response.status_code == 200
    assert escape(in_json("Une adresse complète commençant par https://.")) in response.text
    assert not SiteSettings.objects.filter(footer_text="Texte.").exists()


def test_a_redacteur_cannot_open_the_site_settings(redacteur_client):
    response = redacteur_client.get(settings_url())
    refused_post = redacteur_client.post(settings_url(), settings_form("Texte d'un rédacteur."))

    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert refused_post.status_code == 302
    assert not SiteSettings.objects.filter(footer_text="Texte d'un rédacteur.").exists()


def test_the_settings_menu_is_labelled_in_french(editeur_client, redacteur_client):
    menu_item = f'"label": "{in_json("Réglages du site")}"'
    assert menu_item in editeur_client.get("/admin/").text
    assert menu_item not in redacteur_client.get("/admin/").text


@pytest.fixture
def consent_text():
    return ConsentText.objects.order_by("-pk").first() or ConsentText.objects.create(
        text="J'accepte de recevoir la lettre d'actualités."
    )


def test_the_consent_text_links_to_the_chosen_privacy_page(editeur_client, client, consent_text):
    chosen = StandardPageFactory(parent=home_page(), title="Données personnelles", slug="donnees")
    editeur_client.post(settings_url(), settings_form("Texte.", privacy_page=chosen))

    html = client.get("/newsletter/").content.decode()

    assert f'<a href="{chosen.url}">voir la politique de confidentialité</a>' in html


def test_without_a_chosen_page_the_consent_text_links_to_the_usual_slug(client, consent_text):
    usual = StandardPageFactory(
        parent=home_page(), title="Politique", slug="politique-de-confidentialite"
    )

    html = client.get("/newsletter/").content.decode()

    assert f'<a href="{usual.url}">voir la politique de confidentialité</a>' in html
