"""The facets every listing offers (countries; for publications, kind and year), and the form
that reads them from the address.

A facet's GET parameter goes through a Django form whose choices are the values that exist, so
nothing a visitor types reaches the database: unknown values are dropped (and the page says so),
known ones are kept once each, in the order of the choices. That order is also the canonical
order of the address (the one the form itself submits), which the page cache keys on.

Counts follow the usual facet rule: a value's count is what the visitor would get by ticking it,
given the other facets' selections. A listing reads each facet's (item, value) pairs once into
its index (listings.facet_index), and counts and narrows there.
"""

import datetime
from urllib.parse import urlencode

from django import forms
from django.db.models.functions import ExtractYear
from wagtail.models import Page

from aimf_portal.caching.site_data import cached, public
from aimf_portal.editorial.text import accent_insensitive_key
from aimf_portal.listings.pagination import PAGE_PARAMETER

# More values than any facet has cannot be a real selection: stop reading there.
MAX_VALUES_PER_PARAMETER = 50
MAX_VALUE_LENGTH = 40
COUNTRY_PARAMETER = "pays"
THEME_PARAMETER = "thematique"


class Facet:
    """One GET parameter that narrows a listing to items having any of the selected values."""

    parameter = ""
    legend = ""

    def choices(self, model):
        """The known values and their labels, in the order the form shows them."""
        raise NotImplementedError

    def item_values(self, model, items):
        """(item id, value) for each value each of `items` (a queryset of model) has, in one
        query."""
        raise NotImplementedError


class CountryFacet(Facet):
    parameter = COUNTRY_PARAMETER
    legend = "Pays"

    @staticmethod
    def through(model):
        return model.countries.through

    def choices(self, model):
        country_model = self.through(model)._meta.get_field("tag").related_model

        def build():
            countries = country_model.objects.values_list("slug", "name")
            return dict(sorted(countries, key=lambda country: accent_insensitive_key(country[1])))

        return cached("country-choices", build)

    def item_values(self, model, items):
        tagged = self.through(model).objects.filter(content_object__in=items.values("pk"))
        return tagged.values_list("content_object_id", "tag__slug")


class ChoiceFacet(Facet):
    """A facet over a model field with declared choices (the publication kind)."""

    def __init__(self, parameter, legend, field_name):
        self.parameter, self.legend, self.field_name = parameter, legend, field_name

    def choices(self, model):
        return dict(model._meta.get_field(self.field_name).flatchoices)

    def item_values(self, model, items):
        return items.order_by().values_list("pk", self.field_name)


class YearFacet(Facet):
    """A facet over the year of a date field."""

    def __init__(self, parameter, legend, field_name):
        self.parameter, self.legend, self.field_name = parameter, legend, field_name

    def choices(self, model):
        return {str(year): str(year) for year in range(datetime.date.today().year + 1, 1899, -1)}

    def item_values(self, model, items):
        rows = items.order_by().values_list("pk", ExtractYear(self.field_name))
        return ((pk, str(year)) for pk, year in rows)


class ThemeFacet(Facet):
    """The page an item sits under (its theme), for the site-wide listings. The themes are
    whatever page types the item model may be created under, found by Wagtail's own rules
    (allowed_parent_page_models), so this layer imports no page model."""

    parameter = THEME_PARAMETER
    legend = "Thématique"

    @staticmethod
    def themes(model):
        """[(slug, title, tree path)] of the live, public themes, in French alphabetical order."""

        def build():
            parents = public(Page.objects.live().type(*model.allowed_parent_page_models()))
            rows = parents.values_list("slug", "title", "path")
            return sorted(rows, key=lambda row: accent_insensitive_key(row[1]))

        return cached(f"theme-choices:{model._meta.label}", build)

    def choices(self, model):
        return {slug: title for slug, title, _path in self.themes(model)}

    def item_values(self, model, items):
        slugs = {path: slug for slug, _title, path in self.themes(model)}
        rows = items.order_by().values_list("pk", "path")
        return (
            (pk, slugs[path[: -Page.steplen]])
            for pk, path in rows
            if path[: -Page.steplen] in slugs
        )


def theme_facet():
    return ThemeFacet()


def country_facet():
    return CountryFacet()


def publication_kind_facet():
    return ChoiceFacet(parameter="type", legend="Type de publication", field_name="kind")


def publication_year_facet():
    return YearFacet(parameter="annee", legend="Année", field_name="date")


class FacetField(forms.Field):
    """The known values of one parameter ({value: label}, in the form's order), each kept once,
    in that order. Unknown values are not an error that would empty the listing: they are
    dropped, and `dropped` lets the page say so."""

    widget = forms.MultipleHiddenInput  # reads every value of the parameter
    dropped = False

    def __init__(self, known, **kwargs):
        super().__init__(required=False, **kwargs)
        self.known = known

    def clean(self, value):
        typed = {
            str(v).strip().lower()[:MAX_VALUE_LENGTH] for v in value[:MAX_VALUES_PER_PARAMETER]
        }
        self.dropped = any(v and v not in self.known for v in typed)
        return [known for known in self.known if known in typed]


class FacetForm(forms.Form):
    """A listing's facets read from a query dict (request.GET); fixed_pairs (a search's query)
    come first in every address the form writes."""

    def __init__(self, data, model, facets, fixed_pairs=()):
        super().__init__(data)
        self.facets = facets
        self.fixed_pairs = list(fixed_pairs)
        for facet in facets:
            self.fields[facet.parameter] = FacetField(facet.choices(model), label=facet.legend)
        self.is_valid()

    @property
    def selection(self):
        """{facet: selected values} for the facets that have a selection."""
        return {
            facet: self.cleaned_data[facet.parameter]
            for facet in self.facets
            if self.cleaned_data[facet.parameter]
        }

    @property
    def ignored_input(self):
        return any(self.fields[facet.parameter].dropped for facet in self.facets)

    def label(self, facet, value):
        return self.fields[facet.parameter].known.get(value, value)

    def pairs(self):
        return [
            (facet.parameter, value) for facet, values in self.selection.items() for value in values
        ]

    def querystring(self, without=None, page_number=1):
        """The canonical query string of the selection (optionally without one pair)."""
        pairs = [*self.fixed_pairs, *(pair for pair in self.pairs() if pair != without)]
        if page_number > 1:
            pairs.append((PAGE_PARAMETER, page_number))
        return f"?{urlencode(pairs)}" if pairs else ""
