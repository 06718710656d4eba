"""`manage.py load_demo_content [--scale N]`: the demo site, then optional benchmark volume."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from aimf_portal import site_cache
from aimf_portal.demo.bulk import ScaleLoader
from aimf_portal.demo.site import DemoSite
from aimf_portal.models import HomePage


class Command(BaseCommand):
    help = (
        "Construit le site de démonstration de l'AIMF ; relancer la commande met à jour sans "
        "rien dupliquer. --scale N complète à N les éléments synthétiques de chaque type "
        "(actualités, actions, publications) pour les mesures de performance."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=int,
            default=0,
            metavar="N",
            help="Nombre d'éléments synthétiques voulus par type (slugs en « demo-scale- »).",
        )

    def handle(self, *args, scale, **options):
        if scale < 0:
            raise CommandError("--scale attend un nombre positif.")
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
        if scale:
            self.load_scale(scale)
        # Bulk writes send no signals: cached menus and lists would not know about them.
        site_cache.invalidate()
        self.stdout.write(self.style.SUCCESS(f"Terminé en {time.monotonic() - started:.1f} s."))

    def load_scale(self, target):
        started = time.monotonic()
        created, indexing_seconds = ScaleLoader(target, log=self.stdout.write).run()
        total = sum(len(page_ids) for page_ids in created.values())
        self.stdout.write(
            f"Volume : {total} pages synthétiques ajoutées en {time.monotonic() - started:.1f} s, "
            f"dont {indexing_seconds:.1f} s d'indexation pour la recherche."
        )
        if total and connection.vendor == "postgresql":
            # Fresh statistics, or the planner keeps estimating the new rows at nearly zero.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
