"""A news item shows everything an editor entered, in French, with an accessible page frame."""

import datetime

import pytest

from aimf_portal.items.factories import ImageFactory
from news.factories import NewsPageFactory
from tests.html import assert_page_chrome, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(theme):
    return NewsPageFactory(
        parent=theme,
        title="Québec et Namur fêtent trente ans de jumelage",
        teaser="La place de Namur, à Québec, accueille les deux maires pour l'anniversaire.",
        date=datetime.date(2025, 5, 12),
        cities=["Québec"],
        countries=["CA", "BE"],
        image=ImageFactory(description="La place de Namur sous la neige"),
        body=[
            {
                "type": "paragraph",
                "value": "<p>Les deux villes renouvellent leur <b>pacte</b>.</p>",
            },
            {
                "type": "image",
                "value": {
                    "image": ImageFactory(description="Les deux maires").pk,
                    "caption": "Les maires de Québec et de Namur sur la place.",
                },
            },
            {
                "type": "quote",
                "value": {
                    "quote": "Trente ans d'amitié entre nos villes.",
                    "attribution": "La maire de Namur",
                },
            },
        ],
    )


def test_the_news_page_frame(client, news):
    response = client.get(news.url)
    soup = assert_page_chrome(response, title=news.title, description=news.teaser)
    assert text_of(soup.find("h1")) == news.title


def test_the_date_place_and_countries(client, news):
    soup = assert_page_chrome(client.get(news.url), title=news.title, description=news.teaser)
    meta = soup.find(class_="item-header__meta")
    assert text_of(meta) == "12 mai 2025 · Québec · Belgique, Canada"
    assert meta.find("time")["datetime"] == "2025-05-12"
    assert text_of(soup.find(class_="item-header__teaser")) == news.teaser


def test_the_hero_image_has_its_alt_text_and_real_renditions(client, news):
    soup = assert_page_chrome(client.get(news.url), title=news.title, description=news.teaser)
    hero = soup.find(class_="item-header__media").find("img")
    assert hero["alt"] == "La place de Namur sous la neige"
    assert hero["src"].startswith("/media/images/")
    sources = soup.find(class_="item-header__media").find_all("source")
    assert [source["type"] for source in sources] == ["image/avif", "image/webp"]


def test_the_body_blocks(client, news):
    soup = assert_page_chrome(client.get(news.url), title=news.title, description=news.teaser)
    body = soup.find(class_="item__body")
    assert "Les deux villes renouvellent leur pacte." in text_of(body)
    assert text_of(body.find("b")) == "pacte"
    figure = body.find("figure", class_="body-image")
    assert figure.find("img")["alt"] == "Les deux maires"
    assert text_of(figure.find("figcaption")) == "Les maires de Québec et de Namur sur la place."
    quote = body.find("figure", class_="quote")
    assert text_of(quote.find("blockquote")) == "Trente ans d'amitié entre nos villes."
    assert text_of(quote.find("figcaption")) == "— La maire de Namur"


def test_a_news_item_without_city_image_or_countries(client, theme):
    news = NewsPageFactory(parent=theme, date=datetime.date(2025, 10, 27), image=None)
    soup = assert_page_chrome(client.get(news.url), title=news.title, description=news.teaser)
    assert text_of(soup.find(class_="item-header__meta")) == "27 octobre 2025"
    assert soup.find(class_="item-header__media") is None


def test_the_seo_title_and_search_description_win_when_given(client, theme):
    news = NewsPageFactory(
        parent=theme,
        image=None,
        seo_title="Hué accueille 400 maires",
        search_description="Les maires francophones réunis à Hué.",
    )
    assert_page_chrome(
        client.get(news.url),
        title="Hué accueille 400 maires",
        description="Les maires francophones réunis à Hué.",
    )
