"""One way to drive a real browser in tests: Debian's Chromium through Playwright.

Playwright cannot download its own browsers here, so it launches the system binary with the
flags this machine needs. Its sync API runs an event loop in the test thread, hence
DJANGO_ALLOW_ASYNC_UNSAFE (Django would otherwise refuse ORM calls in that thread).
"""

import shutil

import pytest

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path():
    path = shutil.which("chromium")
    if path is None:
        pytest.fail(
            "Chromium manque : lancez `make test`, qui l'installe (scripts/system-deps.sh)."
        )
    return path


@pytest.fixture
def browser(monkeypatch):
    """One Chromium per test (about a second): a session-wide one would keep Playwright's event
    loop running in the main thread, where Django then opens other database connections and
    transactional tests stop restoring the data the migrations created."""
    # Only for this test: a process started later (check --deploy) must not inherit it.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        yield launched
        launched.close()
        # The test's own ORM calls ran while the loop was running, on connections of their own:
        # close them from here, or they keep PostgreSQL's test database in use to the end.
        connections.close_all()
    connections.close_all()


@pytest.fixture
def browser_page(browser):
    """A fresh browser tab with JavaScript on."""
    context = browser.new_context(locale="fr-FR")
    yield context.new_page()
    context.close()


@pytest.fixture
def browser_page_without_js(browser):
    """A fresh browser tab with JavaScript disabled, to check progressive enhancement."""
    context = browser.new_context(locale="fr-FR", java_script_enabled=False)
    yield context.new_page()
    context.close()
