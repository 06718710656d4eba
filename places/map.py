"""The map of member cities: country shapes (static/places/world.svg, written by
scripts/world_map.py) under one marker per city, rendered on the server as inline SVG.

Each marker is a link named in words ("Hué, Vietnam : 2 actions"). Cities closer than a few
map units would hide each other: they share one marker, which names them and links to the
directory filtered by their countries. Every city also appears in the list under the map.
"""

import math
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Count
from django.urls import reverse

from aimf_portal.items.models import item_models
from aimf_portal.listings.facets import COUNTRY_PARAMETER
from places.models import City

# Equirectangular projection, cropped to latitudes 84° N to 58° S: map units per degree.
WIDTH = 1000
NORTH, SOUTH = 84, -58
DEGREE = WIDTH / 360
HEIGHT = round((NORTH - SOUTH) * DEGREE)
# Markers whose centres fall in the same square of this side (map units) merge.
CELL = 8
# How many names a merged marker spells out before "et N autres villes".
NAMED_IN_GROUP = 2


def project(latitude, longitude):
    """(x, y) on the map of a point in degrees; north up, Greenwich at the middle."""
    return (float(longitude) + 180) * DEGREE, (NORTH - float(latitude)) * DEGREE


def counted(count, noun):
    """ "aucune action", "1 action", "12 actions": noun is (singular, plural, none)."""
    singular, plural, none = noun
    if count == 0:
        return none
    return f"{count} {singular if count == 1 else plural}"


def coordinate(value):
    """A number as SVG writes it, whatever the language: "632.4", never "632,4"."""
    return f"{value:.1f}"


@dataclass
class Marker:
    """A marker as the SVG writes it: x, y and radius already formatted."""

    x: str
    y: str
    radius: str
    url: str
    label: str
    size: float


@dataclass
class MapEntry:
    """A city with its count, as the list under the map shows it."""

    city: object
    count: int
    label: str
    url: str


def radius(count):
    return min(5 + 1.5 * math.sqrt(count), 14)


def grouped_marker(group, noun, directory_url):
    """One marker for cities too close to tell apart."""
    cities = sorted(group, key=lambda entry: entry.city.search_key)
    total = sum(entry.count for entry in cities)
    names = ", ".join(entry.city.name for entry in cities[:NAMED_IN_GROUP])
    others = len(cities) - NAMED_IN_GROUP
    if others > 0:
        names += f" et {others} autre{'s' if others > 1 else ''} ville{'s' if others > 1 else ''}"
    countries = sorted(
        {entry.city.country.slug: entry.city.country.name for entry in cities}.items()
    )
    query = urlencode([(COUNTRY_PARAMETER, slug) for slug, _name in countries])
    points = [project(entry.city.latitude, entry.city.longitude) for entry in cities]
    size = radius(total)
    return Marker(
        x=coordinate(sum(x for x, _y in points) / len(points)),
        y=coordinate(sum(y for _x, y in points) / len(points)),
        radius=coordinate(size),
        url=f"{directory_url}?{query}",
        label=f"{names} ({', '.join(name for _slug, name in countries)}) : {counted(total, noun)}",
        size=size,
    )


@dataclass
class CityMap:
    title: str
    entries: list
    noun: tuple
    directory_url: str
    width = WIDTH
    height = HEIGHT

    @property
    def total(self):
        return sum(entry.count for entry in self.entries)

    def description(self):
        cities = len(self.entries)
        return (
            f"{cities} ville{'s' if cities > 1 else ''}, {counted(self.total, self.noun)}. "
            "Chaque point est un lien vers la ville ; la liste qui suit la carte donne les "
            "mêmes informations."
        )

    def markers(self):
        cells = {}
        for entry in self.entries:
            x, y = project(entry.city.latitude, entry.city.longitude)
            cells.setdefault((int(x // CELL), int(y // CELL)), []).append(entry)
        markers = []
        for group in cells.values():
            if len(group) > 1:
                markers.append(grouped_marker(group, self.noun, self.directory_url))
                continue
            entry = group[0]
            x, y = project(entry.city.latitude, entry.city.longitude)
            size = radius(entry.count)
            markers.append(
                Marker(coordinate(x), coordinate(y), coordinate(size), entry.url, entry.label, size)
            )
        # The biggest underneath: the small ones stay clickable.
        return sorted(markers, key=lambda marker: -marker.size)


def city_map(title, cities_with_counts, noun):
    """The map of (city, count) pairs; cities need their country (select_related)."""
    directory_url = reverse("places:directory")
    entries = [
        MapEntry(
            city,
            count,
            f"{city.name}, {city.country.name} : {counted(count, noun)}",
            f"{directory_url}{city.slug}/",
        )
        for city, count in cities_with_counts
    ]
    return CityMap(title=title, entries=entries, noun=noun, directory_url=directory_url)


def mapped_model():
    """The kind of item the maps count (the actions)."""
    return next(model for model in item_models() if model.shown_on_map)


def counts_by_city(model, items, cities=None):
    """{city pk: number of `items` (a queryset of `model`) linked to it}, in one query;
    only for `cities` (a queryset) if given."""
    links = model.cities.through.objects.filter(content_object__in=items.order_by().values("pk"))
    if cities is not None:
        links = links.filter(tag__in=cities.order_by().values("pk"))
    return dict(links.order_by().values_list("tag").annotate(count=Count("content_object_id")))


def map_noun(model):
    singular, plural = model._meta.verbose_name, model._meta.verbose_name_plural
    return singular, plural, f"aucune {singular}"


def map_of_items(model, items, title):
    """The map of the cities `items` (a queryset of `model`) link to, with their counts."""
    counts = counts_by_city(model, items)
    cities = City.objects.filter(pk__in=counts).select_related("country").order_by("search_key")
    pairs = [(city, counts[city.pk]) for city in cities]
    return city_map(title, pairs, map_noun(model))
