"""`make bench`, second part: the addresses the page cache cannot serve (issue #16).

Three sets of addresses never asked for before in the run, drawn from the benchmark database:
filter combinations of the three listings (countries, type, year, page), searches built from
the corpus's own words (one word, two, accented, a country, the most frequent word, a word
that matches nothing, a typo), and item pages. Each set is measured

- in process (Django's test client, the whole stack): p50 and p95 of the server time and the
  queries per kind of address;
- over HTTP: gunicorn with the production settings, page cache off and fragment caches on as
  production runs them, wrk cycling through the set (each address a handful of times at
  most), against the static file served by the same gunicorn in the same run;
- at two more corpus sizes (BENCH_GROWTH_SCALES, `--scale` 3000 and 30000 by default), in
  process: the cost must not grow with the corpus.

`python -m bench.cold` writes bench/results/cold.md; `--addresses` and `--measure` are the
in-process steps, run in the environment of the database measured.
"""

import json
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

import redis

from .database import prepare, static_path
from .servers import (
    Gunicorn,
    production_env,
    rss_kib,
    run_module_json,
    stop_cleanly_on_sigterm,
)
from .wrk import run_wrk

RESULTS = Path(__file__).resolve().parent / "results" / "cold.md"
KINDS = {"filtres": "Combinaisons de filtres", "recherches": "Recherches", "elements": "Éléments"}
PER_KIND = int(os.environ.get("BENCH_COLD_ADDRESSES", 2000))
IN_PROCESS_SAMPLE = int(os.environ.get("BENCH_COLD_SAMPLE", 300))
SECONDS = int(os.environ.get("BENCH_SECONDS", 15))
PORT = int(os.environ.get("BENCH_PORT", 8220)) + 5
TARGETS = {
    # kind: (share of the static file's rate, in-process p50 in ms, in-process p95 in ms)
    "recherches": (0.05, 20, 60),
    "filtres": (0.05, 15, None),
    "elements": (0.10, 8, None),
}
GROWTH_BOUND = 1.5
CRAWLER_SECONDS = 60
CRAWLER_CONNECTIONS = 64
CRAWLER_ADDRESSES = 4000  # per kind: more than 60 s can ask for
CRAWLER_P99_MS = 2000
CRAWLER_PORT = 8236


# --- In process, in the measured database's environment -----------------------------------


def draw_addresses(count):
    """{kind: [path]} drawn at random (a fixed seed) from what the database holds; a page
    number only where the listing has that page."""
    from collections import Counter

    from wagtail.models import Page

    from aimf_portal.discovery.search import FRENCH_STOP_WORDS
    from aimf_portal.editorial.text import accent_insensitive_key
    from aimf_portal.items.models import Country, item_models
    from aimf_portal.listings.facet_index import FacetIndex
    from aimf_portal.models import ThemePage
    from publications.models import PublicationPage

    indexes = {}

    def result_count(model, theme, pairs):
        if (model, theme) not in indexes:
            facets = [build() for build in model.listing_facets]
            scope = model.listing_scope(theme=theme)
            indexes[model, theme] = (FacetIndex.build(model, scope, facets), facets)
        index, facets = indexes[model, theme]
        selection = {facet: [v for p, v in pairs if p == facet.parameter] for facet in facets}
        return index.matching({f: values for f, values in selection.items() if values}).bit_count()

    rng = random.Random(16)
    themes = list(ThemePage.objects.live())
    countries = list(Country.objects.values_list("slug", "name"))
    kinds = [kind for kind, _ in PublicationPage.Kind.choices]
    filters = set()
    while len(filters) < count:
        model = rng.choice(item_models())
        theme = rng.choice(themes)
        chosen = rng.sample(countries, rng.randint(0, 3))
        # The form's order (by name): the canonical address a visitor's form submits.
        pairs = [("pays", slug) for slug, _ in sorted(chosen, key=lambda country: country[1])]
        if model is PublicationPage:
            if rng.random() < 0.5:
                pairs.append(("type", rng.choice(kinds)))
            if rng.random() < 0.5:
                pairs.append(("annee", str(rng.randint(2010, 2026))))
        query = urlencode(pairs)
        pages = -(-result_count(model, theme, pairs) // model.listing_per_page)
        if pages > 1 and (not pairs or rng.random() < 0.3):
            query = urlencode([*pairs, ("page", rng.randint(2, min(pages, 4)))])
        filters.add(f"{theme.url}{model.listing_slug}/" + (f"?{query}" if query else ""))

    items = Page.objects.live().type(*item_models()).values_list("url_path", flat=True)
    item_paths = rng.sample(list(items.order_by("pk")), count)
    root = Page.objects.get(depth=2).url_path
    item_paths = ["/" + path[len(root) :] for path in item_paths]

    titles = Page.objects.live().type(*item_models()).values_list("title", flat=True)
    words = Counter(
        word.lower()
        for title in titles[:5000]
        for word in re.findall(r"\w{4,}", title)
        if accent_insensitive_key(word) not in FRENCH_STOP_WORDS
    )
    vocabulary = [word for word in words if not word.isdigit()]
    accented = [word for word in vocabulary if any(ord(letter) > 127 for letter in word)]
    # Words of hundreds of titles in the sample: thousands of matches, many pages.
    frequent = [word for word, seen in words.most_common(10) if seen >= 100]

    def one_word():
        word = rng.choice(vocabulary)
        return word, ([("page", 2)] if words[word] >= 50 and rng.random() < 0.5 else [])

    def typo():
        word = rng.choice(vocabulary)
        cut = rng.randrange(1, len(word) - 1)
        return word[:cut] + word[cut + 1 :], []

    kinds_of_search = [
        one_word,
        lambda: (" ".join(rng.sample(vocabulary, 2)), []),
        lambda: (" ".join([rng.choice(accented), *rng.sample(vocabulary, rng.randint(0, 1))]), []),
        lambda: (
            " ".join([rng.choice(countries)[1], *rng.sample(vocabulary, rng.randint(0, 1))]),
            [],
        ),
        lambda: (rng.choice(frequent), [("page", rng.randint(2, 100))]),
        lambda: (f"zorglub{rng.randrange(10**6)}", []),
        typo,
    ]
    searches = set()
    # Each kind in turn; one whose addresses run out (few one-word queries) gives way.
    for attempt in range(count * 10):
        if len(searches) == count:
            break
        query, pairs = kinds_of_search[attempt % len(kinds_of_search)]()
        searches.add("/recherche/?" + urlencode([("q", query), *pairs]))
    # In an order of their own, not the set's (which changes from run to run).
    filters, searches = (
        sorted(found, key=lambda _: rng.random()) for found in (sorted(filters), sorted(searches))
    )
    return {"filtres": filters, "recherches": searches, "elements": item_paths}


def measure_in_process(addresses, sample):
    """{kind: {p50, p95, queries (median), statuses}}: server time through the whole stack."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    figures = {}
    for kind, paths in addresses.items():
        timings, queries, statuses = [], [], {}
        for path in paths[:sample]:
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(path)
                timings.append((time.perf_counter() - started) * 1000)
            queries.append(len(captured))
            statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
        timings.sort()
        figures[kind] = {
            "p50": statistics.median(timings),
            "p95": timings[int(len(timings) * 0.95) - 1],
            "queries": statistics.median(queries),
            "max_queries": max(queries),
            "statuses": statuses,
        }
    return figures


def in_process(env, *arguments):
    return run_module_json("bench.cold", env, *arguments)


# --- The run ----------------------------------------------------------------------------------


def environment(scale, redis_db, **overrides):
    base = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/aimf_bench")
    database = base if scale == int(os.environ.get("BENCH_SCALE", 10000)) else f"{base}_{scale}"
    return production_env(
        database,
        f"redis://127.0.0.1:6379/{redis_db}",
        PAGE_CACHE_TIMEOUT=0,
        FRAGMENT_CACHE_TIMEOUT=300,
        WEB_CONCURRENCY=int(os.environ.get("BENCH_WORKERS", 4)),
        **overrides,
    )


def over_http(env, addresses, workdir):
    figures = {}
    with Gunicorn(PORT, env, "froid") as server:
        static = [static_path("css/site.css")]
        figures["statique"] = run_wrk(server.base_url, static, seconds=SECONDS, workdir=workdir)
        for kind, paths in addresses.items():
            time.sleep(3)
            figures[kind] = run_wrk(
                server.base_url, paths, seconds=SECONDS, timeout_s=10, workdir=workdir
            )
            print(f"  {KINDS[kind]} : {figures[kind].requests_per_second:.0f} req/s")
    return figures


def write_results(scale, http, measured, growth, started):
    static_rps = http["statique"].requests_per_second
    lines = [
        "# Adresses que le cache de pages ne sert pas (`make bench`)",
        "",
        f"- {started:%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cœurs partagés avec wrk et "
        f"PostgreSQL ; charge (1 min) au départ : {os.getloadavg()[0]:.1f}",
        f"- `--scale {scale}` ; gunicorn, réglages de production, cache de pages coupé "
        "(`PAGE_CACHE_TIMEOUT=0`), fragments gardés (`FRAGMENT_CACHE_TIMEOUT=300`)",
        f"- {PER_KIND} adresses jamais demandées par sorte ; wrk -c16 -t2 -d{SECONDS}s les "
        f"parcourt ; dans le processus : {IN_PROCESS_SAMPLE} adresses par sorte",
        "",
        "| sorte | req/s | ratio au statique | p50 HTTP | p99 HTTP | non-2xx | p50 processus "
        "| p95 processus | requêtes SQL (médiane, max) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        f"| Fichier statique | {static_rps:.0f} | 100% | {http['statique'].latency_text('p50')} "
        f"| {http['statique'].latency_text('p99')} | {http['statique'].non_2xx} | | | |",
    ]
    checks = []
    for kind, label in KINDS.items():
        result, figures = http[kind], measured[kind]
        share = result.requests_per_second / static_rps if static_rps else 0
        lines.append(
            f"| {label} | {result.requests_per_second:.0f} | {share:.1%} "
            f"| {result.latency_text('p50')} | {result.latency_text('p99')} "
            f"| {result.non_2xx} | {figures['p50']:.1f} ms | {figures['p95']:.1f} ms "
            f"| {figures['queries']:.0f}, {figures['max_queries']} |"
        )
        share_target, p50_target, p95_target = TARGETS[kind]
        checks.append((f"{label} : ≥ {share_target:.0%} du statique", f"{share:.1%}",
                       share >= share_target))  # fmt: skip
        checks.append((f"{label} : p50 dans le processus ≤ {p50_target} ms",
                       f"{figures['p50']:.1f} ms", figures["p50"] <= p50_target))  # fmt: skip
        if p95_target:
            checks.append((f"{label} : p95 dans le processus ≤ {p95_target} ms",
                           f"{figures['p95']:.1f} ms", figures["p95"] <= p95_target))  # fmt: skip
    lines += ["", "## Croissance du corpus (dans le processus, p50)", ""]
    scales = sorted(growth)
    lines.append("| sorte | " + " | ".join(f"`--scale {s}`" for s in scales) + " | rapport |")
    lines.append("| --- |" + " ---: |" * (len(scales) + 1))
    for kind, label in KINDS.items():
        values = [growth[s][kind]["p50"] for s in scales]
        factor = values[-1] / values[0] if values[0] else float("inf")
        lines.append(
            f"| {label} | " + " | ".join(f"{v:.1f} ms" for v in values) + f" | ×{factor:.2f} |"
        )
        checks.append((f"{label} : de `--scale {scales[0]}` à `--scale {scales[-1]}`, "
                       f"p50 × {GROWTH_BOUND} au plus", f"×{factor:.2f}",
                       factor <= GROWTH_BOUND))  # fmt: skip
    lines += ["", "## Objectifs", "", "| objectif | mesure | résultat |", "| --- | --- | --- |"]
    lines += [f"| {what} | {figure} | {'PASS' if ok else 'FAIL'} |" for what, figure, ok in checks]
    RESULTS.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return all(ok for _, _, ok in checks)


def key_counts(client):
    """{kind of key: number} in the drill's Redis, scanned: "aimf-page", "aimf-card"…"""
    counts = {}
    for key in client.scan_iter(count=1000):
        name = key.decode().split(":", 2)[-1]
        kind = re.match(r"[a-z_-]*", name).group().rstrip("-") or name
        counts[kind] = counts.get(kind, 0) + 1
    return counts


def crawler_drill(drill, env, workdir, rss_bound_kib):
    """`make drills`: a crawler on 64 connections for 60 s, every address new (filter
    combinations, searches, items, mixed), page cache on as in production: no 5xx, p99 under
    2 s, workers' memory flat, Redis keys growing no faster than the addresses served."""
    drawn = in_process(env, "--addresses", str(CRAWLER_ADDRESSES))
    rng = random.Random(64)
    mixed = [path for paths in zip(*drawn.values(), strict=True) for path in paths]
    warm_up, crawl = mixed[:1500], mixed[1500:]
    client = redis.Redis.from_url(env["REDIS_URL"])
    client.flushdb()
    rng.shuffle(crawl)
    with Gunicorn(CRAWLER_PORT, dict(env, GUNICORN_MAX_REQUESTS=0), "robot") as app:
        run_wrk(app.base_url, warm_up, seconds=10, connections=16, workdir=workdir)
        workers = app.worker_pids()
        before = {pid: rss_kib(pid) for pid in workers}
        keys_before = key_counts(client)
        result = run_wrk(
            app.base_url,
            crawl,
            seconds=CRAWLER_SECONDS,
            connections=CRAWLER_CONNECTIONS,
            timeout_s=10,
            workdir=workdir,
        )
        after = {pid: rss_kib(pid) for pid in workers}
        keys_after = key_counts(client)
    server_errors = sum(n for status, n in result.statuses.items() if status >= 500)
    p99 = result.latency("p99")
    drill.note(
        f"{result.requests} réponses sur {len(crawl)} adresses jamais demandées (filtres, "
        f"recherches, éléments mêlés), {result.requests_per_second:.0f} req/s, "
        f"p50 {result.latency_text('p50')}, p99 {result.latency_text('p99')} "
        f"(borne {CRAWLER_P99_MS} ms)"
    )
    drill.note(
        f"statuts {dict(sorted(result.statuses.items()))}, 5xx {server_errors}, erreurs de "
        f"socket {result.socket_errors}"
    )
    growths = [None if after[pid] is None else after[pid] - before[pid] for pid in workers]
    memory = [
        f"{before[pid] / 1024:.0f} → " + ("—" if after[pid] is None else f"{after[pid] / 1024:.0f}")
        for pid in workers
    ]
    drill.note(f"mémoire des workers (Mio) : {', '.join(memory)} ; borne +{rss_bound_kib // 1024}")
    new_keys = {
        prefix: keys_after.get(prefix, 0) - keys_before.get(prefix, 0)
        for prefix in sorted(set(keys_before) | set(keys_after))
    }
    served = result.requests
    drill.note(
        "clés Redis créées par préfixe : "
        + ", ".join(f"{prefix} {count:+d}" for prefix, count in new_keys.items())
        + f" ; au plus une page et une génération par adresse servie ({served})"
    )
    drill.passed = (
        server_errors == 0
        and result.socket_errors == 0
        and p99 is not None
        and p99 < CRAWLER_P99_MS
        and all(growth is not None and growth <= rss_bound_kib for growth in growths)
        and new_keys.get("aimf-page", 0) <= served
        and new_keys.get("aimf-generation", 0) <= served
    )


def main():
    import datetime

    stop_cleanly_on_sigterm()
    started = datetime.datetime.now(datetime.UTC)
    scale = int(os.environ.get("BENCH_SCALE", 10000))
    growth_scales = [int(s) for s in os.environ.get("BENCH_GROWTH_SCALES", "3000,30000").split(",")]
    env = environment(scale, 11)
    prepare(env, scale)
    with tempfile.TemporaryDirectory(prefix="aimf-bench-cold-") as workdir:
        addresses = in_process(env, "--addresses", str(PER_KIND))
        measured = measure(env, addresses, Path(workdir))
        # The HTTP run starts with an empty cache too: cards and site data fill it as it goes.
        redis.Redis.from_url(env["REDIS_URL"]).flushdb()
        http = over_http(env, addresses, workdir)
        growth = {scale: measured}
        for other in growth_scales:
            other_env = environment(other, 10)
            prepare(other_env, other)
            other_addresses = in_process(other_env, "--addresses", str(IN_PROCESS_SAMPLE))
            growth[other] = measure(other_env, other_addresses, Path(workdir))
    if not write_results(scale, http, measured, growth, started):
        print("Au moins un objectif n'est pas atteint (FAIL ci-dessus).")


def measure(env, addresses, workdir):
    """In process, from an empty cache; the addresses go through a file (too long for argv)."""
    redis.Redis.from_url(env["REDIS_URL"]).flushdb()
    listing = workdir / "adresses.json"
    listing.write_text(json.dumps(addresses))
    return in_process(env, "--measure", str(listing), str(IN_PROCESS_SAMPLE))


if __name__ == "__main__":
    if sys.argv[1:2] in (["--addresses"], ["--measure"]):
        import django

        django.setup()
        if sys.argv[1] == "--addresses":
            print(json.dumps(draw_addresses(int(sys.argv[2]))))
        else:
            addresses = json.loads(Path(sys.argv[2]).read_text())
            print(json.dumps(measure_in_process(addresses, int(sys.argv[3]))))
    else:
        main()
