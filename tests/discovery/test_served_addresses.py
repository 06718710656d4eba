"""Absolute addresses (canonical, og:url, og:image, JSON-LD, sitemap): in development they
follow the address actually served; in production, the Wagtail Site's whatever the Host."""

import json
import xml.etree.ElementTree as ET

import pytest

from aimf_portal.items.factories import ImageFactory
from news.factories import NewsPageFactory
from tests.html import parse

pytestmark = pytest.mark.django_db

SERVED = "http://127.0.0.1:8000"
SITE = "http://localhost"  # The default Wagtail Site of migration 0003.
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def news(theme):
    image = ImageFactory(file__width=1600, file__height=900, description="La citadelle")
    return NewsPageFactory(parent=theme, title="Hué restaure", image=image)


def absolute_addresses(client, path):
    head = parse(client.get(path, HTTP_HOST="127.0.0.1:8000")).head
    json_ld = [json.loads(s.string) for s in head.find_all("script", type="application/ld+json")]
    return {
        "canonical": head.find("link", rel="canonical")["href"],
        "og:url": head.find("meta", property="og:url")["content"],
        "og:image": head.find("meta", property="og:image")["content"],
        "breadcrumb": [item["item"] for d in json_ld if "itemListElement" in d for item in
                       d["itemListElement"]],
    }  # fmt: skip


def sitemap_locations(client):
    response = client.get("/sitemap.xml", HTTP_HOST="127.0.0.1:8000")
    root = ET.fromstring(response.content)
    return [url.findtext("s:loc", namespaces=NS) for url in root.findall("s:url", NS)]


def test_in_development_they_follow_the_served_host_and_port(client, news, settings):
    settings.ABSOLUTE_URLS_FROM_REQUEST = True

    found = absolute_addresses(client, news.url)

    assert found["canonical"] == found["og:url"] == f"{SERVED}{news.url}"
    assert found["og:image"].startswith(f"{SERVED}/media/images/")
    assert found["breadcrumb"] == [
        f"{SERVED}/",
        f"{SERVED}/culture-patrimoine/",
        f"{SERVED}{news.url}",
    ]
    locations = sitemap_locations(client)
    assert f"{SERVED}{news.url}" in locations
    assert f"{SERVED}/culture-patrimoine/actualites/" in locations
    assert all(location.startswith(SERVED + "/") for location in locations)


def test_in_production_they_are_the_sites_whatever_the_host(client, news, settings):
    settings.ABSOLUTE_URLS_FROM_REQUEST = False

    found = absolute_addresses(client, news.url)

    assert found["canonical"] == found["og:url"] == f"{SITE}{news.url}"
    assert found["og:image"].startswith(f"{SITE}/media/images/")
    assert all(location.startswith(SITE + "/") for location in sitemap_locations(client))
