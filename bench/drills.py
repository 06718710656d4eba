"""`make drills`: the reliability drills of issue #7, the hardening drills of issue #15
(bench/hardening_drills.py), the newsletter's crash drill (9, bench/newsletter_drill.py) and
the crawler of issue #16 (10, bench/cold.py), each ending in a PASS/FAIL line.

Everything runs on processes of our own, removed at the end: a PostgreSQL cluster
(127.0.0.1:5440) holding a copy of aimf_bench restored from scripts/backup.sh, a redis-server
(6390) and gunicorn servers (8230, 8231) with the production settings. The machine's own
PostgreSQL and Redis are only read (the backup of aimf_bench). Results go to
bench/results/drills.md. `DRILLS=2,3` runs only those.
"""

import collections
import datetime
import os
import secrets
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

from .cold import crawler_drill
from .compare import differences, site_fingerprint
from .database import manage, prepare, static_path
from .hardening_drills import cache_flood_drill, privacy_without_redis_drill, spoofed_lockout_drill
from .newsletter_drill import NEWSLETTER_DRILL, newsletter_crash_drill
from .pages import THEME_SLUG, in_process
from .servers import (
    REPO,
    Gunicorn,
    PostgresCluster,
    RedisServer,
    http_get,
    production_env,
    rss_kib,
    stop_cleanly_on_sigterm,
)
from .signup import sign_up
from .wrk import SCARY_WORDS, run_wrk

RESULTS = Path(__file__).resolve().parent / "results" / "drills.md"
CLUSTER_PORT = 5440
REDIS_PORT = 6390
SERVER_PORTS = (8230, 8231)
DRILL_DATABASE = "aimf_drill"
WORKERS = 3
LOAD_SECONDS = int(os.environ.get("DRILL_LOAD_SECONDS", 60))
LOAD_CONNECTIONS = 64
RSS_GROWTH_BOUND_KIB = 32 * 1024
OUTAGE_LOAD_SECONDS = 30
OUTAGE_STARTS_AFTER_S = 8
OUTAGE_SECONDS = 5
RECOVERY_BOUND_S = 5
SIGNUP_INTERVAL_S = 0.5
MAINTENANCE_PAGE_WORDS = ('lang="fr"',)
# Without Redis every page is rendered: on two shared cores a queue of 16 connections waits
# longer than wrk's usual 5 s. This drill is about answers, not speed (the bench measures it).
UNCACHED_TIMEOUT_S = 15


@dataclass
class Drill:
    title: str
    passed: bool = False
    lines: list = field(default_factory=list)

    def note(self, line):
        self.lines.append(line)
        print(f"  {line}")


def shell(*command, env=None):
    completed = subprocess.run(
        command, cwd=REPO, env=env, check=True, capture_output=True, text=True
    )
    return completed.stdout.strip().splitlines()[-1] if completed.stdout.strip() else ""


def backup(database_url, media_root, destination):
    env = dict(os.environ, DATABASE_URL=database_url, MEDIA_ROOT=str(media_root))
    return Path(shell("scripts/backup.sh", str(destination), env=env))


def restore(backup_dir, database_url, media_root):
    shell("scripts/restore.sh", str(backup_dir), database_url, str(media_root))


def status_summary(statuses):
    return ", ".join(f"{status} : {n}" for status, n in sorted(statuses.items())) or "aucune"


def server_errors(statuses, allowed=()):
    return sum(n for status, n in statuses.items() if status >= 500 and status not in allowed)


def mix_paths(news_path):
    """The surge after a news item is shared: mostly that item, the pages it links to and their
    style sheet, a few listings and searches (which are never cached)."""
    weighted = {
        news_path: 4,
        "/": 2,
        f"/{THEME_SLUG}/": 2,
        static_path("css/site.css"): 2,
        f"/{THEME_SLUG}/publications/?pays=kh&pays=fr": 1,
        f"/{THEME_SLUG}/actualites/": 1,
        "/recherche/?q=patrimoine": 1,
    }
    rounds = max(weighted.values())
    # Interleaved, so each connection meets every page instead of one path at a time.
    return [
        path
        for round_number in range(rounds)
        for path, weight in weighted.items()
        if weight > round_number
    ]


def load_drill(drill, env, paths, workdir):
    # No worker recycling here: the same workers must live through the load for their memory
    # to be compared (production recycles them every 50,000 to 55,000 requests).
    with Gunicorn(SERVER_PORTS[0], dict(env, GUNICORN_MAX_REQUESTS=0), "exercice-1") as app:
        run_wrk(app.base_url, paths, seconds=10, connections=16, workdir=workdir)
        workers = app.worker_pids()
        before = {pid: rss_kib(pid) for pid in workers}
        result = run_wrk(
            app.base_url,
            paths,
            seconds=LOAD_SECONDS,
            connections=LOAD_CONNECTIONS,
            workdir=workdir,
        )
        after = {pid: rss_kib(pid) for pid in workers}
    drill.note(
        "mélange par tour : "
        + ", ".join(f"{n} × `{path}`" for path, n in collections.Counter(paths).items())
    )
    drill.note(
        f"{result.requests} réponses, {result.requests_per_second:.0f} req/s, "
        f"p50 {result.latency_text('p50')}, p99 {result.latency_text('p99')}"
    )
    drill.note(
        f"statuts : {status_summary(result.statuses)} ; erreurs de socket : "
        f"{result.socket_errors} {result.errors}"
    )
    growths = []
    for pid in workers:
        if after[pid] is None:
            drill.note(f"processus {pid} : {before[pid] / 1024:.0f} Mio avant, disparu après")
            growths.append(None)
            continue
        growth = after[pid] - before[pid]
        growths.append(growth)
        drill.note(
            f"processus {pid} : {before[pid] / 1024:.1f} Mio avant, {after[pid] / 1024:.1f} Mio "
            f"après ({growth / 1024:+.1f} Mio)"
        )
    drill.note(f"borne de « mémoire plate » : +{RSS_GROWTH_BOUND_KIB // 1024} Mio par processus")
    drill.passed = (
        server_errors(result.statuses) == 0
        and result.socket_errors == 0
        and all(growth is not None and growth <= RSS_GROWTH_BOUND_KIB for growth in growths)
    )


def stored_signups(database_url, emails):
    """{email: number of consent events} for the addresses that have a subscriber row."""
    with psycopg.connect(database_url) as connection:
        rows = connection.execute(
            "SELECT s.email, count(e.id) FROM newsletter_subscriber s "
            "LEFT JOIN newsletter_consentevent e ON e.subscriber_id = s.id "
            "WHERE s.email = ANY(%s) GROUP BY s.email",
            [list(emails)],
        ).fetchall()
    return dict(rows)


def database_restart_drill(drill, env, paths, cluster, workdir):
    database_url = cluster.url(DRILL_DATABASE)
    run_id = secrets.token_hex(3)
    attempts, threads = [], []
    timeline = {}

    with Gunicorn(SERVER_PORTS[0], env, "exercice-2") as app:
        run_wrk(app.base_url, paths, seconds=3, workdir=workdir)
        workers_before = set(app.worker_pids())
        load = {}
        loader = threading.Thread(
            target=lambda: load.update(
                result=run_wrk(app.base_url, paths, seconds=OUTAGE_LOAD_SECONDS, workdir=workdir)
            )
        )
        started = time.monotonic()
        loader.start()

        def one_signup(number):
            email = f"exercice-{run_id}-{number}@exemple.org"
            attempts.append(sign_up(app.base_url, email, f"10.77.{number // 250}.{number % 250}"))

        def signups():
            number = 0
            while time.monotonic() - started < OUTAGE_LOAD_SECONDS - 4:
                thread = threading.Thread(target=one_signup, args=(number,))
                thread.start()
                threads.append(thread)
                number += 1
                time.sleep(SIGNUP_INTERVAL_S)

        signer = threading.Thread(target=signups)
        signer.start()
        time.sleep(OUTAGE_STARTS_AFTER_S)
        timeline["down"] = time.time()
        cluster.stop()
        time.sleep(1)
        search = app.base_url + "/recherche/?q=patrimoine"
        outage_status, _, outage_body = http_get(search)
        time.sleep(OUTAGE_SECONDS - 1)
        cluster.start()
        timeline["up"] = time.time()
        recovered_at = None
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if http_get(search)[0] == 200:
                recovered_at = time.time()
                break
            time.sleep(0.1)
        loader.join()
        signer.join()
        for thread in threads:
            thread.join()
        recycled = len(workers_before - set(app.worker_pids()))
    result = load["result"]
    down_second, up_second = int(timeline["down"]), int(timeline["up"])
    drill.note(
        f"PostgreSQL arrêté {timeline['up'] - timeline['down']:.1f} s "
        f"(à t+{OUTAGE_STARTS_AFTER_S} s d'une charge de {OUTAGE_LOAD_SECONDS} s, 16 connexions)"
    )
    drill.note("réponses par seconde (statut : nombre) :")
    for second, statuses in sorted(result.statuses_per_second.items()):
        marker = " ← PostgreSQL arrêté" if down_second <= second <= up_second else ""
        drill.note(f"  {second - down_second:+d} s : {status_summary(statuses)}{marker}")
    maintenance_ok = (
        outage_status == 503
        and all(word in outage_body for word in MAINTENANCE_PAGE_WORDS)
        and not any(word in outage_body for word in SCARY_WORDS)
    )
    drill.note(
        f"pendant la panne, /recherche/ a répondu {outage_status} ; page de maintenance en "
        f"français : {'oui' if maintenance_ok else 'non'}"
    )
    recovery = None if recovered_at is None else recovered_at - timeline["up"]
    drill.note(
        "retour des 200 : "
        + ("jamais (30 s)" if recovery is None else f"{recovery:.1f} s après le redémarrage")
    )
    other_5xx = server_errors(result.statuses, allowed=(503,))
    late_503 = sum(
        statuses.get(503, 0)
        for second, statuses in result.statuses_per_second.items()
        if second > up_second + RECOVERY_BOUND_S
    )
    drill.note(
        f"workers recyclés pendant l'exercice (max_requests de gunicorn.conf.py) : "
        f"{recycled} sur {len(workers_before)}"
    )
    drill.note(
        f"autres 5xx : {other_5xx} ; 503 plus de 5 s après le retour : {late_503} ; "
        f"erreurs de socket : {result.socket_errors}"
    )

    stored = stored_signups(database_url, [attempt.email for attempt in attempts])
    accepted = [attempt for attempt in attempts if attempt.accepted]
    refused = [attempt for attempt in attempts if not attempt.accepted]
    accepted_missing = [a.email for a in accepted if stored.get(a.email, 0) < 1]
    refused_stored = [a.email for a in refused if a.email in stored]
    drill.note(
        f"inscriptions : {len(attempts)} tentées, {len(accepted)} acceptées (302 vers "
        f"merci), {len(refused)} refusées (statuts du formulaire / de l'envoi : "
        f"{status_summary(count_pairs(refused))})"
    )
    drill.note(
        f"acceptées sans abonné ou sans consentement enregistré : {len(accepted_missing)} ; "
        f"refusées mais enregistrées : {len(refused_stored)}"
    )
    drill.passed = (
        maintenance_ok
        and other_5xx == 0
        and late_503 == 0
        and result.socket_errors == 0
        and recovery is not None
        and recovery <= RECOVERY_BOUND_S
        and bool(accepted)
        and not accepted_missing
        and not refused_stored
    )


def count_pairs(attempts):
    pairs = {}
    for attempt in attempts:
        key = f"{attempt.form_status}/{attempt.post_status or '—'}"
        pairs[key] = pairs.get(key, 0) + 1
    return pairs


def page_cache_state(url, timeout=5):
    status, headers, body = http_get(url, timeout=timeout)
    return status, headers.get("X-Cache", "") if headers else "", body


def redis_down_drill(drill, env, paths, redis_server, workdir):
    probe_path = f"/{THEME_SLUG}/"
    with Gunicorn(SERVER_PORTS[0], env, "exercice-3") as app:
        probe = app.base_url + probe_path
        run_wrk(app.base_url, paths, seconds=3, workdir=workdir)
        cached_before = page_cache_state(probe)[1]
        load = {}
        loader = threading.Thread(
            target=lambda: load.update(
                result=run_wrk(
                    app.base_url,
                    paths,
                    seconds=20,
                    timeout_s=UNCACHED_TIMEOUT_S,
                    workdir=workdir,
                )
            )
        )
        loader.start()
        time.sleep(5)
        redis_server.kill()
        killed_at = time.time()
        time.sleep(1)
        probe_started = time.monotonic()
        during_status, during_cache, during_body = page_cache_state(probe, UNCACHED_TIMEOUT_S)
        probe_seconds = time.monotonic() - probe_started
        time.sleep(max(0, 5 - probe_seconds))
        redis_server.start()
        restarted_at = time.time()
        loader.join()
        page_cache_state(probe)
        after_status, after_cache, _ = page_cache_state(probe)
    result = load["result"]
    drill.note(f"avant la panne, X-Cache de {probe_path} : {cached_before or 'absent'}")
    drill.note(f"redis-server tué {restarted_at - killed_at:.1f} s pendant 20 s de charge")
    for second, statuses in sorted(result.statuses_per_second.items()):
        marker = " ← Redis arrêté" if int(killed_at) <= second <= int(restarted_at) else ""
        drill.note(f"  {second - int(killed_at):+d} s : {status_summary(statuses)}{marker}")
    scary_in_probe = [word for word in SCARY_WORDS if word in during_body]
    drill.note(
        f"pendant la panne, {probe_path} : {during_status} en {probe_seconds:.1f} s, "
        f"X-Cache {during_cache or 'absent'}, "
        f"mots inquiétants dans la page : {', '.join(scary_in_probe) or 'aucun'} ; "
        f"réponses de la charge contenant un mot inquiétant : {result.scary}"
    )
    drill.note(
        f"après redémarrage de Redis, deuxième visite : {after_status}, "
        f"X-Cache {after_cache or 'absent'}"
    )
    drill.note(
        f"5xx : {server_errors(result.statuses)} ; erreurs de socket "
        f"(délai {UNCACHED_TIMEOUT_S} s) : {result.socket_errors} {result.errors} ; "
        f"latence de toute la charge : p50 "
        f"{result.latency_text('p50')}, p99 {result.latency_text('p99')}"
    )
    drill.passed = (
        server_errors(result.statuses) == 0
        and result.socket_errors == 0
        and result.scary == 0
        and during_status == 200
        and not scary_in_probe
        and after_status == 200
        and after_cache == "HIT"
    )


def publish_through_admin(base_url, username, password, page_id, new_title):
    """An editor's publish: log in to the Wagtail admin, change the title, click « Publier »."""
    import shutil

    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM_FLAGS

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium"), args=CHROMIUM_FLAGS
        )
        try:
            page = browser.new_page()
            page.goto(f"{base_url}/admin/login/")
            page.fill("input[name=username]", username)
            page.fill("input[name=password]", password)
            page.click("button[type=submit]")
            page.wait_for_url(f"{base_url}/admin/")
            page.goto(f"{base_url}/admin/pages/{page_id}/edit/")
            page.fill("input[name=title]", new_title)
            # The button sits in the footer's dropdown; a click event submits the form with it.
            page.locator("button[name=action-publish]").dispatch_event("click")
            page.get_by_text("a été publiée").wait_for(timeout=60_000)
        finally:
            browser.close()


def two_servers_drill(drill, env, news_path, workdir):
    username, password = f"exercice-{secrets.token_hex(3)}", secrets.token_urlsafe(24)
    manage(
        dict(env, DJANGO_SUPERUSER_PASSWORD=password),
        "createsuperuser",
        "--noinput",
        "--username",
        username,
        "--email",
        "exercice@exemple.org",
    )
    page_id = in_process(env, "--page-id", news_path)["page_id"]
    # No apostrophe: the template would escape it and the body would not contain the title.
    new_title = f"Exercice deux serveurs {secrets.token_hex(4)}"
    with (
        Gunicorn(SERVER_PORTS[0], dict(env, WEB_CONCURRENCY=2), "exercice-4") as first,
        Gunicorn(SERVER_PORTS[1], dict(env, WEB_CONCURRENCY=2), "exercice-4") as second,
    ):
        before = {}
        for name, server in (("A", first), ("B", second)):
            page_cache_state(server.base_url + news_path)
            status, cache_state, _ = page_cache_state(server.base_url + news_path)
            before[name] = cache_state
            drill.note(
                f"serveur {name} (port {server.port}, 2 processus), avant : {status}, X-Cache "
                f"{cache_state or 'absent'}"
            )
        started = time.monotonic()
        publish_through_admin(first.base_url, username, password, page_id, new_title)
        with psycopg.connect(env["DATABASE_URL"]) as connection:
            stored_title = connection.execute(
                "SELECT title FROM wagtailcore_page WHERE id = %s", [page_id]
            ).fetchone()[0]
        drill.note(f"titre en base après la publication : {stored_title}")
        drill.note(
            f"publication par l'administration du serveur A en "
            f"{time.monotonic() - started:.1f} s (Chromium, compte superutilisateur "
            "créé pour l'exercice)"
        )
        after = {}
        for name, server in (("B", second), ("A", first)):
            status, cache_state, body = page_cache_state(server.base_url + news_path)
            after[name] = (status, cache_state, new_title in body)
            drill.note(
                f"serveur {name}, requête suivante : {status}, X-Cache "
                f"{cache_state or 'absent'}, nouveau titre : "
                f"{'oui' if new_title in body else 'non'}"
            )
    drill.passed = all(before[name] == "HIT" for name in before) and all(
        status == 200 and shows_new and cache_state != "HIT"
        for status, cache_state, shows_new in after.values()
    )


def backup_restore_drill(drill, env, cluster, media_root, workdir):
    source_url = cluster.url(DRILL_DATABASE)
    # Subscribers of its own, so that the consent log compared is never empty.
    with Gunicorn(SERVER_PORTS[0], env, "exercice-5") as app:
        signed_up = [
            sign_up(app.base_url, f"sauvegarde-{secrets.token_hex(3)}@exemple.org", network)
            for network in ("10.78.0.1", "10.78.0.2")
        ]
    drill.note(
        f"inscriptions avant la sauvegarde : {sum(a.accepted for a in signed_up)} acceptées sur 2"
    )
    restored_url = cluster.url(f"{DRILL_DATABASE}_restauree")
    restored_media = workdir / "media-restauree"
    started = time.monotonic()
    archive = backup(source_url, media_root, workdir / "sauvegardes")
    backed_up = time.monotonic()
    restore(archive, restored_url, restored_media)
    restored = time.monotonic()
    drill.note(
        f"scripts/backup.sh : {backed_up - started:.1f} s ; scripts/restore.sh : "
        f"{restored - backed_up:.1f} s ; base "
        f"{(archive / 'database.dump').stat().st_size / 1e6:.1f} Mo, fichiers "
        f"{(archive / 'media.tar.gz').stat().st_size / 1e6:.1f} Mo"
    )
    original = site_fingerprint(source_url, media_root)
    copy = site_fingerprint(restored_url, restored_media)
    for name, (count, digest) in original.items():
        same = "identique" if copy.get(name) == (count, digest) else "DIFFÉRENT"
        drill.note(f"{name} : {count} lignes, empreinte {digest[:12]}… {same}")
    found = differences(original, copy)
    for difference in found:
        drill.note(difference)
    drill.passed = not found and original["subscribers"][0] > 0


def write_results(drills, started):
    lines = [
        "# Exercices de panne (`make drills`)",
        "",
        f"- {started:%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cœurs ; gunicorn (réglages de "
        f"production, {WORKERS} processus) sur un PostgreSQL à part (127.0.0.1:{CLUSTER_PORT}, "
        f"copie de aimf_bench restaurée par scripts/restore.sh) et un redis-server à part "
        f"(127.0.0.1:{REDIS_PORT})",
        "",
        "| exercice | résultat |",
        "| --- | --- |",
        *(f"| {drill.title} | {'PASS' if drill.passed else 'FAIL'} |" for drill in drills),
        "",
    ]
    for drill in drills:
        lines += [f"## {drill.title} : {'PASS' if drill.passed else 'FAIL'}", ""]
        lines += [
            f"- {line}" if not line.startswith("  ") else f"    - {line.strip()}"
            for line in drill.lines
        ]
        lines.append("")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines))


def main():
    stop_cleanly_on_sigterm()
    started = datetime.datetime.now(datetime.UTC)
    source_url = os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/aimf_bench"
    )
    source_media = Path(os.environ.get("MEDIA_ROOT", REPO / "media"))
    chosen = os.environ.get("DRILLS", ",".join(str(n) for n in range(1, 11))).split(",")
    # The newsletter's drill runs on a database of its own: it needs no copy of aimf_bench.
    site_drills = [number for number in chosen if number != NEWSLETTER_DRILL]
    if site_drills:
        prepare(production_env(source_url, ""), int(os.environ.get("BENCH_SCALE", 10000)))
    drills = []
    with (
        tempfile.TemporaryDirectory(prefix="aimf-drills-") as directory,
        PostgresCluster(CLUSTER_PORT) as cluster,
        RedisServer(REDIS_PORT, directory) as redis_server,
    ):
        workdir = Path(directory)
        media_root = workdir / "media"
        if site_drills:
            print("Copie de aimf_bench dans le PostgreSQL de l'exercice (backup.sh, restore.sh)")
            restore(
                backup(source_url, source_media, workdir / "source"),
                cluster.url(DRILL_DATABASE),
                media_root,
            )
            env = production_env(
                cluster.url(DRILL_DATABASE),
                redis_server.url,
                MEDIA_ROOT=media_root,
                WEB_CONCURRENCY=WORKERS,
                # The drills' clients, on this machine, stand for the proxy: X-Forwarded-For
                # gives each sign-up its own network.
                FORWARDED_ALLOW_IPS="127.0.0.1",
            )
            news_path = in_process(env, "--news-page", THEME_SLUG)["news_page"]
            paths = mix_paths(news_path)
        steps = [
            (
                "1. Charge : 64 connexions pendant 60 s",
                lambda drill: load_drill(drill, env, paths, workdir),
            ),
            (
                "2. Redémarrage de PostgreSQL sous charge",
                lambda drill: database_restart_drill(drill, env, paths, cluster, workdir),
            ),
            (
                "3. Redis arrêté sous charge",
                lambda drill: redis_down_drill(drill, env, paths, redis_server, workdir),
            ),
            (
                "4. Deux serveurs d'application partageant PostgreSQL et Redis",
                lambda drill: two_servers_drill(drill, env, news_path, workdir),
            ),
            (
                "5. Sauvegarde et restauration",
                lambda drill: backup_restore_drill(drill, env, cluster, media_root, workdir),
            ),
            (
                "6. Inondation d'adresses inventées, Redis limité à 16 Mio",
                lambda drill: cache_flood_drill(drill, env, redis_server, workdir),
            ),
            (
                "7. Sans Redis, trois workers et une thématique restreinte",
                lambda drill: privacy_without_redis_drill(drill, env, workdir),
            ),
            (
                "8. Verrouillage de la connexion malgré un X-Forwarded-For changeant",
                lambda drill: spoofed_lockout_drill(drill, env, workdir),
            ),
            (
                "9. Lettre : processus d'envoi tué (kill -9) à 40 % de 5 000 envois, 5 fois",
                lambda drill: newsletter_crash_drill(drill, cluster, workdir),
            ),
            (
                "10. Robot d'indexation : 64 connexions pendant 60 s sur des adresses jamais vues",
                lambda drill: crawler_drill(drill, env, workdir, RSS_GROWTH_BOUND_KIB),
            ),
        ]
        for title, step in (steps[int(number) - 1] for number in chosen):
            print(title)
            drill = Drill(title)
            run_drill(drill, step)
            drills.append(drill)
            print(f"{'PASS' if drill.passed else 'FAIL'} {drill.title}")
            # A drill that failed half-way must not leave the next one without its services.
            if not cluster.is_running():
                cluster.start()
            if not redis_server.is_running():
                redis_server.start()
    write_results(drills, started)
    print(RESULTS.read_text())
    return 0 if all(drill.passed for drill in drills) else 1


def run_drill(drill, step):
    try:
        step(drill)
    except Exception as error:  # one broken drill must not hide the others' results
        drill.passed = False
        drill.note(f"interrompu : {error!r}")


if __name__ == "__main__":
    sys.exit(main())
