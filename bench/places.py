"""Server time, query count and map size of the member cities' pages and the actions map.

Run by `make bench` on PostgreSQL loaded with `load_demo_content --scale 10000` (2,000 member
cities besides the reference ones): it renders, in-process through Django's full request stack,
the directory, the page of the city with the most items, and the site-wide actions listing with
its map, with the page cache off (the render is what is measured), and writes
bench/results/places.md. Figures are measured here, not asserted: the issue's targets are under
30 ms of server time and an SVG map under 150 KB.
"""

import os
import statistics
import sys
import time
from pathlib import Path

import django

RUNS = 40
WARM_UP = 5
RESULTS = Path(__file__).resolve().parent / "results" / "places.md"


def measure(client, url):
    """(median ms, p95 ms, SQL queries, response) of `url`, warm."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(WARM_UP):
        assert client.get(url).status_code == 200, url
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    timings.sort()
    return (
        statistics.median(timings),
        timings[int(len(timings) * 0.95) - 1],
        len(captured),
        response,
    )


def svg_bytes(response):
    html = response.content.decode()
    if "<svg" not in html:
        return 0
    return len(html[html.index("<svg") : html.index("</svg>") + len("</svg>")].encode())


def main():
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aimf_portal.settings.dev")
    os.environ.setdefault("DEBUG", "false")
    # The render is measured, not the page cache in front of it.
    os.environ["PAGE_CACHE_TIMEOUT"] = "0"
    django.setup()

    from django.db import connection
    from django.db.models import Count
    from django.test import Client

    from actions.models import ActionPage, ActionPageCity
    from places.models import City

    client = Client(HTTP_HOST=os.environ.get("BENCH_HOST", "localhost"))
    busiest = (
        ActionPageCity.objects.values_list("tag__slug", flat=True)
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
    )
    pages = {
        "Annuaire des villes membres": "/villes-membres/",
        "Annuaire filtré (un pays)": "/villes-membres/?pays=bj",
        f"Page d'une ville ({busiest})": f"/villes-membres/{busiest}/",
        "Actions de tout le site, avec la carte": "/actions/",
        "Actions de tout le site, un pays": "/actions/?pays=vn",
    }
    lines = [
        "# Villes membres et carte des actions",
        "",
        f"- base : {connection.vendor}, {City.objects.count()} villes membres, "
        f"{ActionPage.objects.live().count()} actions en ligne",
        f"- {RUNS} requêtes après {WARM_UP} de chauffe, dans le processus (pile Django complète), "
        "cache des pages coupé",
        "",
        "| page | médiane | p95 | requêtes SQL | SVG de la carte |",
        "| --- | --- | --- | --- | --- |",
    ]
    for title, url in pages.items():
        median, p95, queries, response = measure(client, url)
        size = svg_bytes(response)
        svg = f"{size / 1000:.1f} ko" if size else "–"
        lines.append(f"| {title} (`{url}`) | {median:.1f} ms | {p95:.1f} ms | {queries} | {svg} |")
    lines.append("")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
