"""Items link to member cities instead of naming a city in free text.

The existing values are mapped to the cities of the list, accents and case ignored; those that
match none are printed (the migration goes on: an editor links them in the admin). Reversible:
going back writes each item's first city as its free text.
"""

import django.db.models.deletion
import modelcluster.contrib.taggit
import modelcluster.fields
from django.db import migrations, models

from places.migration_helpers import link_free_text_cities, restore_free_text_cities


def link(apps, schema_editor):
    link_free_text_cities(apps, "news", "NewsPage")


def restore(apps, schema_editor):
    restore_free_text_cities(apps, "news", "NewsPage")


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0005_contact_details_block"),
        ("places", "0002_reference_cities"),
    ]

    operations = [
        migrations.CreateModel(
            name="NewsPageCity",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "content_object",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="city_items",
                        to="news.newspage",
                    ),
                ),
                (
                    "tag",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="%(app_label)s_%(class)s_items",
                        to="places.city",
                    ),
                ),
            ],
            options={"abstract": False},
        ),
        migrations.AddConstraint(
            model_name="newspagecity",
            constraint=models.UniqueConstraint(
                fields=("content_object", "tag"), name="news_newspagecity_unique"
            ),
        ),
        migrations.AddField(
            model_name="newspage",
            name="cities",
            field=modelcluster.contrib.taggit.ClusterTaggableManager(
                blank=True,
                help_text="Les villes membres dont parle l'actualité, par exemple « Hué » ; facultatives.",
                related_name="news_items",
                through="news.NewsPageCity",
                to="places.City",
                verbose_name="villes",
            ),
        ),
        migrations.RunPython(link, restore),
        migrations.RemoveField(model_name="newspage", name="city"),
    ]
