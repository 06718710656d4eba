"""The home page: the association in a few words, the latest news of every theme, the themes."""

import datetime

import pytest

from aimf_portal.factories import ThemePageFactory, home_page
from news.factories import NewsPageFactory
from tests.html import assert_page_chrome, text_of

pytestmark = pytest.mark.django_db

SITE_NAME = "Association internationale des maires francophones"
# The presentation the home page migration writes, without its markup.
SITE_DESCRIPTION = (
    "L'Association internationale des maires francophones relie des villes d'Europe, "
    "d'Afrique, des Amériques et d'Asie autour de projets concrets."
)


def fetch(client):
    return assert_page_chrome(client.get("/"), title=SITE_NAME, description=SITE_DESCRIPTION)


def test_the_home_page_is_the_site_root(client):
    assert home_page().url == "/"
    soup = fetch(client)
    assert text_of(soup.find("h1")) == SITE_NAME
    assert "relie des villes d'Europe, d'Afrique" in text_of(soup.find(class_="hero__intro"))


def test_the_latest_news_of_all_themes_newest_first(client):
    culture = ThemePageFactory(title="Culture / Patrimoine")
    governance = ThemePageFactory(title="Gouvernance locale")
    for day in range(1, 9):
        NewsPageFactory(
            parent=culture if day % 2 else governance,
            title=f"Nouvelle du {day} mai",
            date=datetime.date(2025, 5, day),
            image=None,
        )
    NewsPageFactory(parent=culture, title="Nouvelle en brouillon", draft=True, image=None)
    NewsPageFactory(parent=culture, title="Nouvelle réservée", private=True, image=None)
    NewsPageFactory(
        parent=culture, title="Nouvelle du 9 mai", date=datetime.date(2025, 5, 9), draft=True
    )
    section = fetch(client).find("section", attrs={"aria-labelledby": "dernieres-actualites"})
    titles = [text_of(link) for link in section.select(".card__title a")]
    assert titles == [f"Nouvelle du {day} mai" for day in (8, 7, 6, 5, 4, 3)]


def test_without_news_the_home_page_says_so(client):
    section = fetch(client).find("section", attrs={"aria-labelledby": "dernieres-actualites"})
    assert text_of(section.find(class_="empty-state")) == "Aucune actualité publiée pour le moment."


def test_the_home_page_lists_the_themes(client):
    culture = ThemePageFactory(title="Culture / Patrimoine")
    climate = ThemePageFactory(title="Climat")
    ThemePageFactory(title="Thématique en préparation", draft=True)
    section = fetch(client).find("section", attrs={"aria-labelledby": "thematiques"})
    assert text_of(section.find("h2")) == "Nos 2 thématiques"
    assert [(text_of(link), link["href"]) for link in section.find_all("a")] == [
        ("Climat", climate.url),
        ("Culture / Patrimoine", culture.url),
    ]
