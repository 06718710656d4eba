"""The full listings under a theme: 12 per page, newest first, and bad input never a 500."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest

from actions.factories import ActionPageFactory
from news.factories import NewsPageFactory
from publications.factories import PublicationPageFactory
from tests.html import assert_page_chrome, parse, text_of

pytestmark = pytest.mark.django_db

# (factory, listing path, date field, card title noun, listing title)
KINDS = [
    (NewsPageFactory, "actualites/", "date", "Actualité", "Actualités"),
    (ActionPageFactory, "actions/", "start_date", "Action", "Actions"),
    (PublicationPageFactory, "publications/", "date", "Publication", "Publications & Réflexions"),
]
ITEM_COUNT = 25
# 25 distinct dates in an order unrelated to creation (7 and 25 are coprime).
DATES = [
    datetime.date(2024, 1, 1) + datetime.timedelta(days=(7 * n) % ITEM_COUNT) for n in range(25)
]
NEWEST_FIRST = sorted(DATES, reverse=True)


def kind_ids(kind):
    return kind[4]


@pytest.fixture(params=KINDS, ids=kind_ids)
def listing(request, theme):
    factory, path, date_field, noun, title = request.param
    factory.create_in_bulk(
        theme,
        variations=[{"title": f"{noun} du {date:%d/%m/%Y}", date_field: date} for date in DATES],
        image=None,
        countries=["BJ"],
    )
    return {"url": theme.url + path, "noun": noun, "title": title}


def titles(soup):
    return [text_of(link) for link in soup.select("main .card__title a")]


def pagination_links(soup):
    """The previous and next links of the pagination, by rel."""
    nav = soup.find("nav", attrs={"aria-label": "Pagination"})
    return {link["rel"][0]: link["href"] for link in nav.find_all("a", rel=True)}


def numbered_links(soup):
    """(number shown, href, is the current page) of the pagination's numbered links."""
    nav = soup.find("nav", attrs={"aria-label": "Pagination"})
    return [
        (text_of(link), link["href"], link.get("aria-current") == "page")
        for link in nav.find_all("a", rel=False)
    ]


def query(href):
    return parse_qs(urlsplit(href).query)


def test_the_listing_frame(client, listing):
    response = client.get(listing["url"])
    soup = assert_page_chrome(
        response,
        title=f"{listing['title']} – Culture / Patrimoine",
        description=f"{listing['title']} de l'AIMF sur la thématique Culture / Patrimoine.",
    )
    assert text_of(soup.find("h1")) == f"{listing['title']} – Culture / Patrimoine"


def test_twelve_per_page_newest_first(client, listing):
    pages = [parse(client.get(f"{listing['url']}?page={number}")) for number in (1, 2, 3)]
    assert [len(titles(page)) for page in pages] == [12, 12, 1]
    shown = [title for page in pages for title in titles(page)]
    assert shown == [f"{listing['noun']} du {date:%d/%m/%Y}" for date in NEWEST_FIRST]
    assert titles(parse(client.get(listing["url"]))) == titles(pages[0])


def test_the_pagination_links(client, listing):
    first, middle, last = (
        parse(client.get(f"{listing['url']}?page={number}")) for number in (1, 2, 3)
    )
    assert {rel: query(href) for rel, href in pagination_links(first).items()} == {
        "next": {"page": ["2"]}
    }
    assert {rel: query(href) for rel, href in pagination_links(middle).items()} == {
        # Page 1 is the listing's own address, not a duplicate of it with ?page=1.
        "prev": {},
        "next": {"page": ["3"]},
    }
    assert {rel: query(href) for rel, href in pagination_links(last).items()} == {
        "prev": {"page": ["2"]}
    }
    url = listing["url"]
    assert numbered_links(middle) == [
        ("1", url, False),
        ("2", f"{url}?page=2", True),
        ("3", f"{url}?page=3", False),
    ]
    assert "Page 2 sur 3" in text_of(middle.find("nav", attrs={"aria-label": "Pagination"}))
    assert text_of(middle.find("title")) == (
        f"{listing['title']} – Culture / Patrimoine – page 2 – AIMF"
    )


def test_pagination_keeps_the_selection_and_drops_the_rest_of_the_address(client, listing):
    """Page links carry the canonical query (the facets), not what else the address held."""
    soup = parse(client.get(f"{listing['url']}?utm_source=lettre&pays=bj&inconnu=1&page=2"))
    assert {rel: query(href) for rel, href in pagination_links(soup).items()} == {
        "prev": {"pays": ["bj"]},
        "next": {"pays": ["bj"], "page": ["3"]},
    }
    assert [href for _number, href, _current in numbered_links(soup)] == [
        f"{listing['url']}?pays=bj",
        f"{listing['url']}?pays=bj&page=2",
        f"{listing['url']}?pays=bj&page=3",
    ]


NOT_AN_INTEGER = "Le numéro de page doit être un nombre entier."
NO_SUCH_PAGE = "Cette page de résultats n'existe pas."


def assert_french_not_found(response, message):
    assert response.status_code == 404
    soup = parse(response)
    assert soup.html["lang"] == "fr"
    assert text_of(soup.find("h1")) == "Page introuvable"
    assert text_of(soup.title) == "Page introuvable – AIMF"
    assert message in text_of(soup.find("main"))
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert soup.body.find("a")["href"] == "#contenu"
    assert soup.find("nav", attrs={"aria-label": "Thématiques"}) is not None, "the site's frame"


@pytest.mark.parametrize(
    ("page", "message"),
    [
        ("abc", NOT_AN_INTEGER),
        ("1.5", NOT_AN_INTEGER),
        ("0", NO_SUCH_PAGE),
        ("-1", NO_SUCH_PAGE),
        ("4", NO_SUCH_PAGE),
        ("999999", NO_SUCH_PAGE),
        ("9" * 40, NO_SUCH_PAGE),
    ],
)
def test_a_bad_page_number_is_the_french_404(client, listing, page, message):
    assert_french_not_found(client.get(listing["url"], {"page": page}), message)


@pytest.mark.parametrize("path", ["actualites/", "actions/", "publications/"])
def test_an_empty_listing_has_one_page_and_no_second(client, theme, path):
    soup = parse(client.get(theme.url + path))
    assert soup.find(class_="empty-state").find("a")["href"] == theme.url
    assert soup.find("nav", attrs={"aria-label": "Pagination"}) is None
    assert_french_not_found(client.get(theme.url + path, {"page": "2"}), NO_SUCH_PAGE)


@pytest.mark.parametrize(
    "path",
    [
        "/nexiste-pas/",
        "/culture-patrimoine/nexiste-pas/",
        "/culture-patrimoine/actualites/nexiste-pas/",
        "/culture-patrimoine/actualites/2/",
    ],
)
def test_an_unknown_address_is_the_french_404(client, theme, path):
    assert_french_not_found(
        client.get(path), "La page que vous cherchez n'existe pas ou a été déplacée."
    )
