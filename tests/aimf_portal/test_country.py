"""The country vocabulary: ISO codes, lowercase slugs, no free tagging, French order."""

import pytest
from django.core.exceptions import ValidationError

from aimf_portal.items.factories import CountryFactory, member_countries
from aimf_portal.items.models import Country
from news.factories import NewsPageFactory

pytestmark = pytest.mark.django_db

# The 34 member countries the issue lists from public sources.
KNOWN_MEMBERS = {
    "BJ": "Bénin", "BF": "Burkina Faso", "BI": "Burundi", "CM": "Cameroun", "CF": "Centrafrique",
    "KM": "Comores", "CG": "Congo", "CD": "RD Congo", "CI": "Côte d'Ivoire", "GA": "Gabon",
    "MG": "Madagascar", "ML": "Mali", "MA": "Maroc", "MU": "Maurice", "MR": "Mauritanie",
    "NE": "Niger", "RW": "Rwanda", "SN": "Sénégal", "SC": "Seychelles", "TG": "Togo",
    "TN": "Tunisie", "CA": "Canada", "HT": "Haïti", "US": "États-Unis", "FR": "France",
    "BE": "Belgique", "CH": "Suisse", "LU": "Luxembourg", "RO": "Roumanie", "AM": "Arménie",
    "KH": "Cambodge", "LA": "Laos", "LB": "Liban", "VN": "Vietnam",
}  # fmt: skip


def test_the_migration_loads_the_member_countries_with_their_slugs():
    loaded = {country.code: country for country in Country.objects.all()}
    for code, name in KNOWN_MEMBERS.items():
        assert loaded[code].name == name
        assert loaded[code].slug == code.lower()
    assert all(country.slug == country.code.lower() for country in loaded.values())


def test_the_code_is_stored_uppercase_and_the_slug_is_the_lowercase_code():
    country = CountryFactory(code="xk", name="Pays d'essai")
    country.refresh_from_db()
    assert (country.code, country.slug) == ("XK", "xk")


def test_changing_the_code_changes_the_slug():
    country = CountryFactory(code="XA")
    country.code = "xb"
    country.save()
    country.refresh_from_db()
    assert (country.code, country.slug) == ("XB", "xb")


def test_a_code_is_two_letters():
    for bad_code in ["B", "B1", "BEN", "é1"]:
        with pytest.raises(ValidationError) as refused:
            Country(code=bad_code, name="Pays", slug="pays").full_clean()
        assert "code" in refused.value.message_dict


def test_codes_are_unique():
    with pytest.raises(ValidationError) as refused:
        Country(code="BJ", name="Benin", slug="benin").full_clean()
    assert "code" in refused.value.message_dict


def test_editors_cannot_type_new_countries():
    assert Country.free_tagging is False


def test_sorted_by_name_ignores_accents():
    shuffled = member_countries("BF", "BJ", "BE", "US", "FR")
    names = [country.name for country in Country.sorted_by_name(shuffled)]
    assert names == ["Belgique", "Bénin", "Burkina Faso", "États-Unis", "France"]


def test_item_pages_list_their_countries_in_french_order():
    news = NewsPageFactory(countries=["BF", "BJ", "BE"], image=None)
    assert [country.name for country in news.sorted_countries()] == [
        "Belgique",
        "Bénin",
        "Burkina Faso",
    ]
