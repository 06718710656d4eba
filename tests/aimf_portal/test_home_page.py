"""The home page: the association in a few words, the latest news of every theme, the themes."""

import datetime

import pytest
from django.contrib.staticfiles import finders
from wagtail.models import Site

from aimf_portal.editorial.site_settings import SiteSettings
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


def test_the_hero_shows_the_key_figures_of_the_site_settings(client, db):
    saved = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    saved.member_cities, saved.member_countries = 312, 51
    saved.save()

    hero = fetch(client).find(class_="hero--home")
    figures = [
        (text_of(group.find("dd")), text_of(group.find("dt")))
        for group in hero.select(".key-figures > div")
    ]
    assert figures == [("1979", "Année de fondation"), ("312", "Villes membres"), ("51", "Pays")]
    links = [(text_of(a), a["href"]) for a in hero.select(".hero__links a")]
    assert links == [
        ("Actualités", "/actualites/"),
        ("Actions", "/actions/"),
        ("Publications", "/publications/"),
        ("Nous écrire", "/contact/"),
    ]


def test_a_figure_left_empty_is_not_shown(client, db):
    hero = fetch(client).find(class_="hero--home")
    assert [text_of(dt) for dt in hero.select(".key-figures dt")] == ["Année de fondation"]


def test_every_page_has_the_logo_and_the_favicon_set(client, db):
    soup = fetch(client)
    logo = soup.select_one("header a.site-logo")
    assert logo["href"] == "/" and logo.find("svg")["aria-hidden"] == "true"
    assert text_of(logo) == "AIMF Association internationale des maires francophones"
    icons = {link["rel"][0]: link["href"] for link in soup.find_all("link", rel=True)}
    for rel in ("icon", "apple-touch-icon", "manifest"):
        assert finders.find(icons[rel].removeprefix("/static/")), rel
