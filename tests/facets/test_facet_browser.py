"""The theme page's publication filter in a real Chromium, with and without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from news.factories import NewsPageFactory
from publications.factories import PublicationPageFactory

SECTION = "#section-publications"
RESULTS = "#publications-resultats .card__title a"
CARDS = "#publications-resultats .card"


@pytest.fixture
def theme_with_publications(theme):
    PublicationPageFactory(parent=theme, title="Cahier béninois", countries=["BJ"], image=None)
    PublicationPageFactory(parent=theme, title="Cahier tunisien", countries=["TN"], image=None)
    PublicationPageFactory(parent=theme, title="Guide camerounais", countries=["CM"], image=None)
    NewsPageFactory(parent=theme, title="Nouvelles de Hué", countries=["VN"], image=None)
    return theme


def listed(page):
    return sorted(page.locator(RESULTS).all_inner_texts())


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_ticking_countries_updates_results_in_place(
    live_server, browser_page, theme_with_publications
):
    page = browser_page
    page.goto(f"{live_server.url}/culture-patrimoine/")
    page.evaluate("window.loadedOnce = true")

    page.locator("#publications-pays-bj").check()
    page.wait_for_url(re.compile(r"\?pays=bj#section-publications$"))
    page.locator("#publications-pays-tn").check()
    page.wait_for_url(re.compile(r"\?pays=bj&pays=tn#section-publications$"))
    # Locator waits: the page's Content-Security-Policy forbids the eval behind wait_for_function.
    expect(page.locator(CARDS)).to_have_count(2)

    assert listed(page) == ["Cahier béninois", "Cahier tunisien"]
    assert page.locator("#publications-statut").inner_text() == ("2 publications avec ces filtres")
    assert page.evaluate("window.loadedOnce") is True, "the page was reloaded"
    assert page.evaluate("document.activeElement.id") == "publications-pays-tn"
    assert "Nouvelles de Hué" in page.locator("#section-actualites").inner_text()

    page.go_back()
    page.wait_for_url(re.compile(r"\?pays=bj#section-publications$"))
    expect(page.locator(CARDS)).to_have_count(1)
    assert listed(page) == ["Cahier béninois"]
    assert page.locator("#publications-pays-tn").is_checked() is False


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_filter_works_without_javascript(
    live_server, browser_page_without_js, theme_with_publications
):
    page = browser_page_without_js
    page.goto(f"{live_server.url}/culture-patrimoine/")
    page.locator("#publications-pays-bj").check()
    page.locator("#publications-pays-cm").check()
    page.locator(f"{SECTION} button[type=submit]").click()
    page.wait_for_url(re.compile(r"\?pays=bj&pays=cm#section-publications$"))

    assert listed(page) == ["Cahier béninois", "Guide camerounais"]
    assert page.locator("#publications-pays-bj").is_checked()
    assert page.locator("#publications-pays-cm").is_checked()
    chips = page.locator(f"{SECTION} .chip").all_inner_texts()
    assert [chip.split("\n")[0] for chip in chips] == ["Bénin ×", "Cameroun ×", "Tout effacer"]
