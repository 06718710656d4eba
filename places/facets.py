"""The country facet of the member cities' directory: the listings' facet interface
(aimf_portal.listings.facets) over each city's own country, with the item listings' parameter,
legend and choices (the same cached list), so that `?pays=bj` filters everywhere alike."""

from django.db.models import Count, Q

from aimf_portal.caching.site_data import cached
from aimf_portal.items.models import Country
from aimf_portal.listings.facets import CountryFacet


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
