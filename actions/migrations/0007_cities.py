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
    link_free_text_cities(apps, "actions", "ActionPage")


def restore(apps, schema_editor):
    restore_free_text_cities(apps, "actions", "ActionPage")


class Migration(migrations.Migration):
    dependencies = [
        ("actions", "0006_contact_details_block"),
        ("places", "0002_reference_cities"),
    ]

    operations = [
        migrations.CreateModel(
            name="ActionPageCity",
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
                        to="actions.actionpage",
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
            model_name="actionpagecity",
            constraint=models.UniqueConstraint(
                fields=("content_object", "tag"), name="actions_actionpagecity_unique"
            ),
        ),
        migrations.AddField(
            model_name="actionpage",
            name="cities",
            field=modelcluster.contrib.taggit.ClusterTaggableManager(
                blank=True,
                help_text="Au moins une : les villes membres qui portent le projet, par exemple « Dakar ». Elles placent l'action sur la carte.",
                related_name="actions",
                through="actions.ActionPageCity",
                to="places.City",
                verbose_name="villes",
            ),
        ),
        migrations.RunPython(link, restore),
        # A default, so that going back can add the column to the existing rows.
        migrations.AlterField(
            model_name="actionpage",
            name="city",
            field=models.CharField(
                default="",
                help_text="La ville qui porte le projet, par exemple « Dakar ».",
                max_length=100,
                verbose_name="ville",
            ),
        ),
        migrations.RemoveField(model_name="actionpage", name="city"),
    ]
