"""The member cities' reference data: places/data/cities.csv, written once from GeoNames
(CC BY 4.0) by scripts/city_reference.py. Cities whose country is not in the list are skipped."""

import csv
from pathlib import Path

from django.db import migrations
from django.utils.text import slugify

from aimf_portal.editorial.text import accent_insensitive_key

REFERENCE = Path(__file__).resolve().parent.parent / "data" / "cities.csv"


def rows():
    with REFERENCE.open(encoding="utf-8") as reference:
        return list(csv.DictReader(reference))


def add_cities(apps, schema_editor):
    City = apps.get_model("places", "City")
    countries = {c.code: c for c in apps.get_model("aimf_portal", "Country").objects.all()}
    for row in rows():
        country = countries.get(row["country_code"])
        if country is not None:
            City.objects.update_or_create(
                name=row["name"],
                defaults={
                    "slug": slugify(row["name"]),
                    "search_key": accent_insensitive_key(row["name"]),
                    "country": country,
                    "latitude": row["latitude"],
                    "longitude": row["longitude"],
                },
            )


def remove_cities(apps, schema_editor):
    City = apps.get_model("places", "City")
    City.objects.filter(name__in=[row["name"] for row in rows()]).delete()


class Migration(migrations.Migration):
    dependencies = [("places", "0001_initial")]

    operations = [migrations.RunPython(add_cities, remove_cities)]
