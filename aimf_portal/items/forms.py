"""Admin forms that refuse, in French, what the public templates could not show correctly."""

from django.core.exceptions import ValidationError
from taggit.utils import parse_tags
from wagtail.admin.forms import WagtailAdminPageForm


class ThemeItemPageForm(WagtailAdminPageForm):
    """News items, actions and publications: countries only from the controlled list."""

    countries_required = False

    def clean_countries(self):
        kept = self.cleaned_data["countries"]
        # Wagtail's tag field drops unknown names silently; say which ones were refused.
        typed = parse_tags(self.data.get(self.add_prefix("countries"), ""))
        unknown = [name for name in typed if name not in kept]
        if unknown:
            names = ", ".join(f"« {name} »" for name in unknown)
            raise ValidationError(
                f"{names} : pas dans la liste des pays de l'association. Choisissez un pays "
                "proposé pendant la saisie ; un administrateur ajoute les nouveaux pays dans le "
                "menu « Pays »."
            )
        if self.countries_required and not kept:
            raise ValidationError("Indiquez au moins un pays : les listes se filtrent par pays.")
        return kept
