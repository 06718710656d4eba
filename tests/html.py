"""Reading rendered pages as a visitor (or a screen reader) would, not as strings."""

from bs4 import BeautifulSoup


def parse(response):
    return parse_html(response.content.decode())


def parse_html(html):
    return BeautifulSoup(html, "html.parser")


def text_of(element):
    """The element's text with whitespace collapsed, as it reads on screen (inline markup)."""
    return " ".join(element.get_text().split())


def assert_page_chrome(response, *, title, description):
    """What every page must have: French, a skip link, one h1, a title and a description."""
    assert response.status_code == 200
    soup = parse(response)
    assert soup.html["lang"] == "fr"
    first_link = soup.body.find("a")
    assert first_link["href"] == "#contenu", "the skip link must be the first link of the page"
    assert soup.find(id="contenu").name == "main"
    assert len(soup.find_all("h1")) == 1
    assert text_of(soup.title) == f"{title} – AIMF"
    assert soup.find("meta", attrs={"name": "description"})["content"] == description
    return soup


def breadcrumb(soup):
    """The breadcrumb's labels, and the label marked as the current page."""
    trail = soup.find("nav", attrs={"aria-label": "Fil d'Ariane"})
    labels = [text_of(item) for item in trail.find_all("li")]
    current = trail.find_all(attrs={"aria-current": "page"})
    return labels, [text_of(element) for element in current]


def theme_navigation(soup):
    """The (title, href) pairs of the header's theme menu, in order."""
    menu = soup.find("nav", attrs={"aria-label": "Thématiques"})
    return [(text_of(link), link["href"]) for link in menu.find_all("a")]
