"""The theme page from 320 px phones to desktops, and with text at 200 %: no horizontal scroll,
no text cut off. Screenshots at 360 and 1280 px are kept in var/test-artifacts/."""

from pathlib import Path

import pytest
from django.conf import settings

from .browser_checks import CLIPPED_TEXT, HORIZONTAL_OVERFLOW
from .site import THEME, build_public_site

ARTIFACTS = Path(settings.BASE_DIR) / "var" / "test-artifacts"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_theme_page_fits_every_width_and_doubled_text(live_server, browser):
    build_public_site()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    problems = {}
    for width, text_zoom in [(320, 1), (360, 1), (640, 2), (1280, 1), (1280, 2)]:
        context = browser.new_context(locale="fr-FR", viewport={"width": width, "height": 800})
        page = context.new_page()
        page.goto(f"{live_server.url}{THEME}/")
        page.evaluate(
            "zoom => document.documentElement.style.fontSize = `${zoom * 100}%`", text_zoom
        )
        page.locator(".theme-nav__toggle").click()  # the open menu must fit too
        overflow = page.evaluate(HORIZONTAL_OVERFLOW)
        clipped = page.evaluate(CLIPPED_TEXT)
        if overflow > 0 or clipped:
            problems[f"{width} px, texte à {text_zoom * 100} %"] = (overflow, clipped)
        page.locator(".theme-nav__toggle").click()
        if text_zoom == 1 and width in (360, 1280):
            for image in page.locator("img[loading=lazy]").all():
                image.scroll_into_view_if_needed()
                image.evaluate("image => image.decode()")
            page.screenshot(path=ARTIFACTS / f"thematique-{width}px.png", full_page=True)
        context.close()

    assert not problems, f"Débordement horizontal (px) et textes coupés : {problems}"
    assert (ARTIFACTS / "thematique-360px.png").stat().st_size > 0
    assert (ARTIFACTS / "thematique-1280px.png").stat().st_size > 0
