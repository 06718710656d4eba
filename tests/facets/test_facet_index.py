"""The facet index (listings.facet_index): its bitmaps, and counts and pages that agree with the
items themselves whatever the selection, and that follow what editors publish."""

import datetime
import random

import pytest
from django.http import QueryDict

from aimf_portal.listings.facet_index import CHUNK_BITS, bitmap, set_positions
from aimf_portal.listings.listing import FacetedListing
from publications.factories import PublicationPageFactory
from publications.models import PublicationPage

from .helpers import LISTING, facet_options, soup_of

COUNTRIES = ["BJ", "TN", "CM", "SN", "FR"]
KINDS = [kind for kind, _label in PublicationPage.Kind.choices]
YEARS = [2021, 2022, 2023, 2024]


@pytest.mark.parametrize("size", [1, 9, CHUNK_BITS - 1, CHUNK_BITS + 1, 3 * CHUNK_BITS + 17])
def test_the_set_positions_of_a_bitmap_are_the_positions_it_was_built_from(size):
    rng = random.Random(size)
    positions = sorted(rng.sample(range(size), rng.randint(0, size)))
    bits = bitmap(positions, size)
    assert bits.bit_count() == len(positions)
    assert set_positions(bits, 0, size) == positions
    start = rng.randint(0, len(positions))
    stop = rng.randint(start, len(positions) + 3)
    assert set_positions(bits, start, stop) == positions[start:stop]


@pytest.fixture
def random_publications(theme):
    rng = random.Random(16)
    publications = []
    for number in range(30):
        publications.append(
            PublicationPageFactory(
                parent=theme,
                title=f"Publication {number}",
                countries=rng.sample(COUNTRIES, rng.randint(0, 3)),
                kind=rng.choice(KINDS),
                date=datetime.date(rng.choice(YEARS), 3, 1),
                image=None,
            )
        )
    return publications


def facts(publication):
    """{facet parameter: the values this publication has}."""
    return {
        "pays": {code.lower() for code in publication.countries.values_list("slug", flat=True)},
        "type": {publication.kind},
        "annee": {str(publication.date.year)},
    }


def kept(all_facts, selection, except_parameter=None):
    """The publications a selection keeps, worked out one by one."""
    return [
        publication
        for publication, values in all_facts.items()
        if all(
            values[parameter] & set(chosen)
            for parameter, chosen in selection.items()
            if parameter != except_parameter
        )
    ]


@pytest.mark.django_db
def test_counts_and_pages_agree_with_the_items_for_any_selection(theme, random_publications):
    rng = random.Random(3)
    all_facts = {publication: facts(publication) for publication in random_publications}
    scope = PublicationPage.listing_scope(theme=theme)
    newest_first = list(PublicationPage.with_card_data(scope))
    for _ in range(25):
        selection = {
            "pays": [c.lower() for c in rng.sample(COUNTRIES, rng.randint(0, 2))],
            "type": rng.sample(KINDS, rng.randint(0, 2)),
            "annee": [str(y) for y in rng.sample(YEARS, rng.randint(0, 2))],
        }
        selection = {parameter: values for parameter, values in selection.items() if values}
        query = QueryDict(mutable=True)
        for parameter, values in selection.items():
            query.setlist(parameter, values)
        listing = FacetedListing(PublicationPage, scope, query, "test", "/culture-patrimoine/")

        expected = [item for item in newest_first if item in kept(all_facts, selection)]
        assert listing.count == len(expected)
        assert list(listing.items_between(2, 7)) == expected[2:7]
        assert set(listing.queryset) == set(expected)
        for facet in listing.facets:
            others = kept(all_facts, selection, except_parameter=facet.parameter)
            expected_counts = {}
            for publication in others:
                for value in all_facts[publication][facet.parameter]:
                    expected_counts[value] = expected_counts.get(value, 0) + 1
            counts = {value: n for value, n in listing.counts(facet).items() if n}
            assert counts == expected_counts, (selection, facet.parameter)


@pytest.mark.django_db
def test_the_counts_follow_a_publication_published_after_the_index_was_built(
    client, theme, random_publications
):
    before = facet_options(soup_of(client, f"{LISTING}?annee=2024"), "pays")["bj"][1]
    PublicationPageFactory(
        parent=theme, countries=["BJ"], date=datetime.date(2024, 5, 1), image=None
    )
    after = facet_options(soup_of(client, f"{LISTING}?annee=2024"), "pays")["bj"][1]
    assert after == before + 1


@pytest.mark.django_db
def test_an_unpublished_publication_leaves_the_counts(client, theme, random_publications):
    in_benin = next(p for p in random_publications if "bj" in facts(p)["pays"])
    before = facet_options(soup_of(client, LISTING), "pays")["bj"][1]
    in_benin.unpublish()
    after = facet_options(soup_of(client, LISTING), "pays").get("bj", (None, 0))[1]
    assert after == before - 1
