"""The theme page: three sections of the newest items, links to listings, promos, navigation."""

import datetime

import pytest

from actions.factories import ActionPageFactory
from aimf_portal.factories import ThemePageFactory
from aimf_portal.items.factories import ImageFactory
from news.factories import NewsPageFactory
from publications.factories import PublicationPageFactory
from tests.html import assert_page_chrome, parse, text_of, theme_navigation

pytestmark = pytest.mark.django_db

SECTIONS = [
    ("actualites", "Actualités", "/culture-patrimoine/actualites/", "Toutes les actualités"),
    ("actions", "Actions", "/culture-patrimoine/actions/", "Toutes les actions"),
    (
        "publications",
        "Publications & Réflexions",
        "/culture-patrimoine/publications/",
        "Toutes les publications",
    ),
]
# The theme's intro, without its markup, is the page's description.
THEME_DESCRIPTION = "Ce que font les villes de l'association sur cette thématique."
# Eight dates in no particular order: the section must show the six newest, newest first.
DATES = [datetime.date(2025, month, day) for month, day in ((3, 4), (10, 27), (1, 15), (5, 17),
         (7, 2), (5, 12), (12, 1), (2, 28))]  # fmt: skip
NEWEST_SIX = sorted(DATES, reverse=True)[:6]


def fetch(client, theme, query=""):
    response = client.get(theme.url + query)
    return assert_page_chrome(response, title=theme.title, description=THEME_DESCRIPTION)


def section(soup, route_name):
    return soup.find("section", id=f"section-{route_name}")


def card_titles(element):
    return [text_of(link) for link in element.select(".card__title a")]


@pytest.fixture
def full_theme(theme):
    for factory, noun, date_field in (
        (NewsPageFactory, "Actualité", "date"),
        (ActionPageFactory, "Action", "start_date"),
        (PublicationPageFactory, "Publication", "date"),
    ):
        factory.create_in_bulk(
            theme,
            variations=[{"title": f"{noun} du {d:%d/%m/%Y}", date_field: d} for d in DATES],
        )
    return theme


def test_the_theme_page_frame(client, theme):
    soup = fetch(client, theme)
    assert text_of(soup.find("h1")) == "Culture / Patrimoine"
    assert text_of(soup.find(class_="hero__intro")) == (
        "Ce que font les villes de l'association sur cette thématique."
    )


def test_three_sections_in_order_with_their_headings(client, full_theme):
    soup = fetch(client, full_theme)
    headings = [text_of(h2) for h2 in soup.find(class_="theme-layout__main").find_all("h2")]
    assert [title for title in headings if title != "Filtrer"] == [
        title for _, title, _, _ in SECTIONS
    ]


@pytest.mark.parametrize(("route_name", "noun"), [
    ("actualites", "Actualité"), ("actions", "Action"),
    ("publications", "Publication"),
])  # fmt: skip
def test_each_section_shows_the_six_newest_items_newest_first(client, full_theme, route_name, noun):
    cards = card_titles(section(fetch(client, full_theme), route_name))
    assert cards == [f"{noun} du {date:%d/%m/%Y}" for date in NEWEST_SIX]


@pytest.mark.parametrize(("route_name", "title", "url", "label"), SECTIONS)
def test_each_section_links_to_its_listing(client, full_theme, route_name, title, url, label):
    more = section(fetch(client, full_theme), route_name).find("a", class_="section__more")
    assert more["href"] == url
    # The visible label, and for screen readers the theme it belongs to.
    assert text_of(more) == f"{label} – Culture / Patrimoine"
    assert client.get(url).status_code == 200


@pytest.mark.parametrize(("route_name", "feed_url", "noun"), [
    ("actualites", "/culture-patrimoine/rss/", "actualités"),
    ("actions", "/culture-patrimoine/actions/rss/", "actions"),
    ("publications", "/culture-patrimoine/publications/rss/", "publications"),
])  # fmt: skip
def test_each_section_shows_a_visible_link_to_its_feed(
    client, full_theme, route_name, feed_url, noun
):
    feed = section(fetch(client, full_theme), route_name).find("a", class_="section__feed")
    assert feed["href"] == feed_url
    assert feed["type"] == "application/rss+xml"
    # "RSS" on screen (the icon is decorative), and for screen readers which feed it is.
    assert feed.img["alt"] == ""
    assert text_of(feed) == f"RSS : flux des {noun} – Culture / Patrimoine"
    visible = feed.find(string=True, recursive=False)
    assert visible.strip() == "RSS"
    answer = client.get(feed_url)
    assert answer.status_code == 200
    assert answer["Content-Type"].startswith("application/rss+xml")
    assert f"{noun.capitalize()[:-1]} du {NEWEST_SIX[0]:%d/%m/%Y}".encode() in answer.content


def test_cards_show_the_date_in_french_and_a_clean_teaser(client, theme):
    long_teaser = (
        "Près de quatre cents maires venus de trente-cinq pays se retrouvent à Hué pour "
        "les assises de l'association, consacrées au patrimoine, au tourisme durable et "
        "à la place des habitants dans la protection de leurs villes historiques, du "
        "quartier impérial aux maisons-jardins."
    )
    NewsPageFactory(
        parent=theme,
        title="Hué accueille les maires francophones",
        teaser=long_teaser,
        date=datetime.date(2025, 10, 27),
        cities=["Hué"],
        countries=["VN"],
        image=ImageFactory(description="La citadelle de Hué"),
    )
    card = section(fetch(client, theme), "actualites").find("article", class_="card")
    assert text_of(card.find(class_="card__meta")) == "27 octobre 2025 · Hué · Vietnam"
    teaser = text_of(card.find(class_="card__teaser"))
    assert len(teaser) <= 180 and teaser.endswith("…")
    assert long_teaser.startswith(teaser.removesuffix("…"))
    assert card.find("img")["alt"] == "La citadelle de Hué"


def test_action_and_publication_cards_show_what_sets_them_apart(client, theme):
    ActionPageFactory(parent=theme, cities=["Sousse"], countries=["TN"], image=None)
    PublicationPageFactory(
        parent=theme, raisonnance=True, issue_number=17, date=datetime.date(2025, 5, 12)
    )
    soup = fetch(client, theme)
    action_meta = section(soup, "actions").find(class_="card__meta")
    assert text_of(action_meta) == "Sousse, Tunisie · En cours"
    publication_meta = section(soup, "publications").find(class_="card__meta")
    assert text_of(publication_meta) == "Raisonnance n° 17 · Mai 2025"


def test_a_theme_without_items_says_so_in_each_section(client, theme):
    soup = fetch(client, theme)
    empty_states = {
        route_name: text_of(section(soup, route_name).find(class_="empty-state"))
        for route_name, _, _, _ in SECTIONS
    }
    assert empty_states["actualites"].startswith("Pas encore d'actualités sur cette thématique.")
    assert empty_states["actions"].startswith("Pas encore d'actions sur cette thématique.")
    assert empty_states["publications"].startswith(
        "Pas encore de publications sur cette thématique."
    )
    assert not soup.select(".card")
    assert not soup.select("a.section__more"), "no link to an empty listing"


def test_items_of_another_theme_stay_there(client, theme):
    other = ThemePageFactory(title="Gouvernance locale")
    NewsPageFactory(parent=other, title="Une actualité de gouvernance", image=None)
    soup = fetch(client, theme)
    assert "Une actualité de gouvernance" not in text_of(soup.find("main"))


def test_drafts_and_private_items_are_never_shown(client, theme):
    for factory, kind in (
        (NewsPageFactory, "actualité"),
        (ActionPageFactory, "action"),
        (PublicationPageFactory, "publication"),
    ):
        factory(parent=theme, title=f"Une {kind} publiée", image=None)
        factory(parent=theme, title=f"Une {kind} en brouillon", draft=True, image=None)
        factory(parent=theme, title=f"Une {kind} réservée", private=True, image=None)
    pages = [theme.url, *(url for _, _, url, _ in SECTIONS), "/"]
    for url in pages:
        main = text_of(parse(client.get(url)).find("main"))
        assert "brouillon" not in main, url
        assert "réservée" not in main, url
    main = text_of(fetch(client, theme).find("main"))
    assert all(f"Une {kind} publiée" in main for kind in ("actualité", "action", "publication"))


def test_a_private_item_asks_for_a_login(client, theme):
    private = NewsPageFactory(parent=theme, private=True, image=None)
    response = client.get(private.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


@pytest.fixture
def promoted_theme(theme):
    governance = ThemePageFactory(title="Gouvernance locale")
    unpublished = ThemePageFactory(title="Thématique en préparation", draft=True)
    theme.promos = [
        {
            "type": "publication_series",
            "value": {
                "heading": "Raisonnance, le Cahier de réflexion des Maires francophones",
                "text": "Chaque numéro croise les regards de maires sur une question commune.",
                "image": ImageFactory(description="").pk,
                "link": {"page": None, "url": "/culture-patrimoine/publications/",
                         "label": "Lire Raisonnance"},
            },
        },
        {
            "type": "call_to_action",
            "value": {
                "heading": "Votre ville a un projet patrimonial ?",
                "text": "L'AIMF accompagne les villes membres qui veulent coopérer.",
                "link": {"page": None, "url": "https://www.aimf.asso.fr/contact",
                         "label": "Écrire à l'AIMF"},
            },
        },
        {
            "type": "event",
            "value": {
                "heading": "PARIS 2023",
                "event": "98e réunion du Bureau de l'AIMF",
                "city": "Paris",
                "start_date": "2023-04-27",
                "end_date": "2023-04-29",
                "tagline": "Gouvernance locale, impact global !",
                "text": "Les maires du Bureau se sont retrouvés à Paris.",
                # The link is optional: this is what an event promo without one stores.
                "link": {"page": None, "url": "", "label": ""},
            },
        },
        {
            "type": "related_themes",
            "value": {
                "heading": "Thématiques liées",
                "text": "",
                "themes": [governance.pk, unpublished.pk],
            },
        },
    ]  # fmt: skip
    theme.save()
    return theme, governance


def test_the_promo_blocks(client, promoted_theme):
    theme, governance = promoted_theme
    aside = fetch(client, theme).find("aside", attrs={"aria-label": "À découvrir aussi"})
    promos = aside.find_all("section", class_="promo")
    assert [text_of(promo.find("h2")) for promo in promos] == [
        "Raisonnance, le Cahier de réflexion des Maires francophones",
        "Votre ville a un projet patrimonial ?",
        "PARIS 2023",
        "Thématiques liées",
    ]
    series, call, event, related = promos
    assert series.find("img") is not None
    assert series.find("a")["href"] == "/culture-patrimoine/publications/"
    assert text_of(call.find("a")) == "Écrire à l'AIMF"
    assert call.find("a")["href"] == "https://www.aimf.asso.fr/contact"
    assert text_of(event.find(class_="promo__event")) == "98e réunion du Bureau de l'AIMF"
    assert text_of(event.find(class_="promo__when")) == "Paris, du 27 au 29 avril 2023"
    assert [time["datetime"] for time in event.find_all("time")] == ["2023-04-27", "2023-04-29"]
    assert text_of(event.find(class_="promo__tagline")) == "« Gouvernance locale, impact global ! »"
    assert [(text_of(link), link["href"]) for link in related.find_all("a")] == [
        ("Gouvernance locale", governance.url)
    ]


def test_no_empty_link_on_the_theme_page(client, promoted_theme):
    """An event promo without a link, or any other block, must not leave an empty <a>."""
    theme, _ = promoted_theme
    soup = fetch(client, theme)
    empty = [
        str(link)
        for link in soup.find_all("a")
        if text_of(link) in ("", "None") or link.get("href", "") in ("", "None")
    ]
    assert empty == []


def test_a_theme_without_promos_has_no_aside(client, theme):
    assert fetch(client, theme).find("aside") is None


# The association's 23 themes, in the order a French reader expects: accents do not send
# "Décentralisation" after "Diplomatie des villes", nor "Résilience" after "Santé".
ASSOCIATION_THEMES = [
    "Climat", "Coopération décentralisée", "Culture / Patrimoine", "Décentralisation",
    "Développement économique", "Diasporas", "Diplomatie des villes",
    "Economie sociale et circulaire", "Education", "Egalités", "Finances locales",
    "Francophonie", "Gouvernance locale", "Mobilité", "Numérique", "Résilience", "Santé",
    "Services essentiels", "Solidarités / Urgence", "Sport", "Urbanisme",
    "Villes et Universités", "Vivre-Ensemble",
]  # fmt: skip


def test_the_header_lists_all_23_themes_in_french_order(client):
    created = {title: ThemePageFactory(title=title) for title in reversed(ASSOCIATION_THEMES)}
    ThemePageFactory(title="Brouillon de thématique", draft=True)
    ThemePageFactory(title="Thématique réservée", private=True)
    governance = created["Gouvernance locale"]
    soup = fetch(client, governance)
    assert theme_navigation(soup) == [(title, created[title].url) for title in ASSOCIATION_THEMES]
    assert text_of(soup.find(class_="theme-nav__toggle")) == "Thématiques (23)"
    current = soup.find("nav", attrs={"aria-label": "Thématiques"}).find(
        attrs={"aria-current": True}
    )
    assert text_of(current) == "Gouvernance locale"
    # Every page has the menu, the home page included.
    assert theme_navigation(parse(client.get("/"))) == theme_navigation(soup)
