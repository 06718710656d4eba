"""JSON-LD under the strict Content-Security-Policy, in a real Chromium: a data block is not
executed, so the policy (`script-src 'self'`) lets it through without a violation, and a
hostile title inside it stays data."""

import json

import pytest
from playwright.sync_api import expect

from news.factories import NewsPageFactory
from tests.discovery.helpers import HOSTILE_TITLE

# Runs before the page's own scripts, outside the page's policy (Playwright's init scripts).
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
window.alert = () => { window.alerted = true; };
"""
# Resolves once the policy has refused the inline script, with what the recorder saw.
INJECT_INLINE_SCRIPT = """
new Promise((resolve) => {
    document.addEventListener(
        "securitypolicyviolation", () => resolve(window.cspViolations), {once: true}
    );
    const script = document.createElement("script");
    script.textContent = "window.inlineRan = true";
    document.body.append(script);
})
"""


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_json_ld_raises_no_csp_violation_and_a_hostile_title_stays_data(
    live_server, browser_page, theme
):
    news = NewsPageFactory(parent=theme, title=HOSTILE_TITLE, teaser="Un titre piégé.")
    page = browser_page
    console_errors = []
    page.on(
        "console", lambda message: message.type == "error" and console_errors.append(message.text)
    )
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.add_init_script(RECORD_VIOLATIONS)

    response = page.goto(f"{live_server.url}{news.url}")

    assert "script-src 'self'" in response.headers["content-security-policy"]
    blocks = page.locator('script[type="application/ld+json"]')
    expect(blocks).to_have_count(2)
    types = {json.loads(text)["@type"]: json.loads(text) for text in blocks.all_text_contents()}
    assert types["NewsArticle"]["headline"] == HOSTILE_TITLE
    expect(page.locator("h1")).to_have_text(HOSTILE_TITLE)
    assert page.evaluate("window.cspViolations") == []
    assert page.evaluate("window.alerted === undefined")
    assert dialogs == []
    assert not [error for error in console_errors if "Content Security Policy" in error]

    # The recorder does see a violation when one happens: an inline script is refused.
    violations = page.evaluate(INJECT_INLINE_SCRIPT)
    assert len(violations) == 1
    assert violations[0].startswith("script-src")
    assert page.evaluate("window.inlineRan === undefined")
