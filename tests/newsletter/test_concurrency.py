"""The same address submitted 50 times at once: exactly one subscriber row, never a 500.

On PostgreSQL the 50 requests really run at the same time, each thread on its own connection,
and collide on the case-insensitive unique constraint. SQLite allows one writer at a time and,
in the in-memory test database, answers a second writer with "table is locked" instead of
waiting, so there the same 50 threads take turns: the test still checks that repeated
submissions of one address in every case variant give one row and one request each.
"""

import threading
from collections import Counter

import pytest
from django.core import mail
from django.db import connection
from django.test import Client, override_settings

from newsletter.models import ConsentEvent, Subscriber

from .helpers import SIGNUP_URL, signup_data

SUBMISSIONS = 50
VARIANTS = [
    "maire.concurrent@exemple.org",
    "Maire.Concurrent@Exemple.org",
    "MAIRE.concurrent@EXEMPLE.ORG",
]


def submit_all_at_once(submissions):
    """Post each payload from its own thread and connection; the HTTP status of each."""
    start = threading.Barrier(len(submissions))
    take_turns = threading.Lock() if connection.vendor == "sqlite" else None
    statuses = []

    def submit(data, network):
        from django.db import connections

        try:
            start.wait()
            if take_turns:
                with take_turns:
                    response = Client().post(SIGNUP_URL, data, REMOTE_ADDR=network)
            else:
                response = Client().post(SIGNUP_URL, data, REMOTE_ADDR=network)
            statuses.append(response.status_code)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=submit, args=(data, f"10.0.{n // 250}.{n % 250 + 1}"))
        for n, data in enumerate(submissions)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return Counter(statuses)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@override_settings(
    NEWSLETTER_REQUESTS_PER_IP=1000,
    NEWSLETTER_EMAILS_PER_ADDRESS=1000,
    NEWSLETTER_EMAILS_PER_ADDRESS_ALL_NETWORKS=1000,
)
def test_fifty_concurrent_submissions_of_one_address_make_one_subscriber():
    submissions = [signup_data(VARIANTS[n % len(VARIANTS)]) for n in range(SUBMISSIONS)]

    statuses = submit_all_at_once(submissions)

    assert statuses == {302: SUBMISSIONS}, statuses
    [subscriber] = Subscriber.objects.all()
    assert subscriber.email.lower() == "maire.concurrent@exemple.org"
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.consent_events.count() == SUBMISSIONS
    assert set(subscriber.consent_events.values_list("action", flat=True)) == {"subscribe"}
    assert len(mail.outbox) == SUBMISSIONS
    assert ConsentEvent.objects.count() == SUBMISSIONS


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fifty_concurrent_submissions_from_many_networks_stop_at_the_inbox_cap():
    submissions = [signup_data(VARIANTS[n % len(VARIANTS)]) for n in range(SUBMISSIONS)]

    statuses = submit_all_at_once(submissions)

    # Each from its own network: none is refused (a stranger cannot block the owner), but the
    # inbox receives no more than its daily cap.
    assert statuses == {302: SUBMISSIONS}, statuses
    assert Subscriber.objects.count() == 1
    assert ConsentEvent.objects.count() == SUBMISSIONS
    assert len(mail.outbox) == 10
