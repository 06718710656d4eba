"""Admin forms that refuse, in French, what the public templates could not show correctly."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.urls import path, reverse
from taggit.utils import parse_tags
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.widgets import AdminTagWidget

from aimf_portal.editorial.text import accent_insensitive_key

COUNTRY_AUTOCOMPLETE_URL_NAME = "country_autocomplete"
SUGGESTIONS = 10
COUNTRY_HELP_TEXT = (
    "Tapez une partie du nom, avec ou sans accents (« cote » propose Côte d'Ivoire, « congo » "
    "les deux Congo), puis choisissez dans la liste. Un pays absent de la liste est refusé : "
    "un administrateur l'ajoute dans le menu « Pays »."
)


@dataclass(frozen=True)
class Vocabulary:
    """A tag field whose values come from a controlled list (countries, cities): what the
    editor's field suggests and says, and how it refuses a name not in the list."""

    field_name: str
    autocomplete_url_name: str
    help_text: str
    list_name: str
    advice: str

    def unknown_names_error(self, unknown):
        names = ", ".join(f"« {name} »" for name in unknown)
        return ValidationError(f"{names} : pas dans la liste {self.list_name}. {self.advice}")


COUNTRIES = Vocabulary(
    field_name="countries",
    autocomplete_url_name=COUNTRY_AUTOCOMPLETE_URL_NAME,
    help_text=COUNTRY_HELP_TEXT,
    list_name="des pays de l'association",
    advice="Choisissez un pays proposé pendant la saisie ; un administrateur ajoute les "
    "nouveaux pays dans le menu « Pays ».",
)


def suggestions(names, term):
    """The names containing term, accents and case ignored; names starting with it first."""
    wanted = accent_insensitive_key(term.strip())
    if not wanted:
        return []
    keyed = [(accent_insensitive_key(name), name) for name in names]
    found = [(not key.startswith(wanted), key, name) for key, name in keyed if wanted in key]
    return [name for _later, _key, name in sorted(found)][:SUGGESTIONS]


def vocabulary_autocomplete(request, tag_model):
    """What a vocabulary's field suggests while an editor types (the admin's tag widget asks)."""
    term = request.GET.get("term", "")[:100]
    names = tag_model.objects.values_list("name", flat=True)
    return JsonResponse(suggestions(names, term), safe=False)


def vocabulary_autocomplete_path(route, tag_model, vocabulary):
    """The admin URL of a vocabulary's suggestions (for a register_admin_urls hook)."""
    return path(
        route,
        lambda request: vocabulary_autocomplete(request, tag_model),
        name=vocabulary.autocomplete_url_name,
    )


class VocabularyTagWidget(AdminTagWidget):
    """Wagtail's tag widget over a controlled list: suggestions from vocabulary_autocomplete,
    and a typed name kept as a tag (free typing on the page) so that the form can refuse an
    unknown one by name instead of losing it silently on save."""

    def __init__(self, *args, vocabulary, **kwargs):
        super().__init__(*args, **kwargs)
        self.vocabulary = vocabulary

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        url = reverse(self.vocabulary.autocomplete_url_name)
        context["widget"]["attrs"]["data-w-tag-url-value"] = url
        context["widget"]["help_text"] = self.vocabulary.help_text
        return context


class ThemeItemPageForm(WagtailAdminPageForm):
    """News items, actions and publications: countries (and, for the kinds that have them,
    cities) only from their controlled lists."""

    vocabularies = (COUNTRIES,)
    countries_required = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for vocabulary in self.vocabularies:
            field = self.fields.get(vocabulary.field_name)
            if field is not None:
                field.widget = VocabularyTagWidget(
                    tag_model=field.tag_model, free_tagging=True, vocabulary=vocabulary
                )

    def clean_vocabulary(self, vocabulary):
        """The names typed in the vocabulary's field, as the list writes them, each once.

        Wagtail's tag field keeps the exact names only; "Benin" or "cote d'ivoire" are the
        names an editor meant, and any other name is refused, by name."""
        tag_model = self.fields[vocabulary.field_name].tag_model
        by_key = {
            accent_insensitive_key(name): name
            for name in tag_model.objects.values_list("name", flat=True)
        }
        typed = parse_tags(self.data.get(self.add_prefix(vocabulary.field_name), ""))
        unknown = [name for name in typed if accent_insensitive_key(name) not in by_key]
        if unknown:
            raise vocabulary.unknown_names_error(unknown)
        return list(dict.fromkeys(by_key[accent_insensitive_key(name)] for name in typed))

    def clean_countries(self):
        kept = self.clean_vocabulary(COUNTRIES)
        if self.countries_required and not kept:
            raise ValidationError("Indiquez au moins un pays : les listes se filtrent par pays.")
        return kept
