"""The map in a real Chromium: a marker is reached with the keyboard and its link leads to the
city; the pictures of the map at 360 and 1280 px are saved in docs/img/ for the guide."""

from pathlib import Path

import pytest

from actions.factories import ActionPageFactory
from aimf_portal.factories import ThemePageFactory
from tests.editorial.test_guide_screenshots import looks_the_same
from tests.places import MAP_WIDTHS

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "img"
# (city, country) of the actions the map shows: Hué twice.
ACTIONS = [
    ("Hué", "VN"),
    ("Hué", "VN"),
    ("Nikki", "BJ"),
    ("Sousse", "TN"),
    ("Dakar", "SN"),
    ("Québec", "CA"),
    ("Fès", "MA"),
    ("Antananarivo", "MG"),
    ("Port-au-Prince", "HT"),
    ("Phnom Penh", "KH"),
    ("Ouagadougou", "BF"),
]
MAX_TABS = 120


def build_actions():
    theme = ThemePageFactory(title="Culture / Patrimoine")
    for number, (city, country) in enumerate(ACTIONS):
        ActionPageFactory(
            parent=theme, title=f"Action {number}", cities=[city], countries=[country], image=None
        )


def focus_by_tabbing(page, accessible_name):
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('aria-label')") == accessible_name:
            return
    pytest.fail(f"« {accessible_name} » n'est pas atteint au clavier.")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_marker_is_a_link_reached_and_followed_with_the_keyboard(live_server, browser_page):
    build_actions()
    page = browser_page
    page.goto(f"{live_server.url}/actions/")

    focus_by_tabbing(page, "Hué, Vietnam : 2 actions")
    marker = page.locator("svg a[aria-label='Hué, Vietnam : 2 actions'] circle")
    assert marker.evaluate("circle => getComputedStyle(circle).strokeWidth") == "2.5px"
    page.keyboard.press("Enter")

    page.wait_for_url(f"{live_server.url}/villes-membres/hue/")
    assert page.locator("h1").inner_text() == "Hué"
    assert page.locator(".card h3").count() == 2


def shoot(locator, name):
    picture = locator.screenshot(animations="disabled", caret="hide")
    path = SCREENSHOTS / name
    if not (path.exists() and looks_the_same(path.read_bytes(), picture)):
        path.write_bytes(picture)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("width", MAP_WIDTHS)
def test_the_map_at_360_and_1280_pixels(live_server, browser, width):
    build_actions()
    context = browser.new_context(locale="fr-FR", viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server.url}/actions/")

    figure = page.locator("figure.city-map")
    box = figure.bounding_box()
    assert box["width"] <= width and box["height"] > 0
    # The markers sit inside the map, on the page's width.
    for marker in page.locator("svg a circle").all():
        marker_box = marker.bounding_box()
        assert box["x"] <= marker_box["x"] <= box["x"] + box["width"]
    shoot(figure, f"carte-actions-{width}.png")
    context.close()
