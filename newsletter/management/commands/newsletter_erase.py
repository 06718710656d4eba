from django.core.management.base import BaseCommand

from newsletter.models import ConsentEvent
from newsletter.subscriptions import erase_address


class Command(BaseCommand):
    help = (
        "Droit à l'effacement : efface les données des abonnés à ces adresses et les ajoute à la "
        "liste de suppression (même si elles ne sont pas inscrites). L'historique anonyme reste."
    )

    def add_arguments(self, parser):
        parser.add_argument("addresses", nargs="+", metavar="adresse")

    def handle(self, *args, addresses, **options):
        for address in addresses:
            if erase_address(address, ConsentEvent.Method.COMMAND):
                self.stdout.write(
                    f"{address} : abonné effacé, adresse ajoutée à la liste de suppression."
                )
            else:
                self.stdout.write(
                    f"{address} : aucun abonné, adresse ajoutée à la liste de suppression."
                )
