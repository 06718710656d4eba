"""RSS 2.0 feeds of the news, read with a real XML parser as a feed reader would."""

import datetime
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from aimf_portal.factories import ThemePageFactory
from news.factories import NewsPageFactory
from tests.html import parse, parse_html

ATOM = "{http://www.w3.org/2005/Atom}"


def read_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "rss"
    assert root.get("version") == "2.0"
    return root.find("channel")


def items_of(channel):
    return channel.findall("item")


@pytest.fixture
def other_theme(db):
    return ThemePageFactory(title="Gouvernance locale")


@pytest.fixture
def news(theme, other_theme):
    return {
        "heritage": NewsPageFactory(
            parent=theme,
            title="Le patrimoine de Hué restauré",
            teaser="La citadelle impériale rouvre ses portes.",
            date=datetime.date(2025, 3, 14),
            countries=["VN", "BJ"],
        ),
        "no_image": NewsPageFactory(
            parent=theme, title="Sans image", image=None, date=datetime.date(2025, 3, 10)
        ),
        "governance": NewsPageFactory(
            parent=other_theme, title="Budgets participatifs", date=datetime.date(2025, 3, 12)
        ),
        "draft": NewsPageFactory(parent=theme, title="Brouillon", draft=True),
        "private": NewsPageFactory(parent=theme, title="Réservé", private=True),
    }


def test_site_feed_lists_public_news_newest_first(client, news):
    channel = read_feed(client, "/rss/")

    assert channel.findtext("title") == "Actualités de l'AIMF"
    assert channel.findtext("link") == "http://testserver/"
    assert channel.findtext("language") == "fr"
    assert channel.find(f"{ATOM}link").get("href") == "http://testserver/rss/"
    titles = [item.findtext("title") for item in items_of(channel)]
    assert titles == ["Le patrimoine de Hué restauré", "Budgets participatifs", "Sans image"]


def test_items_carry_absolute_links_dates_teasers_and_countries(client, news):
    item = items_of(read_feed(client, "/rss/"))[0]

    assert (
        item.findtext("link")
        == "http://testserver/culture-patrimoine/le-patrimoine-de-hue-restaure/"
    )
    assert item.findtext("description") == "La citadelle impériale rouvre ses portes."
    published = parsedate_to_datetime(item.findtext("pubDate"))
    assert timezone.localtime(published).date() == datetime.date(2025, 3, 14)
    assert item.findtext("guid") == f"urn:aimf:actualite:{news['heritage'].pk}"
    assert item.find("guid").get("isPermaLink") == "false"
    assert [category.text for category in item.findall("category")] == ["Bénin", "Vietnam"]


def test_images_are_enclosures_with_absolute_url_length_and_type(client, news):
    items = {item.findtext("title"): item for item in items_of(read_feed(client, "/rss/"))}

    enclosure = items["Le patrimoine de Hué restauré"].find("enclosure")
    assert enclosure.get("type") == "image/jpeg"
    assert enclosure.get("url").startswith("http://testserver/media/images/")
    rendition = news["heritage"].image.get_rendition("fill-960x600|format-jpeg")
    assert int(enclosure.get("length")) == rendition.file.size > 0
    assert items["Sans image"].find("enclosure") is None


def test_theme_feed_lists_only_that_theme(client, news, theme):
    channel = read_feed(client, "/culture-patrimoine/rss/")

    assert channel.findtext("title") == "Actualités – Culture / Patrimoine – AIMF"
    assert channel.findtext("link") == "http://testserver/culture-patrimoine/"
    titles = [item.findtext("title") for item in items_of(channel)]
    assert titles == ["Le patrimoine de Hué restauré", "Sans image"]


def test_feeds_hold_the_latest_twenty(client, theme):
    NewsPageFactory.create_in_bulk(theme, 25, image=None)

    assert len(items_of(read_feed(client, "/rss/"))) == 20
    assert len(items_of(read_feed(client, "/culture-patrimoine/rss/"))) == 20


def test_an_empty_feed_is_still_valid(client, theme):
    assert items_of(read_feed(client, "/culture-patrimoine/rss/")) == []


def test_the_feed_costs_a_fixed_number_of_queries(client, theme, django_assert_max_num_queries):
    NewsPageFactory.create_in_bulk(theme, 20, countries=["BJ"])
    client.get("/rss/")  # Renditions are generated on the first read.

    with django_assert_max_num_queries(8):
        channel = read_feed(client, "/rss/")

    assert len(items_of(channel)) == 20


def test_an_item_cannot_take_the_feed_address_as_slug(theme):
    item = NewsPageFactory.build(parent=theme, slug="rss")

    with pytest.raises(ValidationError) as error:
        item.clean()

    assert "fil RSS" in error.value.message_dict["slug"][0]


def feed_links(response):
    soup = parse(response)
    return [
        (link["href"], link["title"])
        for link in soup.head.find_all("link", attrs={"rel": "alternate"})
        if link.get("type") == "application/rss+xml"
    ]


def test_every_page_links_the_site_feed(client, news):
    site_feed = ("/rss/", "Actualités de l'AIMF")
    theme_feed = ("/culture-patrimoine/rss/", "Actualités – Culture / Patrimoine – AIMF")

    assert feed_links(client.get("/")) == [site_feed]
    assert feed_links(client.get("/recherche/")) == [site_feed]
    assert feed_links(client.get("/culture-patrimoine/")) == [site_feed, theme_feed]
    assert feed_links(client.get("/culture-patrimoine/actualites/")) == [site_feed, theme_feed]
    assert feed_links(client.get(news["heritage"].url)) == [site_feed, theme_feed]
    assert feed_links(client.get(news["governance"].url)) == [
        site_feed,
        ("/gouvernance-locale/rss/", "Actualités – Gouvernance locale – AIMF"),
    ]


def test_a_teaser_reaches_feed_readers_as_text_never_as_markup(client, theme):
    """Readers render a description as HTML: an editor's markup must show, not run."""
    NewsPageFactory(parent=theme, teaser='Le <img src="x" onerror="alert(1)"> du maire')
    item = items_of(read_feed(client, "/rss/"))[0]
    description = parse_html(item.findtext("description"))
    assert description.find("img") is None
    assert description.get_text() == 'Le <img src="x" onerror="alert(1)"> du maire'
