"""Drill 9 of `make drills`: a newsletter worker killed with SIGKILL at about 40 % of a
5,000-recipient send, then restarted, five times. The worker is the production one
(`manage.py db_worker`) sending over SMTP to a local sink (aiosmtpd) that counts what it
receives. Expected each time: every recipient in the sink, none skipped; at most one message
twice (the one in flight at the kill), both copies with the same Message-ID.
"""

import collections
import email
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from aiosmtpd.controller import Controller

from .database import ensure_database, manage
from .newsletter_send import django_json
from .servers import REPO, production_env

RESULTS = Path(__file__).resolve().parent / "results" / "newsletter-drill.md"
NEWSLETTER_DRILL = "9"
RECIPIENTS = 5000
RUNS = 5
KILL_AT = 0.4
# The dead worker's lease ends after this; the task it left behind then takes over.
LEASE_SECONDS = 5
RUN_TIMEOUT_S = 300


class CountingSink:
    """An SMTP server's DATA handler that counts messages per recipient and their Message-IDs."""

    def __init__(self):
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        with self.lock:
            self.received = collections.Counter()
            self.message_ids = collections.defaultdict(set)

    @property
    def total(self):
        with self.lock:
            return sum(self.received.values())

    async def handle_DATA(self, server, session, envelope):
        message_id = email.message_from_bytes(envelope.content)["Message-ID"]
        with self.lock:
            for recipient in envelope.rcpt_tos:
                self.received[recipient] += 1
                self.message_ids[recipient].add(message_id)
        return "250 Message accepted"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_worker(env, log):
    return subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--backend",
            "newsletter",
            "--queue-name",
            "newsletter",
            "--interval",
            "0.2",
            "--no-startup-delay",
            "--no-reload",
        ],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def one_run(env, sink, log):
    sink.reset()
    campaign = django_json(env, "--campaign", "--enqueue")["campaign"]
    worker = start_worker(env, log)
    deadline = time.monotonic() + RUN_TIMEOUT_S
    while sink.total < RECIPIENTS * KILL_AT and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait()
    at_kill = sink.total
    worker = start_worker(env, log)
    try:
        while time.monotonic() < deadline:
            if django_json(env, "--state", str(campaign))["status"] == "sent":
                break
            time.sleep(1)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    with sink.lock:
        received = dict(sink.received)
        message_ids = {address: set(ids) for address, ids in sink.message_ids.items()}
    expected = {f"bench-{number:06d}@exemple.org" for number in range(RECIPIENTS)}
    twice = [address for address, count in received.items() if count > 1]
    return {
        "at_kill": at_kill,
        "received": sum(received.values()),
        "distinct": len(expected & set(received)),
        "skipped": len(expected - set(received)),
        "duplicates": sum(received[address] - 1 for address in twice),
        "same_message_id": all(len(message_ids[address]) == 1 for address in twice),
        "status": django_json(env, "--state", str(campaign))["status"],
    }


def write_counts(results):
    """The five runs' counts, kept apart from drills.md, which `DRILLS=9` alone rewrites."""
    lines = [
        "# Lettre : processus d'envoi tué à 40 % (exercice 9 de `make drills`)",
        "",
        f"{RECIPIENTS} destinataires, `manage.py db_worker` envoyant en SMTP à un serveur local "
        f"(aiosmtpd) qui compte ; kill -9 à {KILL_AT:.0%}, redémarrage, bail de "
        f"{LEASE_SECONDS} s.",
        "",
        "| essai | reçus au kill | reçus en tout | destinataires | oubliés | en double "
        "| même Message-ID | état final |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
        *(
            f"| {number} | {r['at_kill']} | {r['received']} | {r['distinct']} | {r['skipped']} "
            f"| {r['duplicates']} | {'oui' if r['same_message_id'] else 'non'} | {r['status']} |"
            for number, r in enumerate(results, start=1)
        ),
        "",
    ]
    RESULTS.write_text("\n".join(lines))


def newsletter_crash_drill(drill, cluster, workdir):
    database_url = cluster.url("aimf_newsletter_drill")
    ensure_database(database_url)
    sink = CountingSink()
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    env = production_env(
        database_url,
        "",
        EMAIL_URL=f"smtp://127.0.0.1:{port}",
        NEWSLETTER_TASKS="database",
        NEWSLETTER_SEND_RATE_PER_MINUTE="0",
        NEWSLETTER_WORKER_LEASE_SECONDS=str(LEASE_SECONDS),
        CACHE_DIR=str(workdir / "cache-lettre"),
    )
    try:
        manage(env, "migrate", "--noinput", "--verbosity", "0")
        django_json(env, "--subscribers", str(RECIPIENTS))
        results = []
        with open(workdir / "db_worker.log", "w") as log:
            for number in range(1, RUNS + 1):
                result = one_run(env, sink, log)
                results.append(result)
                drill.note(
                    f"essai {number} : tué à {result['at_kill']} messages reçus ; à la fin "
                    f"{result['received']} reçus, {result['distinct']}/{RECIPIENTS} "
                    f"destinataires, {result['skipped']} oubliés, {result['duplicates']} en "
                    f"double (même Message-ID : {'oui' if result['same_message_id'] else 'non'})"
                    f", envoi {result['status']}"
                )
    finally:
        controller.stop()
    write_counts(results)
    drill.passed = all(
        result["skipped"] == 0
        and result["distinct"] == RECIPIENTS
        and result["duplicates"] <= 1
        and result["same_message_id"]
        and result["status"] == "sent"
        for result in results
    )
