"""With the keyboard only: the skip link, the header, the filter form and the newsletter form
are reached in reading order, and whatever has the focus shows it."""

import pytest

from .browser_checks import DESCRIBE_FOCUS, FOCUSABLE_IN, tab_through, visibly_focused
from .site import THEME, build_public_site

HEADER = [
    "a.skip-link",
    "a.site-logo",
    "summary.theme-nav__toggle",
    "a.",  # Actualités, Actions, Publications: the site-wide listings
    "a.",
    "a.",
    "#recherche-entete",
    "button.",
]


def assert_all_visibly_focused(focused):
    hidden = [focus["name"] for focus in focused if not visibly_focused(focus)]
    assert not hidden, f"Focus invisible sur : {hidden}"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_skip_link_shows_on_focus_and_moves_to_the_content(live_server, browser_page):
    build_public_site()
    page = browser_page
    page.goto(f"{live_server.url}{THEME}/")
    skip_link = page.locator(".skip-link")
    assert skip_link.bounding_box()["y"] + skip_link.bounding_box()["height"] <= 0

    page.keyboard.press("Tab")
    assert page.evaluate(DESCRIBE_FOCUS)["name"] == "a.skip-link"
    assert skip_link.bounding_box()["y"] >= 0
    page.keyboard.press("Enter")

    assert page.url.endswith("#contenu")
    assert page.evaluate("document.activeElement.id") == "contenu"
    assert page.evaluate(DESCRIBE_FOCUS)["name"] != "a.skip-link"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_header_filter_and_newsletter_forms_in_order_with_a_visible_focus(
    live_server, browser_page
):
    build_public_site()
    page = browser_page
    page.goto(f"{live_server.url}{THEME}/")

    header = tab_through(page, len(HEADER))
    assert [focus["name"] for focus in header] == HEADER
    assert_all_visibly_focused(header)

    page.focus("summary.theme-nav__toggle")
    page.keyboard.press("Enter")
    assert page.locator(".theme-nav__menu").get_attribute("open") is not None
    opened_menu = tab_through(page, 2)
    assert [focus["name"] for focus in opened_menu] == ["a.", "a."]
    assert page.evaluate("document.activeElement.closest('.theme-nav__list') !== null")
    assert_all_visibly_focused(opened_menu)
    # Escape closes the menu from inside it and gives the focus back to its button.
    page.keyboard.press("Escape")
    assert page.locator(".theme-nav__menu").get_attribute("open") is None
    assert page.evaluate(DESCRIBE_FOCUS)["name"] == "summary.theme-nav__toggle"

    # The theme page's filter is folded (narrow screens): its summary opens it.
    page.locator(".section__filter-toggle summary").click()
    for form in ["#publications-formulaire form", ".site-footer .newsletter-form"]:
        expected = page.evaluate(FOCUSABLE_IN, form)
        assert len(expected) >= 3, f"{form} : {expected}"
        page.focus(f"{form} {expected[0]}")
        page.keyboard.press("Shift+Tab")
        focused = tab_through(page, len(expected))
        assert [focus["name"] for focus in focused] == expected, form
        assert_all_visibly_focused(focused)
