"""Every page type from 320 px phones to desktops, and with text at 200 %: no horizontal
scroll, no text cut off. Screenshots at 360 and 1280 px are kept in var/test-artifacts/, and
what issue 18 changed in the look is measured in the browser: the search facet's boxes beside
their labels, the theme page's order and height on a phone, its promos beside the reader on a
desktop, lead images as wide as the text column, covers upright."""

from pathlib import Path

import pytest
from django.conf import settings

from news.models import NewsPage
from publications.models import PublicationPage

from .browser_checks import CLIPPED_TEXT, HORIZONTAL_OVERFLOW
from .site import THEME, build_public_site

ARTIFACTS = Path(settings.BASE_DIR) / "var" / "test-artifacts"
WIDTHS = [(320, 1), (360, 1), (640, 2), (1280, 1), (1280, 2)]


def page_paths(site):
    theme = site["theme"]
    news = NewsPage.objects.child_of(theme).live().first()
    publication = PublicationPage.objects.child_of(theme).exclude(image=None).first()
    return {
        "thematique": f"{THEME}/",
        "accueil": "/",
        "actualites": "/actualites/?thematique=culture-patrimoine",
        "recherche": "/recherche/?q=patrimoine",
        "contact": "/contact/",
        "actualite": news.url,
        "publication": publication.url,
    }


def open_page(browser, url, width, text_zoom=1):
    context = browser.new_context(locale="fr-FR", viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(url)
    page.evaluate("zoom => document.documentElement.style.fontSize = `${zoom * 100}%`", text_zoom)
    return page


def screenshot(page, name, width):
    for image in page.locator("img[loading=lazy]:visible").all():
        image.scroll_into_view_if_needed()
        image.evaluate("image => image.decode()")
    # Back to the top: a sticky column would otherwise be drawn where the last scroll left it.
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=ARTIFACTS / f"{name}-{width}px.png", full_page=True)


def box(page, selector):
    return page.locator(selector).first.bounding_box()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_page_type_fits_every_width_and_doubled_text(live_server, browser):
    site = build_public_site()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    problems = {}
    for name, path in page_paths(site).items():
        for width, text_zoom in WIDTHS:
            page = open_page(browser, f"{live_server.url}{path}", width, text_zoom)
            page.locator(".theme-nav__toggle").click()  # the open menu must fit too
            overflow = page.evaluate(HORIZONTAL_OVERFLOW)
            clipped = page.evaluate(CLIPPED_TEXT)
            if overflow > 0 or clipped:
                problems[f"{name}, {width} px, texte à {text_zoom * 100} %"] = (overflow, clipped)
            page.locator(".theme-nav__toggle").click()
            if text_zoom == 1 and width in (360, 1280):
                screenshot(page, name, width)
            page.context.close()

    assert not problems, f"Débordement horizontal (px) et textes coupés : {problems}"
    for name in page_paths(site):
        assert (ARTIFACTS / f"{name}-360px.png").stat().st_size > 0
        assert (ARTIFACTS / f"{name}-1280px.png").stat().st_size > 0


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("width", [390, 1280])
def test_a_facet_box_sits_beside_its_label_on_search_as_on_listings(live_server, browser, width):
    build_public_site()
    for path in ["/recherche/?q=patrimoine", f"{THEME}/actualites/"]:
        page = open_page(browser, f"{live_server.url}{path}", width)
        checkbox = box(page, ".facets__options input[type=checkbox]")
        label = box(page, ".facets__options label")
        group = box(page, ".facets__group")
        assert checkbox["x"] - group["x"] < 24, (path, width, checkbox, group)
        assert 0 <= label["x"] - (checkbox["x"] + checkbox["width"]) < 16, (path, checkbox, label)
        assert abs(label["y"] - checkbox["y"]) < 12, (path, checkbox, label)
        page.context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_on_a_phone_the_theme_page_shows_first_items_then_promos_then_the_full_lists(
    live_server, browser
):
    build_public_site()
    page = open_page(browser, f"{live_server.url}{THEME}/", 360)

    visible_cards = page.locator("#section-actualites .card:visible").count()
    assert visible_cards == 3
    promos, listings = box(page, ".theme-layout__aside"), box(page, ".theme-layout__listings")
    last_section = box(page, "#section-publications")
    assert last_section["y"] < promos["y"] < listings["y"]
    assert not page.locator("#publications-formulaire form").is_visible()  # folded
    height = page.evaluate("document.documentElement.scrollHeight")
    # The news of the fixture alone make 4 cards; 3 sections of 6 used to make 11,500 px.
    assert height < 6000, height
    page.context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_on_a_desktop_the_promos_follow_the_reader(live_server, browser):
    build_public_site()
    page = open_page(browser, f"{live_server.url}{THEME}/", 1280)
    layout_top = page.evaluate(
        "document.querySelector('.theme-layout').getBoundingClientRect().top + window.scrollY"
    )
    page.evaluate("y => window.scrollTo(0, y)", layout_top + 300)  # down into the sections

    aside = page.locator(".theme-layout__aside").evaluate("a => a.getBoundingClientRect().top")
    assert 0 <= aside <= 32, aside  # still at the top of the window, not scrolled away
    page.context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_lead_images_fill_the_column_and_covers_stay_upright(live_server, browser):
    site = build_public_site()
    paths = page_paths(site)
    page = open_page(browser, f"{live_server.url}{paths['actualite']}", 1280)
    image, column = box(page, ".item-header__media img"), box(page, ".item-header")
    assert abs(image["width"] - column["width"]) < 2, (image, column)
    page.context.close()

    page = open_page(browser, f"{live_server.url}{paths['publication']}", 1280)
    cover = box(page, ".publication__cover img")
    assert cover["height"] > cover["width"], cover
    page.context.close()
