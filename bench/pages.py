"""`make bench`: the site under gunicorn with the production settings, driven by wrk.

Each page is measured alone for BENCH_SECONDS at 16 connections, after a warm-up over all of
them, first as visitors get it (full-page cache on), then with the page cache off
(PAGE_CACHE_TIMEOUT=0) to measure the render itself. The static CSS file, served by the same
gunicorn through whitenoise, is this machine's physical reference: each page's throughput is
given as a ratio to it. SQL queries per page come from bench/queries.py. The table and the
targets of issue #7 go to bench/results/latest.md.
"""

import datetime
import os
import runpy
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import redis

from .database import prepare, static_path
from .servers import REPO, Gunicorn, production_env, run_module_json, stop_cleanly_on_sigterm
from .wrk import run_wrk

RESULTS = Path(__file__).resolve().parent / "results" / "latest.md"
THEME_SLUG = "culture-patrimoine"
CONNECTIONS = 16
# The key, among the uncached figures, of the theme page measured one request at a time.
SERIAL = "une-connexion:"
THREADS = 2
CACHED_TARGET_RATIO = 0.5
CACHED_TARGET_P99_MS = 50
UNCACHED_THEME_P50_MS = 60
UNCACHED_THEME_MAX_QUERIES = 15
# wrk stops with up to 16 requests still queued at the workers (a search takes a second under
# load): measured from the next series, they put up to two seconds into its p99, even the static
# file's. The pause lets them drain first.
DRAIN_SECONDS = 3


@dataclass
class Page:
    label: str
    path: str
    cached: bool  # whether the full-page cache is expected to serve it


def settings_from_environment():
    return {
        "database_url": os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/aimf_bench"
        ),
        "redis_url": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13"),
        "scale": int(os.environ.get("BENCH_SCALE", 10000)),
        "seconds": int(os.environ.get("BENCH_SECONDS", 15)),
        "warm_up_seconds": int(os.environ.get("BENCH_WARMUP_SECONDS", 5)),
        "workers": int(os.environ.get("BENCH_WORKERS", 4)),
        "port": int(os.environ.get("BENCH_PORT", 8220)),
    }


def in_process(env, *arguments):
    return run_module_json("bench.queries", env, *arguments)


def pages_to_measure(env):
    news = in_process(env, "--news-page", THEME_SLUG)["news_page"]
    return [
        Page("Accueil", "/", cached=True),
        Page("Thématique Culture / Patrimoine", f"/{THEME_SLUG}/", cached=True),
        # The facet form's order (Cambodge before France): the canonical address, the only
        # one the page cache stores.
        Page(
            "Publications filtrées (deux pays)",
            f"/{THEME_SLUG}/publications/?pays=kh&pays=fr",
            cached=True,
        ),
        Page("Actualité", news, cached=True),
        Page("Recherche", "/recherche/?q=patrimoine", cached=False),
        Page("Fichier CSS statique", static_path("css/site.css"), cached=False),
    ]


def measure(mode_env, pages, config, workdir):
    """wrk figures and SQL counts of each page, with the environment of one mode."""
    redis.Redis.from_url(mode_env["REDIS_URL"]).flushdb()
    # Other work on the machine shows in every figure: the report says how busy it was.
    config.setdefault("load_averages", []).append(os.getloadavg()[0])
    queries = in_process(mode_env, *(page.path for page in pages))
    figures = {}
    with Gunicorn(config["port"], mode_env) as server:
        run_wrk(
            server.base_url,
            [page.path for page in pages],
            seconds=config["warm_up_seconds"],
            connections=CONNECTIONS,
            threads=THREADS,
            workdir=workdir,
        )
        for page in pages:
            time.sleep(DRAIN_SECONDS)
            figures[page.path] = run_wrk(
                server.base_url,
                [page.path],
                seconds=config["seconds"],
                connections=CONNECTIONS,
                threads=THREADS,
                workdir=workdir,
            )
            print(f"  {page.label} : {figures[page.path].requests_per_second:.0f} req/s")
        if mode_env.get("PAGE_CACHE_TIMEOUT") == "0":
            # One request at a time: the render itself, without the queue that 16 connections
            # build in front of workers sharing two cores.
            theme = pages[1]
            time.sleep(DRAIN_SECONDS)
            figures[SERIAL + theme.path] = run_wrk(
                server.base_url,
                [theme.path],
                seconds=config["seconds"],
                connections=1,
                threads=1,
                workdir=workdir,
            )
            serial_p50 = figures[SERIAL + theme.path].latency_text("p50")
            print(f"  {theme.label}, une connexion : p50 {serial_p50}")
    return figures, queries


def table(pages, figures, queries, static_rps):
    lines = [
        "| page | req/s | ratio au statique | p50 | p99 | non-2xx | erreurs socket "
        "| SQL froid | SQL chaud | X-Cache (chaud) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for page in pages:
        result, counted = figures[page.path], queries[page.path]
        lines.append(
            f"| {page.label} (`{page.path}`) | {result.requests_per_second:.0f} "
            f"| {ratio(result.requests_per_second, static_rps)} "
            f"| {result.latency_text('p50')} | {result.latency_text('p99')} "
            f"| {result.non_2xx} | {result.socket_errors} "
            f"| {counted['cold']} | {counted['warm']} | {counted['warm_x_cache'] or '—'} |"
        )
    return lines


def ratio(value, reference):
    return f"{value / reference:.0%}" if reference else "—"


def verdict(passed):
    return "PASS" if passed else "FAIL"


def targets(pages, cached, uncached):
    """(description, figure, passed) for each target of issue #7."""
    cached_figures, cached_queries = cached
    uncached_figures, uncached_queries = uncached
    static_path_ = pages[-1].path
    static_rps = cached_figures[static_path_].requests_per_second
    checks = []
    for page in (page for page in pages if page.cached):
        result = cached_figures[page.path]
        share = result.requests_per_second / static_rps if static_rps else 0.0
        checks.append(
            (
                f"En cache, {page.label} : ≥ 50 % du statique et p99 < 50 ms",
                f"{share:.0%}, p99 {result.latency_text('p99')}, "
                f"X-Cache {cached_queries[page.path]['warm_x_cache'] or 'absent'}",
                share >= CACHED_TARGET_RATIO
                and (result.latency("p99") or float("inf")) < CACHED_TARGET_P99_MS,
            )
        )
    theme = pages[1]
    theme_result = uncached_figures[theme.path]
    theme_p50 = theme_result.latency("p50") or float("inf")
    checks.append(
        (
            f"Sans cache, thématique, {CONNECTIONS} connexions : p50 < 60 ms",
            theme_result.latency_text("p50"),
            theme_p50 < UNCACHED_THEME_P50_MS,
        )
    )
    serial = uncached_figures[SERIAL + theme.path]
    checks.append(
        (
            "Sans cache, thématique, une requête à la fois (le rendu seul) : p50 < 60 ms",
            f"{serial.latency_text('p50')} (p99 {serial.latency_text('p99')})",
            (serial.latency("p50") or float("inf")) < UNCACHED_THEME_P50_MS,
        )
    )
    theme_queries = uncached_queries[theme.path]["warm"]
    checks.append(
        (
            "Sans cache, thématique : ≤ 15 requêtes SQL",
            f"{theme_queries} (premier rendu : {uncached_queries[theme.path]['cold']})",
            theme_queries <= UNCACHED_THEME_MAX_QUERIES,
        )
    )
    every_run = [*cached_figures.values(), *uncached_figures.values()]
    non_2xx = sum(result.non_2xx for result in every_run)
    socket_errors = sum(result.socket_errors for result in every_run)
    checks.append(
        (
            "Aucune réponse non-2xx ni erreur de socket",
            f"{non_2xx} non-2xx, {socket_errors} erreurs de socket",
            non_2xx == 0 and socket_errors == 0,
        )
    )
    return checks


def report(config, pages, cached, uncached):
    cached_static = cached[0][pages[-1].path].requests_per_second
    uncached_static = uncached[0][pages[-1].path].requests_per_second
    checks = targets(pages, cached, uncached)
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
    ).stdout.strip()
    # What the servers ran with: the file reads the same environment they got.
    gunicorn_conf = runpy.run_path(str(REPO / "gunicorn.conf.py"))
    lines = [
        "# Mesures HTTP (`make bench`)",
        "",
        f"- {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, commit {commit or '?'}, "
        f"{os.cpu_count()} cœurs partagés avec wrk et PostgreSQL",
        f"- gunicorn, réglages de production, {config['workers']} processus "
        "(WEB_CONCURRENCY), PostgreSQL `"
        f"{config['database_url'].rsplit('/', 1)[-1]}` chargée avec `--scale {config['scale']}`, "
        f"cache Redis `{config['redis_url']}`",
        "- gunicorn.conf.py tel quel : chaque worker est recyclé après "
        f"{gunicorn_conf['max_requests']} requêtes (+ 0 à "
        f"{gunicorn_conf['max_requests_jitter']}), application préchargée : "
        f"{'oui' if gunicorn_conf['preload_app'] else 'non'}",
        "- charge moyenne de la machine (1 min) au début de chaque série : "
        + ", ".join(f"{load:.1f}" for load in config["load_averages"]),
        f"- wrk -c{CONNECTIONS} -t{THREADS} -d{config['seconds']}s --latency par page, après "
        f"{config['warm_up_seconds']} s de chauffe sur toutes les pages et {DRAIN_SECONDS} s de "
        "pause avant chaque série (les requêtes de la série précédente s'écoulent)",
        "- SQL : requêtes d'un rendu dans le processus (client de test de Django, mêmes "
        "réglages), « froid » juste après vidage du cache, « chaud » à la requête suivante",
        "",
        "## Avec le cache de pages (ce que reçoivent les visiteurs)",
        "",
        *table(pages, *cached, cached_static),
        "",
        "## Rendu sans cache de pages (`PAGE_CACHE_TIMEOUT=0`)",
        "",
        *table(pages, *uncached, uncached_static),
        "",
        "## Objectifs",
        "",
        "| objectif | mesure | résultat |",
        "| --- | --- | --- |",
        *(f"| {what} | {figure} | {verdict(passed)} |" for what, figure, passed in checks),
        "",
    ]
    return "\n".join(lines), all(passed for _, _, passed in checks)


def main():
    stop_cleanly_on_sigterm()
    config = settings_from_environment()
    base_env = production_env(
        config["database_url"], config["redis_url"], WEB_CONCURRENCY=config["workers"]
    )
    prepare(base_env, config["scale"])
    pages = pages_to_measure(base_env)
    with tempfile.TemporaryDirectory(prefix="aimf-bench-") as workdir:
        print("Avec le cache de pages :")
        cached = measure(base_env, pages, config, workdir)
        print("Sans cache de pages (PAGE_CACHE_TIMEOUT=0) :")
        uncached = measure(dict(base_env, PAGE_CACHE_TIMEOUT="0"), pages, config, workdir)
    text, all_passed = report(config, pages, cached, uncached)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text)
    print(text)
    print(f"Écrit dans {RESULTS.relative_to(REPO)}.")
    if not all_passed:
        print("Au moins un objectif n'est pas atteint (FAIL ci-dessus).")


if __name__ == "__main__":
    main()
