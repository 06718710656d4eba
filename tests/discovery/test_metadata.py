"""The <head> of every public page type: one title, description and canonical address, Open
Graph and Twitter card tags, and JSON-LD that parses, with the right types and fields."""

import json

import pytest
from django.test import RequestFactory

from actions.factories import ActionPageFactory
from aimf_portal.factories import StandardPageFactory, home_page
from aimf_portal.items.factories import ImageFactory
from news.factories import NewsPageFactory
from news.models import NewsPage
from publications.factories import PublicationPageFactory
from tests.discovery.helpers import HOSTILE_TITLE
from tests.html import parse, text_of

pytestmark = pytest.mark.django_db

ROOT = "http://localhost"  # The default Wagtail Site of migration 0003, whatever the Host.


def large_image(**kwargs):
    return ImageFactory(file__width=1600, file__height=900, **kwargs)


@pytest.fixture
def site(theme):
    theme.image = large_image(description="Les toits de la citadelle")
    theme.save_revision().publish()
    return {
        "theme": theme,
        "news": NewsPageFactory(
            parent=theme,
            title="Le patrimoine de Hué restauré",
            teaser="La citadelle impériale rouvre ses portes.",
            image=large_image(description="La porte du Midi restaurée"),
            countries=["VN"],
        ),
        "action": ActionPageFactory(
            parent=theme, title="Sauvegarde de la médina", countries=["MA"]
        ),
        "publication": PublicationPageFactory(
            parent=theme, title="Guide des villes patrimoniales", countries=["BJ"]
        ),
        "standard": StandardPageFactory(
            parent=home_page(), title="Mentions légales", intro="Qui publie ce site."
        ),
    }


def head_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return parse(response).head


def meta(head, **attrs):
    """The content of the one meta tag with these attributes."""
    found = head.find_all("meta", attrs=attrs)
    assert len(found) == 1, attrs
    return found[0]["content"]


def canonical(head):
    links = head.find_all("link", rel="canonical")
    assert len(links) == 1
    return links[0]["href"]


def json_ld(head):
    """Each JSON-LD object of the page, by @type."""
    scripts = head.find_all("script", type="application/ld+json")
    objects = [json.loads(script.string) for script in scripts]
    return {data["@type"]: data for data in objects}


def title(head):
    titles = head.find_all("title")
    assert len(titles) == 1
    return text_of(titles[0])


def page_urls(site):
    theme_url = site["theme"].url
    return {
        "home": "/",
        "theme": theme_url,
        "news listing": theme_url + "actualites/",
        "action listing": theme_url + "actions/",
        "publication listing": theme_url + "publications/",
        "filtered publication listing": theme_url + "publications/?pays=bj",
        "news": site["news"].url,
        "action": site["action"].url,
        "publication": site["publication"].url,
        "standard page": site["standard"].url,
        "search": "/recherche/?q=patrimoine",
    }


PAGE_TYPES = [
    "home",
    "theme",
    "news listing",
    "action listing",
    "publication listing",
    "filtered publication listing",
    "news",
    "action",
    "publication",
    "standard page",
    "search",
]


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_every_page_type_has_one_of_each_tag(client, site, page_type):
    head = head_of(client, page_urls(site)[page_type])

    assert title(head).endswith(" – AIMF")
    assert meta(head, name="description")
    url = canonical(head)
    assert url.startswith(f"{ROOT}/")
    assert meta(head, property="og:url") == url
    assert meta(head, property="og:title") == title(head).removesuffix(" – AIMF")
    assert meta(head, property="og:description") == meta(head, name="description")
    assert meta(head, property="og:locale") == "fr_FR"
    assert (
        meta(head, property="og:site_name") == "Association internationale des maires francophones"
    )
    assert meta(head, property="og:type") in {"article", "website"}
    assert meta(head, name="twitter:card") in {"summary", "summary_large_image"}


def test_titles_are_unique_across_the_site(client, site):
    titles = {page_type: title(head_of(client, url)) for page_type, url in page_urls(site).items()}

    assert len(set(titles.values())) == len(titles), titles
    assert titles["home"] == "Association internationale des maires francophones – AIMF"
    assert titles["theme"] == "Culture / Patrimoine – AIMF"
    assert titles["news listing"] == "Actualités – Culture / Patrimoine – AIMF"
    assert titles["filtered publication listing"] == (
        "Publications & Réflexions – Culture / Patrimoine – Bénin – AIMF"
    )
    assert titles["news"] == "Le patrimoine de Hué restauré – AIMF"
    assert titles["search"] == "Recherche : « patrimoine » – AIMF"


def test_a_second_page_of_a_listing_has_its_own_title_and_canonical(client, theme):
    NewsPageFactory.create_in_bulk(theme, 13)
    listing = theme.url + "actualites/"

    head = head_of(client, listing + "?page=2")

    assert title(head) == "Actualités – Culture / Patrimoine – page 2 – AIMF"
    assert canonical(head) == f"{ROOT}{listing}?page=2"
    assert head.find("meta", attrs={"name": "robots"}) is None


def test_filtered_pages_are_noindex_and_name_the_unfiltered_page(client, site):
    theme_url = site["theme"].url
    listing = head_of(client, theme_url + "publications/?pays=bj&page=1")
    theme = head_of(client, theme_url + "?pays=bj")
    plain_theme = head_of(client, theme_url)

    assert meta(listing, name="robots") == "noindex, follow"
    assert canonical(listing) == f"{ROOT}{theme_url}publications/"
    assert meta(theme, name="robots") == "noindex, follow"
    assert title(theme) == "Culture / Patrimoine – Bénin – AIMF"
    assert canonical(theme) == f"{ROOT}{theme_url}"
    assert plain_theme.find("meta", attrs={"name": "robots"}) is None


def test_a_news_item_is_an_article_with_a_large_share_image(client, site):
    news = site["news"]
    head = head_of(client, news.url)

    assert meta(head, property="og:type") == "article"
    assert meta(head, name="description") == "La citadelle impériale rouvre ses portes."
    image_url = meta(head, property="og:image")
    assert image_url.startswith(f"{ROOT}/media/images/")
    assert image_url.endswith(".jpg")
    assert meta(head, property="og:image:width") == "1200"
    assert meta(head, property="og:image:height") == "630"
    assert meta(head, property="og:image:alt") == "La porte du Midi restaurée"
    assert meta(head, name="twitter:card") == "summary_large_image"


def test_news_json_ld_is_a_news_article_with_its_breadcrumb(client, site):
    news = site["news"]
    news.refresh_from_db()
    structured = json_ld(head_of(client, news.url))

    assert set(structured) == {"NewsArticle", "BreadcrumbList"}
    article = structured["NewsArticle"]
    assert article["@context"] == "https://schema.org"
    assert article["headline"] == "Le patrimoine de Hué restauré"
    assert article["datePublished"] == news.date.isoformat()
    assert article["dateModified"] == news.last_published_at.isoformat()
    assert article["image"] == [meta(head_of(client, news.url), property="og:image")]
    assert article["mainEntityOfPage"] == f"{ROOT}{news.url}"
    for role in ("author", "publisher"):
        assert article[role]["@type"] == "Organization"
        assert article[role]["name"] == "Association internationale des maires francophones"
    trail = structured["BreadcrumbList"]["itemListElement"]
    assert [(item["position"], item["name"], item["item"]) for item in trail] == [
        (1, "Accueil", f"{ROOT}/"),
        (2, "Culture / Patrimoine", f"{ROOT}{site['theme'].url}"),
        (3, "Le patrimoine de Hué restauré", f"{ROOT}{news.url}"),
    ]


def test_the_home_page_describes_the_organization(client, site):
    head = head_of(client, "/")
    structured = json_ld(head)

    assert set(structured) == {"Organization"}
    assert (
        structured["Organization"]["name"] == "Association internationale des maires francophones"
    )
    assert structured["Organization"]["alternateName"] == "AIMF"
    assert structured["Organization"]["url"] == f"{ROOT}/"
    assert meta(head, property="og:type") == "website"
    # No image of its own: the portal's card, at the size networks show large.
    assert meta(head, property="og:image") == f"{ROOT}/static/img/og-default.png"
    assert (meta(head, property="og:image:width"), meta(head, property="og:image:height")) == (
        "1200",
        "630",
    )
    assert meta(head, name="twitter:card") == "summary_large_image"


@pytest.mark.parametrize(
    ("page_type", "trail"),
    [
        ("action", ["Accueil", "Culture / Patrimoine", "Sauvegarde de la médina"]),
        ("publication", ["Accueil", "Culture / Patrimoine", "Guide des villes patrimoniales"]),
        ("theme", ["Accueil", "Culture / Patrimoine"]),
        ("news listing", ["Accueil", "Culture / Patrimoine", "Actualités"]),
        ("standard page", ["Accueil", "Mentions légales"]),
    ],
)
def test_pages_with_a_breadcrumb_have_a_breadcrumb_list(client, site, page_type, trail):
    url = page_urls(site)[page_type]
    structured = json_ld(head_of(client, url))

    elements = structured["BreadcrumbList"]["itemListElement"]
    assert [element["name"] for element in elements] == trail
    assert elements[-1]["item"] == f"{ROOT}{url}"
    assert "NewsArticle" not in structured


def test_a_listing_shares_its_theme_image(client, site):
    head = head_of(client, site["theme"].url + "actions/")

    assert meta(head, property="og:image:alt") == "Les toits de la citadelle"
    assert meta(head, property="og:image:width") == "1200"
    assert meta(head, name="twitter:card") == "summary_large_image"


def test_search_pages_carry_no_structured_data_and_stay_unindexed(client, site):
    head = head_of(client, "/recherche/?q=patrimoine&pays=vn")

    assert meta(head, name="robots") == "noindex"
    assert title(head) == "Recherche : « patrimoine » – Vietnam – AIMF"
    assert json_ld(head) == {}


def test_the_promote_tab_overrides_title_and_description(client, site):
    news = site["news"]
    news.seo_title = "Hué : la citadelle rouvre"
    news.search_description = "Dix ans de travaux pour la citadelle impériale de Hué."
    news.save_revision().publish()

    head = head_of(client, news.url)

    assert title(head) == "Hué : la citadelle rouvre – AIMF"
    assert meta(head, property="og:title") == "Hué : la citadelle rouvre"
    assert meta(head, name="description") == news.search_description
    assert meta(head, property="og:description") == news.search_description
    assert json_ld(head)["NewsArticle"]["description"] == news.search_description


def test_the_home_page_title_can_be_overridden(client, db):
    home = home_page()
    home.seo_title = "AIMF, les maires francophones"
    home.save_revision().publish()

    assert title(head_of(client, "/")) == "AIMF, les maires francophones – AIMF"


def test_the_description_falls_back_to_the_intro_as_plain_text(client, site):
    theme = site["theme"]
    theme.intro = "<p>Des villes <b>&amp;</b> leur patrimoine.</p>"
    theme.save_revision().publish()

    assert meta(head_of(client, theme.url), name="description") == "Des villes & leur patrimoine."


def test_a_hostile_title_cannot_break_out_of_the_json_ld(client, theme):
    news = NewsPageFactory(parent=theme, title=HOSTILE_TITLE, teaser=HOSTILE_TITLE)

    response = client.get(news.url)
    html = response.content.decode()
    head = parse(response).head

    assert HOSTILE_TITLE not in html
    assert "<script>alert(1)" not in html
    scripts = head.find_all("script")
    assert all(
        script.get("type") == "application/ld+json" or script.get("src") for script in scripts
    )
    assert json_ld(head)["NewsArticle"]["headline"] == HOSTILE_TITLE
    assert meta(head, property="og:title") == HOSTILE_TITLE


def test_canonical_addresses_follow_the_site_not_the_host_header(client, site):
    head = head_of(client, site["news"].url)

    assert canonical(head) == f"{ROOT}{site['news'].url}"
    assert "testserver" not in str(head.find("link", rel="canonical"))


def test_the_preview_of_a_never_published_news_item_has_its_metadata(theme, admin_user):
    news = NewsPage(title="Brouillon neuf", slug="brouillon-neuf", teaser="Pas encore en ligne.")
    # Attached under its theme without being saved, as Wagtail's preview of a new page is.
    news.depth = theme.depth + 1
    news.path = theme.path + "9999"
    news.set_url_path(theme)
    request = RequestFactory().get("/")
    request.user = admin_user

    response = news.make_preview_request(request)

    assert response.status_code == 200
    article = json_ld(parse(response).head)["NewsArticle"]
    assert article["datePublished"] == article["dateModified"] == news.date.isoformat()


def test_a_missing_image_file_leaves_the_page_with_the_portals_card_not_broken(client, site):
    news = site["news"]
    news.image.file.delete(save=False)

    head = head_of(client, news.url)

    assert meta(head, property="og:image") == f"{ROOT}/static/img/og-default.png"
