"""Plain pages (privacy policy, legal notice) render with the site frame and in the footer."""

import pytest

from aimf_portal.factories import StandardPageFactory
from tests.html import assert_page_chrome, breadcrumb, parse, text_of

pytestmark = pytest.mark.django_db


def test_a_standard_page_renders_its_fields(client):
    page = StandardPageFactory(
        title="Politique de confidentialité",
        intro="Ce que l'AIMF fait de vos données.",
        search_description="Comment l'AIMF protège les données des abonnés.",
        body=[
            {"type": "paragraph", "value": "<h2>Vos droits</h2><p>Vous pouvez écrire.</p>"},
            {
                "type": "quote",
                "value": {"quote": "Vos données vous appartiennent.", "attribution": ""},
            },
        ],
    )
    soup = assert_page_chrome(
        client.get(page.url),
        title="Politique de confidentialité",
        description="Comment l'AIMF protège les données des abonnés.",
    )
    assert text_of(soup.find("h1")) == "Politique de confidentialité"
    assert text_of(soup.find(class_="item-header__teaser")) == "Ce que l'AIMF fait de vos données."
    body = soup.find(class_="item__body")
    assert text_of(body.find("h2")) == "Vos droits"
    assert text_of(body.find("blockquote")) == "Vos données vous appartiennent."
    assert body.find("figcaption") is None
    assert breadcrumb(soup) == (
        ["Accueil", "Politique de confidentialité"],
        ["Politique de confidentialité"],
    )


def test_top_level_standard_pages_are_linked_from_every_footer(client):
    privacy = StandardPageFactory(title="Politique de confidentialité")
    StandardPageFactory(title="Sous-page", parent=privacy)
    StandardPageFactory(title="Mentions légales en préparation", draft=True)
    footer = parse(client.get("/")).find("footer")
    links = footer.find("nav", attrs={"aria-label": "Informations sur le site"}).find_all("a")
    assert [(text_of(link), link["href"]) for link in links] == [
        ("Politique de confidentialité", privacy.url)
    ]
