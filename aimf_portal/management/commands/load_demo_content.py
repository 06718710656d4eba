"""`manage.py load_demo_content`: the demo site, idempotently."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from aimf_portal.demo.site import DemoSite
from aimf_portal.models import HomePage


class Command(BaseCommand):
    help = (
        "Construit le site de démonstration de l'AIMF ; relancer la commande met à jour sans "
        "rien dupliquer."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        try:
            with transaction.atomic():
                site = DemoSite()
                counts = site.build()
        except HomePage.DoesNotExist:
            raise CommandError(
                "La page d'accueil manque : lancez d'abord `manage.py migrate`."
            ) from None
        summary = ", ".join(f"{count} {label}" for label, count in sorted(counts.items()))
        self.stdout.write(
            f"Site de démonstration : {summary} ; {site.media.drawn} fichiers dessinés "
            f"({time.monotonic() - started:.1f} s)."
        )
        self.stdout.write(self.style.SUCCESS(f"Terminé en {time.monotonic() - started:.1f} s."))
