"""The country facet of the member cities' directory, over each city's own country, with the
item listings' parameter, legend and choices (the same cached list), so that `?pays=bj` filters
everywhere alike. A few thousand cities need no facet index: the directory narrows and counts
them with two queries (CityDirectory)."""

from django.db.models import Count, Q

from aimf_portal.caching.site_data import cached
from aimf_portal.items.models import Country
from aimf_portal.listings.facets import CountryFacet
from aimf_portal.listings.listing import FacetSelection


class CityCountryFacet(CountryFacet):
    def choices(self, model):
        def build():
            return {
                country.slug: country.name
                for country in Country.sorted_by_name(Country.objects.only("slug", "name"))
            }

        return cached("country-choices", build)

    def selection_q(self, model, values):
        return Q(country__slug__in=values)

    def counts(self, model, queryset):
        return dict(queryset.order_by().values_list("country__slug").annotate(count=Count("pk")))


def city_country_facet():
    return CityCountryFacet()


class CityDirectory(FacetSelection):
    """`cities` (a queryset of City) narrowed by the country the visitor ticked; the counts are
    over every city of `cities`, the country facet being the only one."""

    def __init__(self, cities, query_dict, fixed_pairs=()):
        super().__init__(cities.model, query_dict, [city_country_facet], fixed_pairs)
        self.cities = cities
        facet = self.facets[0]
        ticked = self.form.selection.get(facet)
        self.queryset = cities.filter(facet.selection_q(self.model, ticked)) if ticked else cities

    def counts(self, facet):
        return facet.counts(self.model, self.cities)
