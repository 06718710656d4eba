"""One faceted listing, used by the theme pages' sections and listings and by search: the
visitor's selection read by a FacetForm, the items it keeps, each facet's counts, the chips
that remove a filter, and the canonical address the page cache may store.

A listing counts and pages from its facet index (listings.facet_index), kept in the cache (and
in each process) until an item is published, moved or unpublished under the listing's page:
any combination of filters then costs one query, the page of items it shows.
"""

from dataclasses import dataclass

from aimf_portal.caching.page_cache import declare_canonical_query
from aimf_portal.caching.site_data import cached_html
from aimf_portal.listings.facet_index import FacetIndex
from aimf_portal.listings.facets import FacetForm
from aimf_portal.listings.pagination import paginate, pagination_links


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


class FacetSelection:
    """The facets of `model` and the values the visitor ticked; counts() says what ticking each
    value would give."""

    def __init__(self, model, query_dict, facets=None, fixed_pairs=()):
        self.model = model
        self.facets = [build() for build in (facets or model.listing_facets)]
        self.form = FacetForm(query_dict, model, self.facets, fixed_pairs)

    @property
    def is_filtered(self):
        return bool(self.form.selection)

    @property
    def ignored_input(self):
        return self.form.ignored_input

    def counts(self, facet):
        """{value: number of items}: what ticking each value would give."""
        raise NotImplementedError

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


class FacetedListing(FacetSelection):
    """`model`'s items in `scope`, narrowed by the facets the visitor ticked. The index is
    named after the listing (`name`, unique among listings of model) and kept until
    `cache_scope` (the address of the page it lists under) or the site changes."""

    def __init__(self, model, scope, query_dict, name, cache_scope, facets=None):
        super().__init__(model, query_dict, facets)
        self.scope = scope
        self.index = self.read_index(name, cache_scope)
        self.selected = self.index.matching(self.form.selection)

    def read_index(self, name, cache_scope):
        parameters = ",".join(facet.parameter for facet in self.facets)
        return cached_html(
            f"facet-index:{self.model._meta.label}:{name}:{parameters}",
            lambda: FacetIndex.build(self.model, self.scope, self.facets),
            scope=cache_scope,
            kept_in_process_too=True,
        )

    @property
    def count(self):
        return self.selected.bit_count()

    def counts(self, facet):
        return self.index.counts(facet, self.index.matching(self.form.selection, facet))

    @property
    def queryset(self):
        """The items kept, as a queryset, for what the index does not hold (the map's counts
        by city): the scope itself when nothing is ticked."""
        if not self.form.selection:
            return self.scope
        return self.scope.filter(pk__in=self.index.pks_between(self.selected, 0, self.count))

    def items_between(self, start, stop):
        """The start-th to the stop-th (excluded) items kept, as with_card_data gives them."""
        pks = self.index.pks_between(self.selected, start, stop)
        return self.model.with_card_data(self.scope.filter(pk__in=pks))

    def items(self):
        return IndexedItems(self)


class IndexedItems:
    """A faceted listing's items as the paginator reads them: counted from the index, fetched a
    page at a time."""

    def __init__(self, listing):
        self.listing = listing

    def count(self):
        return self.listing.count

    def __len__(self):
        return self.listing.count

    def __getitem__(self, page):
        return self.listing.items_between(page.start, page.stop)
