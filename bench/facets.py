"""Server time, query count and query plans of a filtered publications listing.

Run by `make bench` on PostgreSQL loaded with `load_demo_content --scale 10000`: it renders
the publications listing of the theme with the most publications, filtered by its two most
frequent countries, in-process through Django's full request stack (middleware, routing,
templates), measures the listing's facet index (build time, size), and writes
bench/results/facets.md with the plans of the page of results and of the index build.
Figures are measured here, not asserted: the issue's target is under 50 ms of server time.
"""

import os
import pickle
import statistics
import sys
import time
from pathlib import Path

import django

RUNS = 60
WARM_UP = 5
RESULTS = Path(__file__).resolve().parent / "results" / "facets.md"


def main():
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aimf_portal.settings.dev")
    os.environ.setdefault("DEBUG", "false")
    django.setup()

    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from aimf_portal.listings.facet_index import FacetIndex
    from aimf_portal.listings.listing import FacetedListing
    from aimf_portal.models import ThemePage
    from publications.models import PublicationPage, PublicationPageCountry

    total = PublicationPage.objects.live().count()
    theme = max(
        ThemePage.objects.live(),
        key=lambda theme: PublicationPage.objects.child_of(theme).live().count(),
    )
    in_theme = PublicationPage.objects.child_of(theme).live()
    top_countries = list(
        PublicationPageCountry.objects.filter(content_object__in=in_theme.values("pk"))
        .values_list("tag__slug", flat=True)
        .annotate(n=Count("id"))
        .order_by("-n")[:2]
    )
    query = "&".join(f"pays={slug}" for slug in top_countries)
    url = f"{theme.url}publications/?{query}"
    client = Client(HTTP_HOST=os.environ.get("BENCH_HOST", "localhost"))

    for _ in range(WARM_UP):
        assert client.get(url).status_code == 200
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    with CaptureQueriesContext(connection) as captured:
        client.get(url)

    from django.http import QueryDict

    scope = PublicationPage.listing_scope(theme=theme)
    facets = [build() for build in PublicationPage.listing_facets]
    build_timings = []
    for _ in range(5):
        start = time.perf_counter()
        index = FacetIndex.build(PublicationPage, scope, facets)
        build_timings.append((time.perf_counter() - start) * 1000)
    index_size = len(pickle.dumps(index))
    listing = FacetedListing(PublicationPage, scope, QueryDict(query), theme.pk, theme.url)
    country_values = facets[0].item_values(PublicationPage, scope)
    plans = {
        "Page de résultats (les identifiants viennent de l'index)": listing.items_between(
            0, PublicationPage.listing_per_page
        ).explain(analyze=True, buffers=True),
        "Construction de l'index : couples (publication, pays)": country_values.explain(
            analyze=True, buffers=True
        ),
    }

    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    lines = [
        "# Liste filtrée des publications (deux pays)",
        "",
        f"- base : {connection.vendor}, {total} publications en ligne, "
        f"{in_theme.count()} dans « {theme.title} »",
        f"- adresse : `{url}`",
        f"- {RUNS} requêtes après {WARM_UP} de chauffe, dans le processus (pile Django complète)",
        "",
        "| médiane | p95 | max | requêtes SQL |",
        "| --- | --- | --- | --- |",
        f"| {statistics.median(timings):.1f} ms | {p95:.1f} ms | {timings[-1]:.1f} ms "
        f"| {len(captured)} |",
        "",
        f"Index des facettes de la liste : construit en {statistics.median(build_timings):.0f} ms "
        f"(médiane de 5, {len(facets) + 1} requêtes), {index_size / 1024:.0f} Kio sérialisé ; "
        "gardé dans le cache et dans chaque processus jusqu'à la prochaine publication sous la "
        "thématique.",
        "",
    ]
    for title, plan in plans.items():
        lines += [f"## Plan : {title}", "", "```", plan, "```", ""]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines))
    print("\n".join(lines[:11]))
    print(f"Résultats complets (avec les plans EXPLAIN) : {RESULTS}")


if __name__ == "__main__":
    main()
