"""`make bench-newsletter`: an issue prepared and handed to the email backend for 100,000
confirmed synthetic subscribers, by the real sending loop in a process of its own, with the
production settings on PostgreSQL (BENCH_NEWSLETTER_DATABASE_URL, by default the local
aimf_newsletter_bench). The backend builds each MIME message and counts it. Written to
bench/results/newsletter.md with the targets: at least 300 messages a second, resident memory
flat and under 300 MB.
"""

import datetime
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from .database import ensure_database, manage
from .servers import REPO, production_env, rss_kib, run_module_json

RESULTS = Path(__file__).resolve().parent / "results" / "newsletter.md"
SUBSCRIBERS = int(os.environ.get("BENCH_NEWSLETTER_SUBSCRIBERS", 100_000))
TARGET_RATE = 300
TARGET_RSS_KIB = 300 * 1024


def django_json(env, *arguments):
    return run_module_json("bench.newsletter_data", env, *arguments)


def main():
    database_url = os.environ.get(
        "BENCH_NEWSLETTER_DATABASE_URL",
        "postgres://postgres@127.0.0.1:5432/aimf_newsletter_bench",
    )
    env = production_env(database_url, "", NEWSLETTER_SEND_RATE_PER_MINUTE="0")
    ensure_database(database_url)
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    print(f"{SUBSCRIBERS} abonnés synthétiques, un numéro, son envoi")
    django_json(env, "--subscribers", str(SUBSCRIBERS))
    campaign = django_json(env, "--campaign")["campaign"]

    worker = subprocess.Popen(
        [sys.executable, "-m", "bench.newsletter_data", "--work", str(campaign)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    samples = []
    while worker.poll() is None:
        if (rss := rss_kib(worker.pid)) is not None:
            samples.append(rss)
        time.sleep(1)
    result = json.loads(worker.stdout.read().splitlines()[-1])
    if worker.returncode:
        sys.exit(f"Le processus d'envoi a échoué ({worker.returncode}).")
    rate = result["handed_over"] / result["elapsed"]
    average_size = result["bytes"] / max(result["handed_over"], 1)
    # Flat: the last tenth of the run uses no more than the second tenth, give or take 10 %.
    tenth = max(len(samples) // 10, 1)
    early, late = max(samples[tenth : 2 * tenth] or samples), max(samples[-tenth:])
    flat = late <= early * 1.10
    checks = [
        (f"cadence ≥ {TARGET_RATE} messages/s", rate >= TARGET_RATE),
        ("mémoire plate (dernier dixième ≤ deuxième dixième + 10 %)", flat),
        ("mémoire de pointe < 300 Mo", result["peak_rss_kib"] < TARGET_RSS_KIB),
        (
            "tous remis, envoi terminé",
            result["handed_over"] == SUBSCRIBERS and result["status"] == "sent",
        ),
    ]
    lines = [
        "# Lettre d'actualités : envoi à 100 000 abonnés",
        "",
        f"Mesuré le {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC "
        f"(`make bench-newsletter`), PostgreSQL local, réglages de production, sans limite "
        "de cadence ; chaque message est construit en MIME complet puis compté.",
        "",
        "| mesure | valeur |",
        "| --- | --- |",
        f"| destinataires | {result['total']} |",
        f"| messages remis au serveur d'envoi | {result['handed_over']} |",
        f"| durée (préparation des lignes comprise) | {result['elapsed']:.1f} s |",
        f"| cadence | {rate:.0f} messages/s |",
        f"| taille moyenne d'un message | {average_size:.0f} o |",
        f"| mémoire résidente : pointe | {result['peak_rss_kib'] / 1024:.0f} Mo |",
        f"| mémoire résidente : 2e dixième / dernier dixième | {early / 1024:.0f} / "
        f"{late / 1024:.0f} Mo |",
        "",
        "| objectif | résultat |",
        "| --- | --- |",
        *(f"| {name} | {'PASS' if passed else 'FAIL'} |" for name, passed in checks),
        "",
    ]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines))
    print(RESULTS.read_text())
    return 0 if all(passed for _, passed in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
