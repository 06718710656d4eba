"""The theme page stays light on a phone: a byte budget, as Chromium counts transferred bytes.

Budget: 150 KiB in all at 360 px and a device pixel ratio of 2 (the common Android phone),
CSS under 20 KiB and JavaScript under 15 KiB. The demo's richest theme page weighs 113 KiB
there (bench/results/page-weight.md): the budget leaves it room to grow by a quarter, not to
double. 150 KiB is about a second at the 1.5 Mbit/s a 3G phone gets in Cotonou.
"""

import pytest

from bench.page_weight import transferred_bytes

from .site import THEME, build_public_site

KIB = 1024
BUDGET = {"total": 150 * KIB, "CSS": 20 * KIB, "JS": 15 * KIB}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_theme_page_stays_within_its_byte_budget_on_a_phone(live_server, browser):
    build_public_site()
    transferred = transferred_bytes(browser, f"{live_server.url}{THEME}/", device_scale_factor=2)

    assert transferred["images"] > 0, "aucune image chargée : la mesure ne mesure rien"
    over = {
        kind: transferred[kind] for kind, budget in BUDGET.items() if transferred[kind] > budget
    }
    assert not over, f"Budget dépassé (octets) : {over}, mesure complète : {transferred}"
