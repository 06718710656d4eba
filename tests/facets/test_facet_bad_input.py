"""Whatever the query string holds, a listing answers 200 (or a French 404 for a page number
that does not exist), never a 500, and never reflects the input unescaped."""

import pytest

from publications.factories import PublicationPageFactory

MARKER = "<script>alert(1)</script>"

BAD_QUERY_STRINGS = {
    "unknown country": "pays=zz",
    "empty country": "pays=",
    "script in country": f"pays={MARKER}",
    "500 repeated countries": "&".join(["pays=bj"] * 250 + ["pays=zz"] * 250),
    "10,000-character value": "pays=" + "b" * 10_000,
    "year not a number": "annee=abc",
    "year out of range": "annee=99999999999999999999",
    "unknown type": "type=unknown",
    "script in type": f"type={MARKER}",
    "null byte": "pays=%00bj&annee=20%0024",
    "non-UTF-8 bytes": "pays=%FF%FE%FD&type=%C3%28",
    "unknown parameter": f"{MARKER}=1",
}

LISTINGS = [
    "/culture-patrimoine/publications/",
    "/culture-patrimoine/actualites/",
    "/culture-patrimoine/actions/",
    "/culture-patrimoine/",
]


@pytest.fixture
def publication(theme):
    return PublicationPageFactory(parent=theme, countries=["BJ"], image=None, title="Cahier")


@pytest.mark.django_db
@pytest.mark.parametrize("path", LISTINGS)
@pytest.mark.parametrize("query", BAD_QUERY_STRINGS.values(), ids=BAD_QUERY_STRINGS.keys())
def test_bad_filter_input_is_ignored_not_fatal(client, publication, path, query):
    response = client.get(f"{path}?{query}")
    assert response.status_code == 200
    assert MARKER.encode() not in response.content
    assert b"&lt;script&gt;alert(1)" not in response.content


@pytest.mark.django_db
def test_unknown_values_are_said_to_be_ignored(client, publication):
    response = client.get("/culture-patrimoine/publications/?pays=zz&pays=bj")
    assert "Certains filtres de l'adresse ont été ignorés" in response.content.decode()
    assert "Cahier" in response.content.decode()
    clean = client.get("/culture-patrimoine/publications/?pays=bj")
    assert "ont été ignorés" not in clean.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["-1", "0", "abc", "999999", "%00", "1e3"])
def test_a_page_that_does_not_exist_is_a_french_404(client, publication, page):
    response = client.get(f"/culture-patrimoine/publications/?pays=bj&page={page}")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()
