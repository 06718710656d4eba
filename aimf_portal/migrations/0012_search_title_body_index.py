"""On PostgreSQL, a GIN index on `title || body` of Wagtail's search index: the expression its
backend matches, which neither the title's nor the body's own index can serve. Without it, a
search read the whole table (aimf_portal/discovery/search_index.py)."""

from django.db import migrations

CREATE = (
    "CREATE INDEX IF NOT EXISTS aimf_search_title_body "
    "ON wagtailsearch_indexentry USING gin ((title || body))"
)
DROP = "DROP INDEX IF EXISTS aimf_search_title_body"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("aimf_portal", "0011_remove_wagtail_default_groups"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
