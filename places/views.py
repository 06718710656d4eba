"""/villes-membres/: the directory of member cities (a country facet, a search box, groups by
initial, the map) and each city's page (its news and actions across all themes)."""

from django import forms
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse

from aimf_portal.caching.page_cache import declare_canonical_query
from aimf_portal.discovery.seo import PageMetadata, absolute_url
from aimf_portal.editorial.text import accent_insensitive_key
from aimf_portal.items.models import item_models
from aimf_portal.listings.cards import rendered_cards
from places.facets import CityDirectory
from places.map import city_map, counts_by_city, map_noun, mapped_model
from places.models import CitiesMixin, City

SEARCH_PARAMETER = "q"
# The newest items of each kind a city page shows.
CITY_PAGE_ITEMS = 12


class DirectorySearchForm(forms.Form):
    q = forms.CharField(
        label="Rechercher une ville",
        max_length=100,
        required=False,
        error_messages={"max_length": "Tapez au plus %(limit_value)d caractères."},
    )


def city_item_models():
    return [model for model in item_models() if issubclass(model, CitiesMixin)]


def directory(request):
    form = DirectorySearchForm(request.GET)
    valid = form.is_valid()
    text = form.cleaned_data["q"].strip() if valid else ""
    cities = City.objects.select_related("country")
    if text:
        cities = cities.filter(search_key__contains=accent_insensitive_key(text))
    faceted = CityDirectory(
        cities, request.GET, fixed_pairs=[(SEARCH_PARAMETER, text)] if text else ()
    )
    shown = list(faceted.queryset.order_by("search_key"))
    model = mapped_model()
    counts = counts_by_city(model, model.listing_scope(), faceted.queryset) if shown else {}
    declare_canonical_query(request, faceted.form.querystring())
    groups = {}
    for city in shown:
        groups.setdefault(city.initial, []).append(city)
    context = {
        **faceted.context(),
        "city_labels": {"noun_singular": "ville membre", "noun_plural": "villes membres"},
        "search_form": form,
        "search_text": text,
        "groups": sorted(groups.items()),
        "result_count": len(shown),
        "city_map": city_map(
            "Carte des villes membres",
            [(city, counts.get(city.pk, 0)) for city in shown],
            map_noun(model),
        ),
        "page_metadata": PageMetadata(
            title="Villes membres",
            description="Les villes membres de l'Association internationale des maires "
            "francophones, par pays, sur une carte et de A à Z.",
            canonical_url=absolute_url(request, reverse("places:directory")),
            robots="noindex, follow" if faceted.is_filtered or text else "",
        ),
    }
    return TemplateResponse(request, "places/directory.html", context, status=200 if valid else 400)


def city_page(request, slug):
    city = get_object_or_404(City.objects.select_related("country", "image"), slug=slug)
    sections = []
    for model in city_item_models():
        through = model.cities.through
        linked = through.objects.filter(tag=city).values("content_object_id")
        items = model.with_card_data(model.listing_scope().filter(pk__in=linked))
        shown = list(items[:CITY_PAGE_ITEMS])
        if shown:
            sections.append(
                {
                    "title": model._meta.verbose_name_plural.capitalize(),
                    "slug": model.listing_slug,
                    "cards": rendered_cards(request, model, shown),
                    "more": len(shown) == CITY_PAGE_ITEMS,
                }
            )
    context = {
        "city": city,
        "sections": sections,
        "page_metadata": PageMetadata(
            title=f"{city.name} ({city.country.name})",
            description=city.presentation
            or f"{city.name}, ville membre de l'AIMF ({city.country.name}) : ses actualités "
            "et ses actions.",
            canonical_url=absolute_url(request, city.get_absolute_url()),
        ),
    }
    return TemplateResponse(request, "places/city.html", context)
