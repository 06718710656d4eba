from django.core.exceptions import ValidationError

from aimf_portal.items.forms import ThemeItemPageForm
from places.models import CITIES


class CityItemPageForm(ThemeItemPageForm):
    """An item kind that links to member cities: picked from their list, like countries."""

    vocabularies = (*ThemeItemPageForm.vocabularies, CITIES)
    cities_required = False

    def clean_cities(self):
        kept = self.clean_vocabulary(CITIES)
        if self.cities_required and not kept:
            raise ValidationError("Indiquez au moins une ville : l'action se place sur la carte.")
        return kept
