from django.core.management.base import BaseCommand

from newsletter.conf import newsletter_setting
from newsletter.subscriptions import purge_pending


class Command(BaseCommand):
    help = (
        "Supprime les inscriptions jamais confirmées dont la dernière demande date de plus de "
        "NEWSLETTER_PENDING_DAYS jours (30 par défaut). À lancer chaque jour par cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Délai en jours (par défaut : NEWSLETTER_PENDING_DAYS).",
        )

    def handle(self, *args, days, **options):
        days = newsletter_setting("PENDING_DAYS") if days is None else days
        purged = purge_pending(days)
        self.stdout.write(f"{purged} inscription(s) non confirmée(s) supprimée(s).")
