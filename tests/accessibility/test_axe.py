"""Every public page type has no axe-core violation of WCAG 2.0/2.1 levels A and AA, in Chromium.

axe is evaluated through the DevTools protocol, which the page's Content-Security-Policy does
not govern: the page under test keeps its real policy, scripts and styles.
"""

import pytest

from .site import build_public_site, public_pages
from .tools import AXE_SCRIPT, installed

WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page):
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(installed(AXE_SCRIPT).read_text())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_AA_TAGS
    )
    return [
        f"{violation['id']} ({violation['impact']}) : {violation['help']} → "
        + ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        for violation in result["violations"]
    ]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_no_page_has_an_axe_violation(live_server, browser_page):
    site = build_public_site()
    page = browser_page
    found = {}

    def check(name, path):
        found[f"{name} ({path})"] = axe_violations(page)

    for name, path, status in public_pages(site):
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == status, f"{name} ({path}) : {response.status}"
        check(name, path)
        if name == "newsletter désinscription":
            page.get_by_role("button", name="Me désinscrire").click()
            page.wait_for_load_state()
            check("newsletter désinscrit", path)
        if name == "newsletter confirmée":
            with page.expect_navigation():
                page.get_by_role("button", name="Confirmer mon inscription").click()
            check("newsletter inscription confirmée", path)
        if name == "contact":
            form = page.locator("main form")
            form.evaluate("form => form.noValidate = true")
            form.locator("input[type=email]").fill("pas-une-adresse")
            form.locator("button[type=submit]").click()
            page.locator("main .form-alert").wait_for()
            check("contact en erreur", path)
        if name in ("newsletter", "newsletter renvoyer"):
            # The browser's own checks would stop the post: this shows the server's answer.
            form = page.locator("main form")
            form.evaluate("form => form.noValidate = true")
            form.locator("input[type=email]").fill("pas-une-adresse")
            form.locator("button[type=submit]").click()
            page.locator("main .newsletter-form__alert").wait_for()
            check(f"{name} en erreur", path)
    page.goto(f"{live_server.url}/culture-patrimoine/")
    page.locator(".theme-nav__toggle").click()
    check("menu des thématiques ouvert", "/culture-patrimoine/")

    violations = {name: messages for name, messages in found.items() if messages}
    assert not violations, "Violations axe-core :\n" + "\n".join(
        f"- {name} :\n    " + "\n    ".join(messages) for name, messages in violations.items()
    )
