"""The site-wide listings (/actualites/, /actions/, /publications/): every theme's items, the
theme facet beside the others, counts, feeds, canonical and noindex, linked from every page."""

import datetime
import xml.etree.ElementTree as ET
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.core.exceptions import ValidationError

from actions.factories import ActionPageFactory
from aimf_portal.factories import StandardPageFactory, ThemePageFactory
from news.factories import NewsPageFactory
from publications.factories import PublicationPageFactory
from tests.html import assert_page_chrome, breadcrumb, parse, text_of

pytestmark = pytest.mark.django_db

ROOT = "http://localhost"  # The default Wagtail Site of migration 0003.


@pytest.fixture
def two_themes(theme):
    governance = ThemePageFactory(title="Gouvernance locale")
    NewsPageFactory(parent=theme, title="Fès restaure", countries=["MA"], image=None)
    NewsPageFactory(parent=theme, title="Hué restaure", countries=["VN"], image=None)
    NewsPageFactory(parent=governance, title="Budget participatif", countries=["MA"], image=None)
    NewsPageFactory(parent=governance, title="Brouillon", draft=True, image=None)
    NewsPageFactory(parent=governance, title="Note privée", private=True, image=None)
    ActionPageFactory(parent=governance, title="Former les élus", countries=["SN"], image=None)
    PublicationPageFactory(
        parent=theme,
        title="Raisonnance 12",
        raisonnance=True,
        countries=["BJ"],
        date=datetime.date(2024, 3, 1),
        image=None,
    )
    return {"culture": theme, "governance": governance}


def card_titles(soup):
    return sorted(text_of(link) for link in soup.select("main .card__title a"))


def facet_options(soup, parameter):
    """(label with its count, checked) for each value of one facet of the filter form."""
    boxes = soup.select(f"form[data-facet-form] input[name={parameter}]")
    return [
        (text_of(soup.find("label", attrs={"for": box["id"]})), box.has_attr("checked"))
        for box in boxes
    ]


@pytest.mark.parametrize(
    ("path", "title", "titles"),
    [
        ("/actualites/", "Actualités", ["Budget participatif", "Fès restaure", "Hué restaure"]),
        ("/actions/", "Actions", ["Former les élus"]),
        ("/publications/", "Publications & Réflexions", ["Raisonnance 12"]),
    ],
)
def test_each_kind_has_its_listing_of_every_theme(client, two_themes, path, title, titles):
    soup = assert_page_chrome(
        client.get(path),
        title=title,
        description=f"{title} de l'AIMF, toutes thématiques confondues.",
    )
    assert text_of(soup.find("h1")) == title
    assert card_titles(soup) == titles
    assert breadcrumb(soup) == (["Accueil", title], [title])
    assert soup.find("link", rel="canonical")["href"] == f"{ROOT}{path}"
    assert soup.find("meta", attrs={"name": "robots"}) is None


def test_the_theme_facet_counts_and_narrows(client, two_themes):
    soup = parse(client.get("/actualites/"))
    assert facet_options(soup, "thematique") == [
        ("Culture / Patrimoine (2)", False),
        ("Gouvernance locale (1)", False),
    ]
    assert facet_options(soup, "pays") == [("Maroc (2)", False), ("Vietnam (1)", False)]

    soup = parse(client.get("/actualites/?thematique=gouvernance-locale"))
    assert card_titles(soup) == ["Budget participatif"]
    # Counts follow the other facets' selection: ticking a theme keeps every theme's count.
    assert facet_options(soup, "thematique") == [
        ("Culture / Patrimoine (2)", False),
        ("Gouvernance locale (1)", True),
    ]
    assert facet_options(soup, "pays") == [("Maroc (1)", False)]
    assert text_of(soup.select_one("[data-facet-status]")) == "1 actualité avec ces filtres"


def test_theme_and_country_combine(client, two_themes):
    soup = parse(client.get("/actualites/?pays=ma&thematique=culture-patrimoine"))
    assert card_titles(soup) == ["Fès restaure"]
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex, follow"
    assert soup.find("link", rel="canonical")["href"] == f"{ROOT}/actualites/"
    assert text_of(soup.title) == "Actualités – Culture / Patrimoine, Maroc – AIMF"
    chips = {text_of(chip): chip["href"] for chip in soup.select(".chip")}
    assert chips["Maroc × (retirer le filtre pays)"] == "/actualites/?thematique=culture-patrimoine"


def test_an_unknown_theme_is_ignored_with_a_notice(client, two_themes):
    response = client.get("/actualites/?thematique=atlantide")
    soup = parse(response)
    assert response.status_code == 200
    assert len(soup.select("main .card")) == 3
    assert "ont été ignorés" in text_of(soup.select_one(".notice"))


def test_the_publications_listing_keeps_its_own_facets(client, two_themes):
    soup = parse(client.get("/publications/"))
    legends = [text_of(legend) for legend in soup.select("form[data-facet-form] legend")]
    assert legends == ["Thématique", "Pays", "Type de publication", "Année"]


def test_a_bad_page_is_a_french_404(client, two_themes):
    response = client.get("/actualites/?page=abc")
    assert response.status_code == 404
    assert "nombre entier" in text_of(parse(response).find("main"))


def test_an_empty_listing_says_so(client, db):
    soup = parse(client.get("/actions/"))
    assert text_of(soup.select_one(".empty-state")) == (
        "Pas encore d'actions pour le moment. Retour à l'accueil."
    )


def test_each_listing_shows_its_feed(client, two_themes):
    news = parse(client.get("/actualites/"))
    assert news.select_one(".feed-link a")["href"] == "/rss/"
    actions = parse(client.get("/actions/"))
    feed_url = actions.select_one(".feed-link a")["href"]
    assert feed_url == "/actions/rss/"
    announced = actions.find("link", attrs={"type": "application/rss+xml", "href": feed_url})
    assert announced["title"] == "Actions – AIMF"

    feed = ET.fromstring(client.get(feed_url).content)
    assert feed.findtext("channel/title") == "Actions de l'AIMF"
    assert [item.findtext("title") for item in feed.iter("item")] == ["Former les élus"]
    assert feed.find("channel/item/guid").text.startswith("urn:aimf:actionpage:")


def test_every_page_links_the_listings_in_its_header(client, two_themes):
    for path in ("/", "/culture-patrimoine/", "/recherche/?q=eau", "/actions/"):
        nav = parse(client.get(path)).find("nav", attrs={"aria-label": "Rubriques"})
        links = [(text_of(link), link["href"]) for link in nav.find_all("a")]
        assert links == [
            ("Actualités", "/actualites/"),
            ("Actions", "/actions/"),
            ("Publications", "/publications/"),
        ]
    nav = parse(client.get("/actions/")).find("nav", attrs={"aria-label": "Rubriques"})
    assert [text_of(a) for a in nav.find_all(attrs={"aria-current": "page"})] == ["Actions"]


def test_the_home_page_links_all_the_news(client, two_themes):
    section = parse(client.get("/")).find(
        "section", attrs={"aria-labelledby": "dernieres-actualites"}
    )
    assert section.find("a", string="Toutes les actualités")["href"] == "/actualites/"


def test_pagination_keeps_the_theme(client, two_themes):
    NewsPageFactory.create_in_bulk(two_themes["culture"], 14, image=None)
    soup = parse(client.get("/actualites/?thematique=culture-patrimoine"))
    next_link = soup.select_one(".pagination a[rel=next]")["href"]
    assert sorted(parse_qsl(urlsplit(next_link).query)) == [
        ("page", "2"),
        ("thematique", "culture-patrimoine"),
    ]


@pytest.mark.parametrize("model_slug", ["actualites", "actions", "publications"])
def test_a_page_under_the_home_page_cannot_take_a_listing_address(db, model_slug):
    page = StandardPageFactory.build(slug=model_slug)
    with pytest.raises(ValidationError) as refused:
        page.clean()
    assert "est l'adresse d'une liste ou d'une page du site" in str(refused.value)
