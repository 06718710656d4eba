"""`manage.py load_demo_content [--scale N] [--with-demo-users]`: the demo site, then optional
benchmark volume and one demo account per editorial group."""

import secrets
import time

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from aimf_portal.caching.invalidation import purge_site
from aimf_portal.demo.bulk import ScaleLoader
from aimf_portal.demo.site import DemoSite
from aimf_portal.models import HomePage

# One account per group; never a fixed password: each is drawn once and printed once.
DEMO_USERS = {
    "demo-redacteur": "Rédacteurs",
    "demo-editeur": "Éditeurs",
    "demo-newsletter": "Newsletter",
}


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
        parser.add_argument(
            "--with-demo-users",
            action="store_true",
            help="Crée un compte par groupe (Rédacteurs, Éditeurs, Newsletter) avec un mot de "
            "passe aléatoire affiché une seule fois ; un compte existant n'est pas modifié.",
        )

    def handle(self, *args, scale, with_demo_users, **options):
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
        purge_site()
        if with_demo_users:
            self.create_demo_users()
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

    def create_demo_users(self):
        User = get_user_model()
        for username, group_name in DEMO_USERS.items():
            if User.objects.filter(username=username).exists():
                self.stdout.write(f"Compte {username} ({group_name}) : existe déjà, inchangé.")
                continue
            password = secrets.token_urlsafe(12)
            user = User.objects.create_user(
                username=username, email=f"{username}@aimf.example", password=password
            )
            user.groups.add(Group.objects.get(name=group_name))
            self.stdout.write(
                f"Compte {username} ({group_name}) : mot de passe {password} "
                "(affiché cette fois seulement)."
            )
