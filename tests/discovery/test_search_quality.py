"""A labelled set of French searches: for each query, the items that must come first.

Run on SQLite and on PostgreSQL (CI runs both): search must find the same items, stemming and
accents included, however it is made fast. The corpus mixes titles, teasers, countries and
cities, with distractors that hold the same words only in their text.
"""

from urllib.parse import parse_qs, urlsplit

import pytest

from actions.factories import ActionPageFactory
from news.factories import NewsPageFactory
from publications.factories import PublicationPageFactory
from tests.discovery.helpers import indexed
from tests.html import parse

pytestmark = pytest.mark.django_db

CORPUS = [
    (NewsPageFactory, "Le patrimoine de Hué restauré", "La citadelle rouvre.", ["VN"], "Hué"),
    (ActionPageFactory, "Sauvegarde de la médina", "Les artisans de Fès forment.", ["MA"], "Fès"),
    (PublicationPageFactory, "Guide des villes patrimoniales", "Protéger le patrimoine.", ["BJ"]),
    (ActionPageFactory, "Eau potable à Dakar", "Des bornes fontaines.", ["SN"], "Dakar"),
    (NewsPageFactory, "Les maires francophones réunis", "Une assemblée à Paris.", ["FR"], "Paris"),
    (ActionPageFactory, "Budget participatif à Sousse", "Les habitants votent.", ["TN"], "Sousse"),
    (NewsPageFactory, "Jumelage entre Québec et Namur", "Trente ans d'amitié.", ["CA", "BE"]),
    (PublicationPageFactory, "Former les élus locaux", "Un cycle de formations.", ["CI"]),
    (NewsPageFactory, "Coopération décentralisée", "Des villes partenaires.", ["CM"]),
    (ActionPageFactory, "Assainissement à Cotonou", "Des canaux curés.", ["BJ"], "Cotonou"),
    (NewsPageFactory, "Réunion du bureau", "Le maire de Nikki présente l'eau.", ["BJ"], "Nikki"),
    (NewsPageFactory, "Festival des lumières", "La ville de Lyon accueille.", ["FR"], "Lyon"),
    (PublicationPageFactory, "Raisonnance : la santé", "Les femmes et la santé.", ["RW"]),
    (ActionPageFactory, "Bibliothèques de quartier", "Lire à Bamako.", ["ML"], "Bamako"),
    (NewsPageFactory, "Visite à Phnom Penh", "Le patrimoine khmer.", ["KH"], "Phnom Penh"),
]

# query: the titles that must come first, in this order (the rest may follow in any order).
LABELLED = {
    "patrimoine": ["Le patrimoine de Hué restauré"],
    "patrimoines": ["Le patrimoine de Hué restauré"],
    "Hue": ["Le patrimoine de Hué restauré"],
    "citadelle": ["Le patrimoine de Hué restauré"],
    "Fes medina": ["Sauvegarde de la médina"],
    "eau Dakar": ["Eau potable à Dakar"],
    "maire": ["Les maires francophones réunis"],
    "budgets participatifs": ["Budget participatif à Sousse"],
    "jumelage": ["Jumelage entre Québec et Namur"],
    "Québec": ["Jumelage entre Québec et Namur"],
    "elus": ["Former les élus locaux"],
    "formation": ["Former les élus locaux"],
    "coopération décentralisée": ["Coopération décentralisée"],
    "Sénégal": ["Eau potable à Dakar"],
    "Cambodge": ["Visite à Phnom Penh"],
    "bibliothèque": ["Bibliothèques de quartier"],
    "santé femmes": ["Raisonnance : la santé"],
    "assainissement": ["Assainissement à Cotonou"],
}

# query: every title found, whatever the order (what must not be missed, nor added).
EXACT = {
    "Bénin": {
        "Guide des villes patrimoniales",
        "Assainissement à Cotonou",
        "Réunion du bureau",
    },
    "eau": {"Eau potable à Dakar", "Réunion du bureau"},
    "xyzzy": set(),
}


@pytest.fixture
def corpus(theme):
    for factory, title, teaser, countries, *city in CORPUS:
        fields = {"cities": city} if city and factory is not PublicationPageFactory else {}
        indexed(
            factory(
                parent=theme, title=title, teaser=teaser, countries=countries, image=None, **fields
            )
        )


def titles_for(client, query):
    soup = parse(client.get("/recherche/", {"q": query}))
    return [link.get_text(strip=True) for link in soup.select(".search-result .card__title a")]


@pytest.mark.parametrize("query", LABELLED)
def test_the_right_items_come_first(client, corpus, query):
    expected = LABELLED[query]
    assert titles_for(client, query)[: len(expected)] == expected


@pytest.mark.parametrize("query", EXACT)
def test_nothing_is_missed_nor_added(client, corpus, query):
    assert set(titles_for(client, query)) == EXACT[query]


SUGGESTED = {
    "patrimione": "patrimoine",
    "jumelaje": "jumelage",
    "assenissement": "assainissement",
    "senegall": "sénégal",
}


@pytest.mark.parametrize("typo", SUGGESTED)
def test_a_search_that_finds_nothing_suggests_the_closest_words(client, corpus, typo):
    soup = parse(client.get("/recherche/", {"q": typo}))
    suggested = soup.select_one(".search-suggestion a")
    assert suggested.get_text() == SUGGESTED[typo]
    suggested_query = parse_qs(urlsplit(suggested["href"]).query)["q"][0]
    assert titles_for(client, suggested_query), "the suggestion finds something"


def test_no_suggestion_without_a_close_word(client, corpus):
    assert parse(client.get("/recherche/", {"q": "xyzzy"})).select_one(".search-suggestion") is None
