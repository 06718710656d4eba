"""The association's member countries: the controlled vocabulary of the country facet."""

from django.db import migrations

MEMBER_COUNTRIES = [
    ("AM", "Arménie"),
    ("BE", "Belgique"),
    ("BF", "Burkina Faso"),
    ("BI", "Burundi"),
    ("BJ", "Bénin"),
    ("CA", "Canada"),
    ("CD", "RD Congo"),
    ("CF", "Centrafrique"),
    ("CG", "Congo"),
    ("CH", "Suisse"),
    ("CI", "Côte d'Ivoire"),
    ("CM", "Cameroun"),
    ("DJ", "Djibouti"),
    ("FR", "France"),
    ("GA", "Gabon"),
    ("GN", "Guinée"),
    ("HT", "Haïti"),
    ("KH", "Cambodge"),
    ("KM", "Comores"),
    ("LA", "Laos"),
    ("LB", "Liban"),
    ("LU", "Luxembourg"),
    ("MA", "Maroc"),
    ("MG", "Madagascar"),
    ("ML", "Mali"),
    ("MR", "Mauritanie"),
    ("MU", "Maurice"),
    ("NE", "Niger"),
    ("RO", "Roumanie"),
    ("RW", "Rwanda"),
    ("SC", "Seychelles"),
    ("SN", "Sénégal"),
    ("TD", "Tchad"),
    ("TG", "Togo"),
    ("TN", "Tunisie"),
    ("US", "États-Unis"),
    ("VN", "Vietnam"),
]


def add_countries(apps, schema_editor):
    Country = apps.get_model("aimf_portal", "Country")
    for code, name in MEMBER_COUNTRIES:
        Country.objects.update_or_create(code=code, defaults={"name": name, "slug": code.lower()})


def remove_countries(apps, schema_editor):
    Country = apps.get_model("aimf_portal", "Country")
    Country.objects.filter(code__in=[code for code, _ in MEMBER_COUNTRIES]).delete()


class Migration(migrations.Migration):
    dependencies = [("aimf_portal", "0001_initial")]

    operations = [migrations.RunPython(add_countries, remove_countries)]
