"""The promo blocks editors fill in: what they must give, what they may leave out."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StructBlockValidationError

from aimf_portal.editorial.blocks import EventPromoBlock, LinkBlock
from tests.html import parse_html, text_of

EVENT = {
    "heading": "PARIS 2023",
    "event": "98e réunion du Bureau de l'AIMF",
    "city": "Paris",
    "start_date": "2023-04-27",
    "end_date": "2023-04-29",
    "tagline": "Gouvernance locale, impact global !",
    "text": "Les maires du Bureau se sont retrouvés à Paris.",
}
# What the admin form gives for a link left blank.
NO_LINK = {"page": None, "url": "", "label": ""}
PROGRAMME = {"page": None, "url": "https://aimf.asso.fr/", "label": "Le programme"}


def event(**changes):
    return EventPromoBlock().to_python({**EVENT, "link": NO_LINK, **changes})


def test_a_link_needs_a_page_or_an_address():
    block = LinkBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({**NO_LINK, "label": "Lire"}))
    assert block.clean(block.to_python(PROGRAMME))["url"] == "https://aimf.asso.fr/"


@pytest.mark.parametrize(
    "address",
    ["https://aimf.asso.fr/", "http://aimf.asso.fr/", "/culture-patrimoine/publications/"],
)
def test_a_link_may_point_outside_or_to_a_path_of_the_site(address):
    block = LinkBlock()
    assert block.clean(block.to_python({**PROGRAMME, "url": address}))["url"] == address


@pytest.mark.parametrize(
    "address", ["javascript:alert(1)", "culture-patrimoine/", "//evil.example/", "/a b/"]
)
def test_a_link_refuses_other_addresses(address):
    block = LinkBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({**PROGRAMME, "url": address}))


def test_a_link_needs_its_text():
    block = LinkBlock()
    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(block.to_python({**PROGRAMME, "label": ""}))
    assert "label" in refused.value.block_errors


def test_an_event_cannot_end_before_it_starts():
    with pytest.raises(StructBlockValidationError) as refused:
        EventPromoBlock().clean(event(end_date="2023-04-26", link=PROGRAMME))
    assert "end_date" in refused.value.block_errors


def test_an_event_promo_may_have_no_link():
    """The block declares its link optional (LinkBlock(required=False)): editors may omit it."""
    assert EventPromoBlock().clean(event())["heading"] == "PARIS 2023"


def test_an_event_promo_without_link_renders_no_link():
    soup = parse_html(EventPromoBlock().render(event()))
    assert text_of(soup.find(class_="promo__when")) == "Paris, du 27 au 29 avril 2023"
    assert soup.find("a") is None


def test_an_event_promo_with_a_link_renders_it():
    soup = parse_html(EventPromoBlock().render(event(link=PROGRAMME)))
    assert [(text_of(a), a["href"]) for a in soup.find_all("a")] == [
        ("Le programme", "https://aimf.asso.fr/")
    ]
