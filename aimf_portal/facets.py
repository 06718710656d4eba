"""The faceted filter shared by every listing: countries, and for publications kind and year.

A facet reads its GET parameter through a whitelist of the values that exist, so nothing a
visitor types reaches the database. Counts follow the usual facet rule: a value's count is what
the visitor would get by ticking it, given the other facets' selections; each facet's counts come
from one aggregated query.
"""

import datetime
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.apps import apps
from django.db.models import Count, Q
from django.db.models.functions import ExtractYear

from . import site_cache
from .text import accent_insensitive_key

# More values than any facet has cannot be a real selection: stop reading there.
MAX_VALUES_PER_PARAMETER = 50
MAX_VALUE_LENGTH = 40


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    """One GET parameter that narrows a listing to items having any of the selected values."""

    parameter: str
    legend: str
    selected: list = field(default_factory=list)

    def read(self, query_dict, known_values):
        """Keep the known values of this parameter, in order, once; say if any was dropped."""
        raw_values = query_dict.getlist(self.parameter)[:MAX_VALUES_PER_PARAMETER]
        normalised = [value.strip().lower()[:MAX_VALUE_LENGTH] for value in raw_values]
        self.selected = list(dict.fromkeys(v for v in normalised if v in known_values))
        return any(value and value not in known_values for value in normalised)

    def filter(self, queryset):
        return queryset.filter(self.selection_q(queryset.model)) if self.selected else queryset


class CountryFacet(Facet):
    def __init__(self):
        super().__init__(parameter="pays", legend="Pays")

    def known_values(self, model):
        country_model = apps.get_model("aimf_portal", "Country")
        return site_cache.cached(
            "country-slugs", lambda: set(country_model.objects.values_list("slug", flat=True))
        )

    def selection_q(self, model):
        through = model.countries.through
        tagged = through.objects.filter(tag__slug__in=self.selected).values("content_object_id")
        return Q(pk__in=tagged)

    def counts_queryset(self, model, queryset):
        through = model.countries.through
        return (
            through.objects.filter(content_object__in=queryset.values("pk"))
            .values("tag__slug", "tag__name")
            .annotate(count=Count("content_object_id"))
        )

    def options(self, model, queryset):
        rows = self.counts_queryset(model, queryset)
        options = [
            FacetOption(
                value=row["tag__slug"],
                label=row["tag__name"],
                count=row["count"],
                selected=row["tag__slug"] in self.selected,
            )
            for row in rows
        ]
        # A ticked country with no match under the other filters stays in the form, at zero,
        # so that submitting the form again does not silently drop it.
        missing = set(self.selected) - {option.value for option in options}
        if missing:
            country_model = apps.get_model("aimf_portal", "Country")
            options += [
                FacetOption(country.slug, country.name, 0, True)
                for country in country_model.objects.filter(slug__in=missing)
            ]
        return sorted(options, key=lambda option: accent_insensitive_key(option.label))


class ChoiceFacet(Facet):
    """A facet over a model field with declared choices (the publication kind)."""

    def __init__(self, parameter, legend, field_name):
        super().__init__(parameter=parameter, legend=legend)
        self.field_name = field_name

    def choices(self, model):
        return dict(model._meta.get_field(self.field_name).flatchoices)

    def known_values(self, model):
        return set(self.choices(model))

    def selection_q(self, model):
        return Q(**{f"{self.field_name}__in": self.selected})

    def counts_queryset(self, model, queryset):
        return (
            queryset.order_by()
            .values_list(self.field_name)
            .annotate(count=Count("pk"))
            .values_list(self.field_name, "count")
        )

    def options(self, model, queryset):
        labels = self.choices(model)
        counts = dict(self.counts_queryset(model, queryset))
        return [
            FacetOption(value, label, counts.get(value, 0), value in self.selected)
            for value, label in labels.items()
            if counts.get(value) or value in self.selected
        ]


class YearFacet(Facet):
    """A facet over the year of a date field, filtered by date ranges so its index is used."""

    def __init__(self, parameter, legend, field_name):
        super().__init__(parameter=parameter, legend=legend)
        self.field_name = field_name

    def known_values(self, model):
        return {str(year) for year in range(1900, datetime.date.today().year + 2)}

    def selection_q(self, model):
        q = Q()
        for year in self.selected:
            start = datetime.date(int(year), 1, 1)
            q |= Q(
                **{
                    f"{self.field_name}__gte": start,
                    f"{self.field_name}__lt": start.replace(year=start.year + 1),
                }
            )
        return q

    def counts_queryset(self, model, queryset):
        return (
            queryset.order_by()
            .annotate(facet_year=ExtractYear(self.field_name))
            .values_list("facet_year")
            .annotate(count=Count("pk"))
            .values_list("facet_year", "count")
        )

    def options(self, model, queryset):
        counts = {str(year): count for year, count in self.counts_queryset(model, queryset)}
        counts.update({year: 0 for year in self.selected if year not in counts})
        return [
            FacetOption(year, year, count, year in self.selected)
            for year, count in sorted(counts.items(), reverse=True)
        ]


class FacetedListing:
    """A listing's queryset narrowed by its facets, with the counts and links the form shows."""

    def __init__(self, model, queryset, query_dict):
        self.model = model
        self.facets = [build() for build in model.listing_facets]
        self.ignored_input = False
        for facet in self.facets:
            self.ignored_input |= facet.read(query_dict, facet.known_values(model))
        self.base_queryset = queryset
        self.queryset = self.narrow(queryset)

    @property
    def is_filtered(self):
        return any(facet.selected for facet in self.facets)

    def narrow(self, queryset, except_facet=None):
        for facet in self.facets:
            if facet is not except_facet:
                queryset = facet.filter(queryset)
        return queryset

    def counts_scope(self, facet):
        """What a facet counts in: the listing narrowed by every other facet."""
        return self.narrow(self.base_queryset, except_facet=facet)

    def facet_groups(self):
        """Each facet with its options; a facet's counts ignore its own selection."""
        groups = []
        for facet in self.facets:
            options = facet.options(self.model, self.counts_scope(facet))
            if options:
                groups.append({"facet": facet, "options": options})
        return groups

    def selection_pairs(self):
        return [(facet.parameter, value) for facet in self.facets for value in facet.selected]

    def querystring(self, without=None):
        """The current selection as a query string, optionally without one (parameter, value)."""
        pairs = [pair for pair in self.selection_pairs() if pair != without]
        return f"?{urlencode(pairs)}" if pairs else ""

    def active_filters(self, groups):
        """Removable chips for the selected values, labelled as in the form."""
        labels = {
            (group["facet"].parameter, option.value): option.label
            for group in groups
            for option in group["options"]
        }
        return [
            {
                "label": labels.get(pair, pair[1]),
                "legend": facet.legend,
                "remove_querystring": self.querystring(without=pair),
            }
            for facet in self.facets
            for pair in ((facet.parameter, value) for value in facet.selected)
        ]


def country_facet():
    return CountryFacet()


def publication_kind_facet():
    return ChoiceFacet(parameter="type", legend="Type de publication", field_name="kind")


def publication_year_facet():
    return YearFacet(parameter="annee", legend="Année", field_name="date")
