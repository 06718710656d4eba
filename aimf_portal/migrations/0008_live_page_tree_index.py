"""On PostgreSQL, an index that answers "the live pages under this theme" from the index alone.

Every listing and facet count starts with the theme's live children (a path prefix and a
depth on wagtailcore_page). Wagtail's own path index finds them but then reads each page's row
to check `live` and `depth`; with 10,000 items per kind that is a thousand scattered reads per
query. This partial, covering index makes it an index-only scan.
"""

from django.db import migrations

CREATE = (
    "CREATE INDEX IF NOT EXISTS aimf_live_page_tree ON wagtailcore_page "
    "(path varchar_pattern_ops) INCLUDE (depth, id) WHERE live"
)
DROP = "DROP INDEX IF EXISTS aimf_live_page_tree"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("aimf_portal", "0007_relecture_workflow")]

    operations = [migrations.RunPython(create_index, drop_index)]
