"""Search at /recherche/: every kind of item, French stemming and accents on PostgreSQL, what
SQLite's backend honestly does, and bad input answered in French, never with a 500."""

import pytest
from wagtail.models import Page

from news.factories import NewsPageFactory
from tests.discovery.helpers import indexed
from tests.html import parse, text_of

MARKER = "<script>alert(1)</script>"


def search(client, query, **params):
    return client.get("/recherche/", {"q": query, **params})


def result_titles(soup):
    return [text_of(card.find(class_="card__title")) for card in soup.select(".search-result")]


def result_kinds(soup):
    return [text_of(kind) for kind in soup.select(".search-result__kind")]


def count_line(soup):
    return text_of(soup.find(class_="result-count"))


def test_results_are_labelled_cards_of_public_items_only(client, searchable):
    response = search(client, "patrimoine")

    assert response.status_code == 200
    soup = parse(response)
    assert count_line(soup) == "3 résultats pour « patrimoine »"
    titles = result_titles(soup)
    assert sorted(titles) == [
        "Guide des villes patrimoniales",
        "Le patrimoine de Hué restauré",
        "Sauvegarde de la médina",
    ]
    kinds = dict(zip(titles, result_kinds(soup), strict=True))
    assert kinds == {
        "Le patrimoine de Hué restauré": "Actualité",
        "Sauvegarde de la médina": "Action",
        "Guide des villes patrimoniales": "Publication",
    }
    links = {link["href"] for link in soup.select(".search-result .card__title a")}
    assert links == {searchable[kind].url for kind in ("news", "action", "publication")}
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert text_of(soup.title) == "Recherche : « patrimoine » – AIMF"
    assert len(soup.find_all("h1")) == 1


def test_one_result_is_singular_and_countries_are_searched(client, searchable):
    soup = parse(search(client, "Vietnam"))

    assert count_line(soup) == "1 résultat pour « Vietnam »"
    assert result_titles(soup) == ["Le patrimoine de Hué restauré"]


def test_every_word_must_match(client, searchable):
    soup = parse(search(client, "patrimoine citadelle"))

    assert result_titles(soup) == ["Le patrimoine de Hué restauré"]


def test_a_title_match_ranks_first(client, searchable):
    # "patrimoine" is in the news item's title, and only in the teasers of the action and the
    # publication: PostgreSQL's ts_rank and SQLite's bm25 both weight the title.
    titles = result_titles(parse(search(client, "patrimoine")))

    assert titles[0] == "Le patrimoine de Hué restauré"
    assert len(titles) == 3


def test_words_may_be_found_in_different_fields(client, searchable):
    # "Fès" is only in the teaser, "médina" only in the title.
    assert result_titles(parse(search(client, "médina Fès"))) == ["Sauvegarde de la médina"]


def test_accents_do_not_matter(client, searchable):
    # PostgreSQL: the french_unaccent configuration. SQLite: FTS5's unicode61 tokenizer also
    # removes diacritics, so both backends agree here.
    assert result_titles(parse(search(client, "Hue citadelle"))) == [
        "Le patrimoine de Hué restauré"
    ]
    assert result_titles(parse(search(client, "Fes"))) == ["Sauvegarde de la médina"]
    assert result_titles(parse(search(client, "MEDINA"))) == ["Sauvegarde de la médina"]


def test_plural_finds_singular_in_development_as_in_production(client, searchable):
    # French stemming: "patrimoines" and "patrimoine" share their stem, on PostgreSQL and, with
    # the same Snowball stemmer, on SQLite.
    soup = parse(search(client, "patrimoines"))

    assert count_line(soup) == "3 résultats pour « patrimoines »"


def test_no_results_page_gives_suggestions(client, searchable):
    response = search(client, "xylophone")

    assert response.status_code == 200
    soup = parse(response)
    assert count_line(soup) == "Aucun résultat pour « xylophone »"
    assert result_titles(soup) == []
    assert "Essayez avec moins de mots" in text_of(soup.find("main"))


@pytest.mark.parametrize("query", ["", "   "], ids=["empty", "blank"])
def test_empty_query_invites_to_type(client, searchable, query):
    response = search(client, query)

    assert response.status_code == 200
    soup = parse(response)
    assert "Tapez un ou plusieurs mots" in text_of(soup.find("main"))
    assert soup.find(class_="result-count") is None
    assert text_of(soup.title) == "Recherche – AIMF"


def test_no_query_parameter_at_all(client, db):
    response = client.get("/recherche/")

    assert response.status_code == 200
    assert "Tapez un ou plusieurs mots" in text_of(parse(response).find("main"))


@pytest.mark.parametrize("query", ["les", "le la de", "Les À l'"])
def test_only_stop_words_is_too_vague_on_every_backend(client, searchable, query):
    response = search(client, query)

    assert response.status_code == 200
    soup = parse(response)
    assert "est trop vague" in text_of(soup.find("main"))
    assert soup.find(class_="result-count") is None
    assert result_titles(soup) == []


def test_stop_words_are_dropped_from_a_longer_query(client, searchable):
    soup = parse(search(client, "le patrimoine de la citadelle"))

    assert result_titles(soup) == ["Le patrimoine de Hué restauré"]


def test_les_patrimoines_finds_patrimony_not_every_les(client, searchable, theme):
    plural = indexed(NewsPageFactory(parent=theme, title="Les patrimoines vivants"))
    for number in range(3):
        indexed(NewsPageFactory(parent=theme, title=f"Les élus se réunissent {number}"))

    titles = result_titles(parse(search(client, "les patrimoines")))

    # "les" dropped, "patrimoines" stemmed: every patrimony item, and nothing else.
    assert sorted(titles) == sorted(
        [plural.title, *(searchable[kind].title for kind in ("news", "action", "publication"))]
    )


@pytest.mark.parametrize("query", ['"', "&|!", "()*:^", "-", "«»"])
def test_only_punctuation_asks_for_words(client, searchable, query):
    response = search(client, query)

    assert response.status_code == 200
    assert "ne contient aucun mot à chercher" in text_of(parse(response).find("main"))


@pytest.mark.parametrize(
    "query",
    ['patrimoine"', "NOT patrimoine", "patrimoine AND", 'NEAR("patrimoine"', "title:patrimoine"],
)
def test_query_syntax_is_read_as_words(client, searchable, query):
    response = search(client, query)

    assert response.status_code == 200
    assert parse(response).find(class_="result-count") is not None


def test_a_5000_character_query_is_cut_before_parsing(client, searchable):
    response = search(client, "patrimoine " * 455)

    assert response.status_code == 200
    soup = parse(response)
    assert "seuls ses 200 premiers caractères" in text_of(soup.find("main"))
    assert len(soup.find(id="recherche-page")["value"]) <= 200
    assert count_line(soup).startswith("3 résultats pour « patrimoine patrimoine")


def test_markup_is_never_reflected(client, searchable):
    response = search(client, MARKER)

    assert response.status_code == 200
    html = response.content.decode()
    assert MARKER not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_sql_fragments_are_just_words(client, searchable):
    before = Page.objects.count()

    response = search(client, "'; DROP TABLE wagtailcore_page; -- patrimoine")

    assert response.status_code == 200
    assert Page.objects.count() == before
    assert "Aucun résultat" in count_line(parse(response))


def test_nul_byte_is_a_french_400(client, searchable):
    response = client.get("/recherche/?q=patri%00moine")

    assert response.status_code == 400
    soup = parse(response)
    assert "caractères que nous ne pouvons pas lire" in text_of(soup.find("main"))
    assert "\x00" not in response.content.decode()


def test_non_utf8_bytes_do_not_break_the_page(client, searchable):
    response = client.get("/recherche/?q=%FF%FEpatrimoine%C3%28")

    assert response.status_code == 200
    assert parse(response).find(class_="result-count") is not None


def test_results_are_paginated_and_keep_the_query(client, theme):
    for number in range(14):
        indexed(NewsPageFactory(parent=theme, title=f"Coopération décentralisée {number}"))

    first = parse(search(client, "coopération"))
    second = parse(search(client, "coopération", page=2))

    assert count_line(first) == "14 résultats pour « coopération » – page 1 sur 2"
    assert len(result_titles(first)) == 12
    assert len(result_titles(second)) == 2
    assert not set(result_titles(first)) & set(result_titles(second))
    next_link = first.find("a", attrs={"rel": "next"})["href"]
    assert "q=coop%C3%A9ration" in next_link
    assert "page=2" in next_link


@pytest.mark.parametrize("page", ["3", "abc", "0"])
def test_a_page_that_does_not_exist_is_a_french_404(client, searchable, page):
    response = search(client, "patrimoine", page=page)

    assert response.status_code == 404


# The count and the country counts (one query), one page of results (one), its items (their
# cards from the cache), and the site, for absolute addresses.
QUERIES_FOR_A_PAGE_OF_NEWS = 4


@pytest.mark.parametrize("matches", [5, 60])
def test_a_search_costs_the_same_queries_whatever_its_number_of_matches(
    client, theme, matches, django_assert_num_queries
):
    for number in range(matches):
        indexed(NewsPageFactory(parent=theme, title=f"Jumelage {number}", countries=["BJ"]))
    search(client, "jumelage")  # Warm the caches: site root, theme menu, cards.

    with django_assert_num_queries(QUERIES_FOR_A_PAGE_OF_NEWS):
        response = search(client, "jumelage", pays="bj")

    assert count_line(parse(response)).startswith(f"{matches} résultats")


def test_every_page_has_a_labelled_search_box_in_its_header(client, searchable):
    for url in ["/", searchable["news"].url, "/recherche/?q=patrimoine"]:
        soup = parse(client.get(url))
        header = soup.find("header")
        form = header.find("form", attrs={"role": "search"})
        assert form["action"] == "/recherche/"
        assert form["method"] == "get"
        field = form.find("input", attrs={"name": "q"})
        assert header.find("label", attrs={"for": field["id"]}) is not None


def test_publishing_an_edit_updates_the_index(client, searchable):
    news = searchable["news"]
    news.title = "Les remparts de Hué"
    news.save_revision().publish()

    assert result_titles(parse(search(client, "remparts"))) == ["Les remparts de Hué"]
    assert result_titles(parse(search(client, "restauré"))) == []


def test_an_unpublished_item_leaves_the_results(client, searchable):
    searchable["action"].unpublish()

    assert result_titles(parse(search(client, "médina"))) == []


def test_results_are_never_cached(client, searchable):
    response = search(client, "patrimoine")

    assert "no-cache" in response["Cache-Control"]
    assert "private" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


def country_options(soup):
    """(label with its count, checked) for each country of the search form's facet."""
    fieldset = soup.select_one(".search-form fieldset")
    return [
        (text_of(soup.find("label", attrs={"for": box["id"]})), box.has_attr("checked"))
        for box in fieldset.select("input[name=pays]")
    ]


def test_the_country_facet_counts_every_kind_of_match(client, searchable):
    soup = parse(search(client, "patrimoine"))

    assert text_of(soup.select_one(".search-form legend")) == "Pays"
    assert country_options(soup) == [
        ("Bénin (1)", False),
        ("Maroc (1)", False),
        ("Vietnam (1)", False),
    ]
    # One form: ticking a country keeps the words searched for.
    form = soup.select_one(".search-form")
    assert form.find("input", attrs={"name": "q"})["value"] == "patrimoine"


def test_a_country_narrows_the_results_and_keeps_the_counts(client, searchable):
    soup = parse(search(client, "patrimoine", pays=["ma", "vn"]))

    assert sorted(result_titles(soup)) == [
        "Le patrimoine de Hué restauré",
        "Sauvegarde de la médina",
    ]
    assert count_line(soup) == "2 résultats pour « patrimoine »"
    assert country_options(soup) == [
        ("Bénin (1)", False),
        ("Maroc (1)", True),
        ("Vietnam (1)", True),
    ]
    chips = {text_of(chip): chip["href"] for chip in soup.select(".chips a")}
    assert chips["Maroc × (retirer le filtre pays)"] == "/recherche/?q=patrimoine&pays=vn"
    assert chips["Tous les pays"] == "/recherche/?q=patrimoine"
    assert text_of(soup.title) == "Recherche : « patrimoine » – Maroc, Vietnam – AIMF"
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_counts_follow_the_words_not_the_whole_site(client, searchable):
    soup = parse(search(client, "citadelle"))

    assert country_options(soup) == [("Vietnam (1)", False)]


def test_a_filtered_search_keeps_its_filter_across_pages(client, theme):
    for number in range(14):
        indexed(NewsPageFactory(parent=theme, title=f"Jumelage {number}", countries=["SN"]))
    indexed(NewsPageFactory(parent=theme, title="Jumelage béninois", countries=["BJ"]))

    first = parse(search(client, "jumelage", pays="sn"))
    second = parse(search(client, "jumelage", pays="sn", page=2))

    assert count_line(first) == "14 résultats pour « jumelage » – page 1 sur 2"
    next_link = first.find("a", attrs={"rel": "next"})["href"]
    assert "pays=sn" in next_link and "page=2" in next_link
    assert len(result_titles(second)) == 2
    assert "Jumelage béninois" not in result_titles(first) + result_titles(second)
    assert text_of(second.title) == "Recherche : « jumelage » – Sénégal – page 2 – AIMF"


@pytest.mark.parametrize(
    "countries",
    [["zz"], ["<script>"], ["x" * 500], ["'; DROP TABLE wagtailcore_page; --"], ["ma", "zz"]],
)
def test_unknown_countries_are_ignored_in_french(client, searchable, countries):
    response = search(client, "patrimoine", pays=countries)

    assert response.status_code == 200
    soup = parse(response)
    assert "Certains pays de l'adresse ont été ignorés" in text_of(soup.find("main"))
    expected = 1 if "ma" in countries else 3
    assert len(result_titles(soup)) == expected
    assert "<script>" not in response.content.decode()
