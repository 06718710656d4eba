"""The card teaser: cut at a word boundary, never longer than asked, marked with "…"."""

import pytest

from aimf_portal.editorial.text import truncate_at_word
from aimf_portal.items.models import CARD_TEASER_LENGTH
from news.factories import NewsPageFactory
from tests.html import parse_html

TEASER = (
    "La ville de Québec et la ville de Namur célèbrent trente ans de jumelage autour de la "
    "place de Namur, inaugurée en présence des deux maires et de nombreux habitants."
)


def truncate(text, limit):
    return truncate_at_word(text, limit)


def test_cuts_at_the_end_of_a_word_and_adds_an_ellipsis():
    assert truncate(TEASER, 42) == "La ville de Québec et la ville de Namur…"


def test_a_word_that_ends_exactly_at_the_cut_is_kept():
    # "…de Namur" is 39 characters and the next one is a space: with the ellipsis it fits in 40.
    assert truncate(TEASER, 40) == "La ville de Québec et la ville de Namur…"


@pytest.mark.parametrize("limit", range(5, len(TEASER) + 5, 7))
def test_never_longer_than_the_limit_and_never_cuts_a_word(limit):
    cut = truncate(TEASER, limit)
    assert len(cut) <= limit
    if cut == TEASER:
        return
    assert cut.endswith("…")
    kept = cut.removesuffix("…")
    assert kept, "something is kept"
    assert TEASER.startswith(kept)
    # The next character of the original is a space or punctuation, not the rest of a word.
    assert not TEASER[len(kept)].isalnum()


def test_punctuation_before_the_cut_is_dropped():
    assert truncate("Hué, Fès, Namur, Québec et Sousse", 19) == "Hué, Fès, Namur…"


def test_short_text_is_untouched():
    assert truncate("Hué 2025", 180) == "Hué 2025"
    assert truncate(TEASER, len(TEASER)) == TEASER


def test_whitespace_is_collapsed_before_measuring():
    assert truncate("  Hué\n\n2025  ", 8) == "Hué 2025"


def test_a_single_long_word_is_cut_hard_rather_than_overflowing():
    cut = truncate("Anticonstitutionnellement", 10)
    assert cut == "Anticonst…"
    assert len(cut) == 10


@pytest.mark.django_db
def test_a_card_shows_its_teaser_cut_and_escaped(client, theme):
    teaser = "<b>Hué</b> " + TEASER
    NewsPageFactory(parent=theme, teaser=teaser)
    html = client.get(theme.url).content.decode()
    shown = parse_html(html).select_one(".card__teaser")
    assert shown.get_text() == truncate_at_word(teaser, CARD_TEASER_LENGTH)
    assert "<b>Hué</b>" not in html
