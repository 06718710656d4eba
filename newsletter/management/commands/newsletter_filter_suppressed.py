from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from newsletter.models import SuppressedAddress
from newsletter.privacy import address_digest


class Command(BaseCommand):
    help = (
        "Avant d'importer une liste d'adresses (une par ligne) dans un outil d'envoi : recopie "
        "sur la sortie les adresses qui ne sont pas sur la liste de suppression (adresses "
        "effacées) et compte les autres, sans les afficher."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, metavar="fichier")

    def handle(self, *args, file, **options):
        try:
            lines = file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Impossible de lire {file} : {error}") from error
        addresses = [line.strip() for line in lines if line.strip()]
        suppressed = set(SuppressedAddress.objects.values_list("address_hash", flat=True))
        kept = [address for address in addresses if address_digest(address) not in suppressed]
        for address in kept:
            self.stdout.write(address)
        set_aside = len(addresses) - len(kept)
        self.stderr.write(
            f"{set_aside} adresse(s) écartée(s), effacée(s) à la demande des personnes."
        )
