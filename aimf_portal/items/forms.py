"""Admin forms that refuse, in French, what the public templates could not show correctly."""

from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.urls import reverse
from taggit.utils import parse_tags
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.widgets import AdminTagWidget

from aimf_portal.editorial.text import accent_insensitive_key

COUNTRY_AUTOCOMPLETE_URL_NAME = "country_autocomplete"
COUNTRY_SUGGESTIONS = 10
COUNTRY_HELP_TEXT = (
    "Tapez une partie du nom, avec ou sans accents (« cote » propose Côte d'Ivoire, « congo » "
    "les deux Congo), puis choisissez dans la liste. Un pays absent de la liste est refusé : "
    "un administrateur l'ajoute dans le menu « Pays »."
)


def country_suggestions(names, term):
    """The names containing term, accents and case ignored; names starting with it first."""
    wanted = accent_insensitive_key(term.strip())
    if not wanted:
        return []
    keyed = [(accent_insensitive_key(name), name) for name in names]
    found = [(not key.startswith(wanted), key, name) for key, name in keyed if wanted in key]
    return [name for _later, _key, name in sorted(found)][:COUNTRY_SUGGESTIONS]


def country_autocomplete(request, tag_model):
    """What the country field suggests while an editor types (the admin's tag widget asks)."""
    term = request.GET.get("term", "")[:100]
    names = tag_model.objects.values_list("name", flat=True)
    return JsonResponse(country_suggestions(names, term), safe=False)


class CountryTagWidget(AdminTagWidget):
    """Wagtail's tag widget over the country list: suggestions from country_autocomplete, and
    a typed name kept as a tag (free typing on the page) so that the form can refuse an
    unknown one by name instead of losing it silently on save."""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["data-w-tag-url-value"] = reverse(COUNTRY_AUTOCOMPLETE_URL_NAME)
        context["widget"]["help_text"] = COUNTRY_HELP_TEXT
        return context


class ThemeItemPageForm(WagtailAdminPageForm):
    """News items, actions and publications: countries only from the controlled list."""

    countries_required = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("countries")
        if field is not None:
            field.widget = CountryTagWidget(tag_model=field.tag_model, free_tagging=True)

    def clean_countries(self):
        # Wagtail's tag field keeps the exact names only; "Benin" or "cote d'ivoire" are the
        # countries an editor meant, and any other name is refused, by name.
        tag_model = self.fields["countries"].tag_model
        by_key = {
            accent_insensitive_key(name): name
            for name in tag_model.objects.values_list("name", flat=True)
        }
        typed = parse_tags(self.data.get(self.add_prefix("countries"), ""))
        kept = list(
            dict.fromkeys(by_key[k] for k in map(accent_insensitive_key, typed) if k in by_key)
        )
        unknown = [name for name in typed if accent_insensitive_key(name) not in by_key]
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
