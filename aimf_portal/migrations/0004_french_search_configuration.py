"""On PostgreSQL, a French full-text configuration that also ignores accents.

"patrimoines" finds "patrimoine" (French stemming) and "Hue" finds "Hué" (unaccent before
stemming). SQLite has no such configuration: there the search backend's own path applies.
"""

from django.db import migrations

CONFIGURATION = "french_unaccent"

CREATE = f"""
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{CONFIGURATION}') THEN
        CREATE TEXT SEARCH CONFIGURATION {CONFIGURATION} (COPY = french);
        ALTER TEXT SEARCH CONFIGURATION {CONFIGURATION}
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
    END IF;
END
$$;
"""

DROP = f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIGURATION};"


def create_configuration(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_configuration(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("aimf_portal", "0003_home_page")]

    operations = [migrations.RunPython(create_configuration, drop_configuration)]
