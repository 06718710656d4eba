"""Links in promos: a page, a site path (a theme's listing) or an external address."""

import pytest
from django.core.exceptions import ValidationError

from aimf_portal.editorial.blocks import EventPromoBlock, LinkBlock
from aimf_portal.factories import home_page


def link(page=None, url="", label=""):
    return LinkBlock().to_python({"page": page.pk if page else None, "url": url, "label": label})


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/culture-patrimoine/publications/", "https://www.aimf.asso.fr/", "/"]
)
def test_a_site_path_or_an_external_address_is_accepted(url):
    assert LinkBlock().clean(link(url=url, label="Voir"))["url"] == url


@pytest.mark.django_db
def test_a_page_is_accepted():
    assert LinkBlock().clean(link(page=home_page(), label="Accueil"))["page"].pk == home_page().pk


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"url": "javascript:alert(1)", "label": "Voir"}, "url"),
        ({"url": "culture-patrimoine", "label": "Voir"}, "url"),
        ({"url": "/chemin avec espace", "label": "Voir"}, "url"),
        ({"label": "Voir"}, "page"),
        ({"url": "/culture-patrimoine/"}, "label"),
        ({}, "page"),
    ],
)
def test_a_required_link_needs_one_target_and_a_label(kwargs, field):
    with pytest.raises(ValidationError) as error:
        LinkBlock().clean(link(**kwargs))
    assert field in error.value.block_errors


@pytest.mark.django_db
def test_a_page_and_an_address_together_are_refused():
    with pytest.raises(ValidationError):
        LinkBlock().clean(link(page=home_page(), url="/x/", label="Voir"))


@pytest.mark.django_db
def test_an_event_promo_may_have_no_link():
    block = EventPromoBlock()
    value = block.to_python(
        {
            "heading": "PARIS 2023",
            "event": "98e réunion du Bureau de l'AIMF",
            "city": "Paris",
            "start_date": "2023-04-27",
            "end_date": "2023-04-29",
            "tagline": "",
            "text": "Les Rencontres de l'AIMF à Paris.",
            "link": {"page": None, "url": "", "label": ""},
        }
    )
    cleaned = block.clean(value)
    assert "href" not in block.render(cleaned)
