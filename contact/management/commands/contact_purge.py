"""`manage.py contact_purge`: deletes the contact messages older than CONTACT_RETENTION_DAYS."""

from django.core.management.base import BaseCommand

from contact.models import ContactMessage, retention_days


class Command(BaseCommand):
    help = (
        "Supprime les messages du formulaire de contact reçus il y a plus de "
        "CONTACT_RETENTION_DAYS jours (365 par défaut)."
    )

    def handle(self, *args, **options):
        deleted, _by_model = ContactMessage.expired().delete()
        self.stdout.write(
            f"{deleted} message(s) de contact de plus de {retention_days()} jours supprimé(s)."
        )
