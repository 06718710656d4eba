import csv

from django.core.management.base import BaseCommand
from django.utils import timezone

from newsletter import subscriptions
from newsletter.conf import newsletter_setting
from newsletter.models import ConsentEvent


class Command(BaseCommand):
    help = (
        "Liste (en CSV) les abonnés sans activité depuis NEWSLETTER_INACTIVE_DAYS jours (3 ans par "
        "défaut, la référence de la CNIL), pour leur redemander leur accord ; avec --erase, "
        "efface leurs données."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Durée d'inactivité en jours (par défaut : NEWSLETTER_INACTIVE_DAYS).",
        )
        parser.add_argument(
            "--erase",
            action="store_true",
            help="Efface les abonnés listés au lieu de seulement les lister.",
        )

    def handle(self, *args, days, erase, **options):
        days = newsletter_setting("INACTIVE_DAYS") if days is None else days
        subscribers = list(subscriptions.inactive_subscribers(days))
        if erase:
            for subscriber in subscribers:
                subscriptions.erase(subscriber, ConsentEvent.Method.COMMAND)
            self.stderr.write(f"{len(subscribers)} abonné(s) inactif(s) effacé(s).")
            return
        writer = csv.writer(self.stdout, lineterminator="\n")
        writer.writerow(["email", "confirme_le", "derniere_activite"])
        for subscriber in subscribers:
            writer.writerow(
                [
                    subscriber.email,
                    timezone.localtime(subscriber.confirmed_at).date().isoformat(),
                    timezone.localtime(subscriber.last_activity_at).date().isoformat(),
                ]
            )
        self.stderr.write(f"{len(subscribers)} abonné(s) sans activité depuis {days} jours.")
