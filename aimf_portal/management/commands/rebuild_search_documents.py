"""`manage.py rebuild_search_documents`: the search's lean table copied anew from Wagtail's index,
after `update_index` or an import outside Wagtail (PostgreSQL only)."""

import time

from django.core.management.base import BaseCommand

from aimf_portal.discovery import documents


class Command(BaseCommand):
    help = (
        "Recopie l'index de recherche de Wagtail dans la table allégée que lit la recherche "
        "(PostgreSQL ; après update_index ou un import hors de Wagtail)."
    )

    def handle(self, *args, **options):
        if not documents.enabled():
            self.stdout.write("SQLite : la recherche lit directement l'index de Wagtail.")
            return
        started = time.monotonic()
        documents.rebuild()
        count = documents.SearchDocument.objects.count()
        self.stdout.write(f"{count} documents en {time.monotonic() - started:.1f} s.")
