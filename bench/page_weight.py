"""Bytes a phone downloads to show a theme page, as Chromium counts them.

`python bench/page_weight.py` (from the repository root, with the demo content loaded by
`make run` or `manage.py load_demo_content`) serves the site with `manage.py runserver` on
PAGE_WEIGHT_PORT (8110), opens the seed's theme page (PAGE_WEIGHT_PATH, /culture-patrimoine/,
the demo's richest) at 360 px wide, at device pixel ratios 1 and
2, and writes bench/results/page-weight.md. Bytes are the DevTools protocol's
`Network.loadingFinished.encodedDataLength`: headers and body as they crossed the network
(compressed when the server compressed them), images the browser chose and lazy images it
fetched as they came near the screen. tests/accessibility/test_page_weight.py holds the budget.
"""

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "page-weight.md"
KINDS = {"Document": "HTML", "Stylesheet": "CSS", "Script": "JS", "Image": "images"}
OTHER = "autres"
PHONE = {"width": 360, "height": 740}


def transferred_bytes(browser, url, device_scale_factor=1, viewport=PHONE):
    """{kind: bytes} for one visit of `url` (kinds of KINDS, OTHER, and "total")."""
    context = browser.new_context(
        locale="fr-FR", viewport=viewport, device_scale_factor=device_scale_factor
    )
    page = context.new_page()
    session = context.new_cdp_session(page)
    kinds, sizes = {}, {}
    session.on(
        "Network.responseReceived",
        lambda event: kinds.__setitem__(event["requestId"], event["type"]),
    )
    session.on(
        "Network.loadingFinished",
        lambda event: sizes.__setitem__(event["requestId"], event["encodedDataLength"]),
    )
    session.send("Network.enable")
    session.send("Network.setCacheDisabled", {"cacheDisabled": True})
    page.goto(url, wait_until="networkidle")
    context.close()
    totals = dict.fromkeys([*KINDS.values(), OTHER], 0)
    for request_id, size in sizes.items():
        totals[KINDS.get(kinds.get(request_id), OTHER)] += size
    totals["total"] = sum(totals.values())
    return totals


def wait_for(url, timeout=300):
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def main():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aimf_portal.settings.dev")
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM_FLAGS, chromium_path

    python = sys.executable
    port = os.environ.get("PAGE_WEIGHT_PORT", "8110")
    base = f"http://127.0.0.1:{port}"
    path = os.environ.get("PAGE_WEIGHT_PATH", "/culture-patrimoine/")
    server = subprocess.Popen(
        [python, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(f"{base}/healthz")
        # The first render makes the page's renditions (AVIF takes a while): not measured.
        wait_for(base + path)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium_path(), args=CHROMIUM_FLAGS
            )
            rows = [(ratio, transferred_bytes(browser, base + path, ratio)) for ratio in (1, 2)]
            browser.close()
    finally:
        server.terminate()
        server.wait()

    columns = [*KINDS.values(), OTHER, "total"]
    lines = [
        "# Poids de la page thématique à 360 px",
        "",
        f"`{path}` du contenu de démonstration, servie par `manage.py runserver` (HTML non",
        "compressé, comme le sert Django ; un proxy qui compresse le réduirait encore), cache",
        "du navigateur désactivé. Octets transférés selon Chromium",
        "(`Network.loadingFinished.encodedDataLength`, en-têtes compris), images paresseuses",
        "comprises quand Chromium les a chargées.",
        "",
        "| densité d'écran | " + " | ".join(columns) + " |",
        "| --- | " + " | ".join("---:" for _ in columns) + " |",
    ]
    for ratio, totals in rows:
        cells = " | ".join(f"{totals[column] / 1024:.1f} Kio" for column in columns)
        lines.append(f"| {ratio}x | {cells} |")
    RESULTS.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
