"""The admin is the portal's: its mark instead of Wagtail's bird, French help where Wagtail's
leaked, no « Faire apparaître dans les menus » that no menu reads, and the editors' guide of
docs/guide-redaction.md served inside the admin with its screenshots."""

import re

import pytest
from django.urls import reverse

from tests.html import parse, parse_html, text_of

from .helpers import add_news_url

pytestmark = pytest.mark.django_db

GUIDE_URL = "/admin/guide/"


@pytest.mark.parametrize(
    ("app", "model"),
    [
        ("news", "newspage"),
        ("actions", "actionpage"),
        ("publications", "publicationpage"),
    ],
)
def test_the_item_forms_explain_the_slug_in_french_and_offer_no_menu_box(
    redacteur_client, theme, app, model
):
    html = redacteur_client.get(reverse("wagtailadmin_pages:add", args=(app, model, theme.pk)))
    html = html.content.decode()

    assert "La fin de l&#x27;adresse de la page" in html
    assert "domain.com" not in html
    assert 'name="show_in_menus"' not in html
    assert "Faire apparaître dans les menus" not in html


def test_the_admin_shows_the_portals_mark_not_wagtails(redacteur_client, client, db):
    dashboard = redacteur_client.get("/admin/").content.decode()
    logo = re.search(
        r"<template data-wagtail-sidebar-branding-logo>(.*?)</template>", dashboard, re.S
    )
    assert "img/favicon.svg" in logo.group(1)
    assert "Portail de l'AIMF" in text_of(parse_html(dashboard).find("h1"))

    login = parse(client.get("/admin/login/"))
    assert text_of(login.find("h1")) == "Administration du portail de l'AIMF"
    assert login.select_one(".login-logo img")["src"].endswith("img/logo-aimf.svg")


def test_the_dashboard_opens_with_the_portals_guide(redacteur_client):
    soup = parse(redacteur_client.get("/admin/"))
    panel = soup.find(id="guide-redaction-section") or soup.find(id="guide-redaction")
    assert panel is not None
    assert panel.find("a", string=re.compile("Ouvrir le guide de rédaction"))["href"] == GUIDE_URL
    html = str(soup)
    assert "guide.wagtail.org" not in html
    assert "editor-guide" not in html


def test_the_guide_is_served_inside_the_admin_with_its_screenshots(redacteur_client):
    soup = parse(redacteur_client.get(GUIDE_URL))

    assert "Guide de rédaction" in text_of(soup.find("h1"))
    guide = soup.select_one(".aimf-guide")
    headings = [text_of(h2) for h2 in guide.find_all("h2")]
    assert "Publier une actualité" in headings and "Les pays" in headings
    assert guide.find("h2", string="Les pays")["id"] == "les-pays"
    images = guide.find_all("img")
    assert len(images) >= 10
    for image in images:
        response = redacteur_client.get(GUIDE_URL + image["src"])
        assert response.status_code == 200, image["src"]
        assert response["Content-Type"] == "image/png"
        assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    # Links to the technical documents are kept as text, not as links that 404.
    assert not guide.find("a", href=re.compile(r"\.md"))
    assert guide.find("table") is not None


@pytest.mark.parametrize("name", ["nexiste-pas.png", "..", "x.md", "historique.png.md"])
def test_only_the_guides_pictures_are_served(redacteur_client, name):
    assert redacteur_client.get(GUIDE_URL + "img/" + name).status_code == 404


def test_the_guide_is_for_people_who_may_use_the_admin(client, db):
    assert client.get(GUIDE_URL).status_code == 302


def test_the_help_menu_points_to_the_portals_guide(redacteur_client, theme):
    html = redacteur_client.get(add_news_url(theme)).content.decode()
    assert f'"{GUIDE_URL}"' in html
    # Wagtail's editor guide and release notes are gone from the help menu.
    assert "target_version" not in html and "whats-new-in-wagtail" not in html
