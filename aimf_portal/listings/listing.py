"""One faceted listing, used by the theme pages' sections and listings and by search: the
visitor's selection read by a FacetForm, the items it keeps, each facet's counts, the chips
that remove a filter, and the canonical address the page cache may store.
"""

from dataclasses import dataclass

from aimf_portal.caching.page_cache import declare_canonical_query
from aimf_portal.listings.facets import FacetForm
from aimf_portal.listings.pagination import paginate, pagination_links


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


class FacetedListing:
    """`model`'s items in `queryset`, narrowed by the facets the visitor ticked."""

    def __init__(self, model, queryset, query_dict, facets=None, fixed_pairs=()):
        self.model = model
        self.facets = [build() for build in (facets or model.listing_facets)]
        self.form = FacetForm(query_dict, model, self.facets, fixed_pairs)
        self.base_queryset = queryset
        self.queryset = self.narrow(queryset)

    @property
    def is_filtered(self):
        return bool(self.form.selection)

    @property
    def ignored_input(self):
        return self.form.ignored_input

    def narrow(self, queryset, except_facet=None):
        for facet, values in self.form.selection.items():
            if facet is not except_facet:
                queryset = queryset.filter(facet.selection_q(self.model, values))
        return queryset

    def counts(self, facet):
        """What ticking each value would give: the listing narrowed by every other facet."""
        return facet.counts(self.model, self.narrow(self.base_queryset, except_facet=facet))

    def facet_groups(self):
        """Each facet with the values that have items, or that the visitor ticked (at zero,
        so that sending the form again does not silently drop them)."""
        groups = []
        for facet in self.facets:
            counts = self.counts(facet)
            selected = self.form.selection.get(facet, [])
            options = [
                FacetOption(value, label, counts.get(value, 0), value in selected)
                for value, label in self.form.fields[facet.parameter].known.items()
                if counts.get(value) or value in selected
            ]
            if options:
                groups.append({"facet": facet, "options": options})
        return groups

    def active_filters(self):
        """Removable chips for the selected values, labelled as in the form."""
        return [
            {
                "label": self.form.label(facet, value),
                "legend": facet.legend,
                "remove_querystring": self.form.querystring(without=(facet.parameter, value)),
            }
            for facet, values in self.form.selection.items()
            for value in values
        ]

    def context(self):
        return {
            "facet_groups": self.facet_groups(),
            "active_filters": self.active_filters(),
            "is_filtered": self.is_filtered,
            "ignored_input": self.ignored_input,
            "filter_querystring": self.form.querystring(),
        }

    def paginated_context(self, request, items, per_page):
        """The listing's context with one page of `items`, and its canonical address declared:
        the page cache stores the response only when the request asked for exactly that."""
        page_obj = paginate(request, items, per_page)
        declare_canonical_query(request, self.form.querystring(page_number=page_obj.number))
        return {
            **self.context(),
            "page_obj": page_obj,
            "items": page_obj.object_list,
            "pagination": pagination_links(
                page_obj, lambda number: self.form.querystring(page_number=number)
            ),
        }
