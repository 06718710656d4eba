"""Run inside Django (`python -m bench.newsletter_data …`) by the newsletter benchmark and drill:
synthetic confirmed subscribers, a published issue, its campaign; and the worker side of the
benchmark. Prints one JSON line."""

import argparse
import importlib
import json
import os
import resource
import sys
import time

import django


def setup_django():
    sys.path.insert(0, os.getcwd())
    django.setup()


def ensure_subscribers(count):
    from newsletter.models import Subscriber

    existing = Subscriber.objects.filter(email__startswith="bench-").count()
    batch = []
    for number in range(existing, count):
        batch.append(
            Subscriber(
                email=f"bench-{number:06d}@exemple.org",
                status=Subscriber.Status.CONFIRMED,
                confirmed_at=django.utils.timezone.now(),
            )
        )
        if len(batch) == 5000:
            Subscriber.objects.bulk_create(batch)
            batch = []
    Subscriber.objects.bulk_create(batch)
    Subscriber.objects.filter(email__startswith="bench-").exclude(
        pk__in=Subscriber.objects.filter(email__startswith="bench-").order_by("pk")[:count]
    ).delete()


def new_campaign(enqueue):
    """A new published issue of a realistic size and its campaign (sent by the caller)."""
    from django.db import transaction

    from newsletter.factories import NewsletterIssuePageFactory
    from newsletter.models import Campaign
    from newsletter.sending import send_campaign

    paragraph = (
        "<p>Les maires francophones se sont retrouvés pour parler de l'eau, des transports, "
        'du patrimoine et de la jeunesse ; <a href="/">le programme complet</a> est en ligne.</p>'
    )
    body = [
        {"type": "intro", "value": paragraph},
        *({"type": "text", "value": f"<h2>Nouvelle {n}</h2>{paragraph * 3}"} for n in range(6)),
        {
            "type": "call_to_action",
            "value": {
                "heading": "Rejoignez-nous",
                "text": "Les villes membres partagent leurs projets.",
                "link": {"page": None, "url": "/", "label": "Découvrir l'association"},
            },
        },
    ]
    issue = NewsletterIssuePageFactory(title=f"Lettre de mesure {time.time_ns()}", body=body)
    with transaction.atomic():
        campaign = Campaign.objects.create(
            issue=issue, subject=issue.title, revision=issue.live_revision
        )
        if enqueue:
            transaction.on_commit(lambda: send_campaign.enqueue(campaign.pk))
    return campaign.pk


def campaign_state(campaign_id):
    from newsletter.models import Campaign

    campaign = Campaign.objects.get(pk=campaign_id)
    return {"status": campaign.status, "total": campaign.total}


def run_worker(campaign_id):
    """The benchmark's worker: the real sending loop, to a backend that builds each MIME
    message (what SMTP would transmit) and counts it."""
    from django.conf import settings

    from newsletter.sending import run_campaign

    # By its module's name: run as `python -m`, this file is __main__, another module.
    settings.EMAIL_BACKEND = "bench.newsletter_data.CountingBackend"
    counter = importlib.import_module("bench.newsletter_data").CountingBackend
    started = time.monotonic()
    run_campaign(campaign_id)
    elapsed = time.monotonic() - started
    return {
        "elapsed": elapsed,
        "handed_over": counter.count,
        "bytes": counter.bytes,
        "peak_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        **campaign_state(campaign_id),
    }


class CountingBackend:
    count = 0
    bytes = 0

    def __init__(self, *args, **kwargs):
        pass

    def open(self):
        return True

    def close(self):
        pass

    def send_messages(self, messages):
        for message in messages:
            CountingBackend.bytes += len(message.message().as_bytes())
            CountingBackend.count += 1
        return len(messages)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--subscribers", type=int)
    parser.add_argument("--campaign", action="store_true", help="créer un numéro et son envoi")
    parser.add_argument("--enqueue", action="store_true", help="le confier au db_worker")
    parser.add_argument("--state", type=int, help="l'état d'un envoi")
    parser.add_argument("--work", type=int, help="envoyer cet envoi dans ce processus")
    arguments = parser.parse_args()
    setup_django()
    result = {}
    if arguments.subscribers is not None:
        ensure_subscribers(arguments.subscribers)
        result["subscribers"] = arguments.subscribers
    if arguments.campaign:
        result["campaign"] = new_campaign(arguments.enqueue)
    if arguments.state is not None:
        result.update(campaign_state(arguments.state))
    if arguments.work is not None:
        result.update(run_worker(arguments.work))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
