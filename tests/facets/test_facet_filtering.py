"""The country facet (and kind and year on publications): results, counts and links agree."""

from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest

from news.factories import NewsPageFactory
from publications.factories import PublicationPageFactory

from .helpers import LISTING, facet_options, listed_titles, soup_of, status_text


@pytest.mark.django_db
class TestFilteringResults:
    def test_one_country(self, client, tagged_publications):
        soup = soup_of(client, f"{LISTING}?pays=bj")
        assert listed_titles(soup) == {"Cahier béninois", "Rapport Bénin Tunisie"}
        assert status_text(soup) == "2 publications avec ces filtres"

    def test_several_countries_match_any_and_list_each_item_once(self, client, tagged_publications):
        soup = soup_of(client, f"{LISTING}?pays=bj&pays=tn")
        cards = soup.select("#filtre-resultats .card__title a")
        assert sorted(card.get_text(strip=True) for card in cards) == [
            "Cahier béninois",
            "Cahier tunisien",
            "Rapport Bénin Tunisie",
        ]

    def test_country_codes_are_case_insensitive(self, client, tagged_publications):
        upper = listed_titles(soup_of(client, f"{LISTING}?pays=BJ&pays=Tn"))
        lower = listed_titles(soup_of(client, f"{LISTING}?pays=bj&pays=tn"))
        assert upper == lower and len(upper) == 3

    def test_countries_combine_with_kind_and_year(self, client, tagged_publications):
        kind = listed_titles(soup_of(client, f"{LISTING}?pays=bj&pays=tn&type=raisonnance"))
        assert kind == {"Cahier béninois", "Cahier tunisien"}
        year = listed_titles(soup_of(client, f"{LISTING}?pays=bj&pays=tn&annee=2024"))
        assert year == {"Cahier béninois", "Rapport Bénin Tunisie"}
        both = listed_titles(soup_of(client, f"{LISTING}?pays=tn&type=raisonnance&annee=2023"))
        assert both == {"Cahier tunisien"}

    def test_drafts_and_private_pages_never_show_nor_count(self, client, tagged_publications):
        soup = soup_of(client, LISTING)
        titles = listed_titles(soup)
        assert "Brouillon sénégalais" not in titles and "Note privée" not in titles
        assert len(titles) == 6
        countries = facet_options(soup, "pays")
        assert "sn" not in countries
        assert countries["bj"][1] == 2
        assert facet_options(soup, "type")["raisonnance"][1] == 2

    def test_empty_result_says_so_and_offers_to_clear(self, client, tagged_publications):
        soup = soup_of(client, f"{LISTING}?pays=cm&annee=2024")
        assert status_text(soup) == "Aucune publication avec ces filtres"
        empty = soup.select_one("#filtre-resultats .empty-state")
        assert "Aucune publication ne correspond à ces filtres" in empty.get_text()
        assert empty.find("a")["href"] == LISTING


@pytest.mark.django_db
class TestFacetCounts:
    def test_labels_are_french_names_sorted_with_accents_handled(self, client, tagged_publications):
        options = facet_options(soup_of(client, LISTING), "pays")
        names = [name for name, _, _ in options.values()]
        assert names == ["Belgique", "Bénin", "Burkina Faso", "Cameroun", "Tunisie"]

    def test_a_count_is_what_the_value_gives_with_the_other_facets(
        self, client, tagged_publications
    ):
        """Values of one facet combine with OR, so a value's count is the number of results with
        that value alone in its facet, the other facets' selections unchanged."""
        selections = ["", "pays=bj", "type=raisonnance", "annee=2023&type=guide", "pays=tn&pays=cm"]
        for selection in selections:
            soup = soup_of(client, f"{LISTING}?{selection}")
            for parameter in ("pays", "type", "annee"):
                others = [pair for pair in parse_qsl(selection) if pair[0] != parameter]
                for value, (_, count, _) in facet_options(soup, parameter).items():
                    query = urlencode([*others, (parameter, value)])
                    alone = soup_of(client, f"{LISTING}?{query}")
                    assert len(listed_titles(alone)) == count, (selection, parameter, value)

    def test_a_facet_counts_ignore_its_own_selection(self, client, tagged_publications):
        soup = soup_of(client, f"{LISTING}?pays=bj")
        countries = facet_options(soup, "pays")
        assert countries["tn"] == ("Tunisie", 2, False)
        assert countries["bj"] == ("Bénin", 2, True)
        assert facet_options(soup, "type") == {
            "raisonnance": ("Raisonnance", 1, False),
            "rapport": ("Rapport", 1, False),
        }

    def test_a_ticked_value_without_matches_stays_in_the_form(self, client, tagged_publications):
        soup = soup_of(client, f"{LISTING}?pays=cm&annee=2024")
        assert facet_options(soup, "pays")["cm"] == ("Cameroun", 0, True)
        assert facet_options(soup, "annee")["2024"] == ("2024", 0, True)

    def test_news_and_actions_listings_have_the_country_facet_only(self, client, theme):
        NewsPageFactory(parent=theme, title="Hué accueille les maires", countries=["VN"])
        soup = soup_of(client, "/culture-patrimoine/actualites/?pays=vn")
        assert listed_titles(soup) == {"Hué accueille les maires"}
        assert facet_options(soup, "pays") == {"vn": ("Vietnam", 1, True)}
        assert not soup.select("input[name=type]") and not soup.select("input[name=annee]")


@pytest.mark.django_db
class TestFilterLinks:
    def test_chips_remove_one_value_and_clear_all(self, client, tagged_publications):
        soup = soup_of(client, f"{LISTING}?pays=bj&pays=tn&type=raisonnance")
        chips = {chip.get_text(" ", strip=True): chip["href"] for chip in soup.select(".chip")}
        assert chips["Bénin × (retirer le filtre pays)"] == f"{LISTING}?pays=tn&type=raisonnance"
        assert chips["Raisonnance × (retirer le filtre type de publication)"] == (
            f"{LISTING}?pays=bj&pays=tn"
        )
        assert chips["Tout effacer"] == LISTING

    def test_pagination_keeps_filters_and_filtering_returns_to_page_one(self, client, theme):
        for number in range(14):
            PublicationPageFactory(parent=theme, countries=["BJ"], image=None, title=f"B{number}")
        PublicationPageFactory(parent=theme, countries=["SN"], image=None, title="Hors filtre")
        soup = soup_of(client, f"{LISTING}?pays=bj")
        next_link = soup.select_one(".pagination a[rel=next]")["href"]
        assert sorted(parse_qsl(urlsplit(next_link).query)) == [("page", "2"), ("pays", "bj")]
        second = soup_of(client, f"{LISTING}?pays=bj&page=2")
        assert len(listed_titles(second)) == 2
        assert "Hors filtre" not in listed_titles(second)
        form = second.select_one("form[data-facet-form]")
        assert not form.select("input[name=page]")
        assert all("page=" not in chip["href"] for chip in second.select(".chip"))

    def test_filtered_pages_are_noindex_with_the_listing_as_canonical(
        self, client, tagged_publications
    ):
        filtered = soup_of(client, f"{LISTING}?pays=bj")
        assert filtered.find("meta", attrs={"name": "robots"})["content"] == "noindex, follow"
        # Canonical addresses come from the Wagtail Site (localhost, migration 0003), not the Host.
        assert filtered.find("link", rel="canonical")["href"] == f"http://localhost{LISTING}"
        plain = soup_of(client, LISTING)
        assert plain.find("meta", attrs={"name": "robots"}) is None
        assert plain.find("link", rel="canonical")["href"] == f"http://localhost{LISTING}"


@pytest.mark.django_db
class TestThemePagePublicationsSection:
    def test_the_section_is_filtered_and_other_sections_are_not(
        self, client, theme, tagged_publications
    ):
        NewsPageFactory(parent=theme, title="Actualité camerounaise", countries=["CM"])
        soup = soup_of(client, "/culture-patrimoine/?pays=tn")
        section = "#publications-resultats"
        assert listed_titles(soup, section) == {"Cahier tunisien", "Rapport Bénin Tunisie"}
        assert "Actualité camerounaise" in soup.select_one("#section-actualites").get_text()
        assert status_text(soup, "publications-statut") == ("2 publications avec ces filtres")
        more = soup.select_one("#section-publications .section__more")["href"]
        assert more == f"{LISTING}?pays=tn"

    def test_the_form_comes_back_to_the_section(self, client, tagged_publications):
        soup = soup_of(client, "/culture-patrimoine/")
        form = soup.select_one("#section-publications form[data-facet-form]")
        assert form["method"] == "get"
        assert form["action"] == "/culture-patrimoine/#section-publications"
        assert facet_options(soup, "pays", form="#section-publications form")["bj"][1] == 2
