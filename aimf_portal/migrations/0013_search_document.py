"""On PostgreSQL, the table of discovery.documents.SearchDocument, a lean copy of Wagtail's search
index, filled from what is already indexed. The model is unmanaged: SQLite has no such table."""

import django.contrib.postgres.fields
import django.contrib.postgres.search
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

CREATE = """
CREATE TABLE aimf_search_document (
    page_id integer PRIMARY KEY,
    content_type_id integer NOT NULL,
    path varchar(255) NOT NULL,
    countries bigint[] NOT NULL,
    vector tsvector NOT NULL
)
"""
# Without fastupdate: a publish writes a few rows, and a pending list would have every search
# scan it (10 ms with 30,000 rows freshly inserted, instead of under 1).
INDEX = """
CREATE INDEX aimf_search_document_vector ON aimf_search_document USING gin (vector)
    WITH (fastupdate = off);
ANALYZE aimf_search_document;
"""
ITEMS = {
    "news": ("newspage", "news_newspagecountry"),
    "actions": ("actionpage", "actions_actionpagecountry"),
    "publications": ("publicationpage", "publications_publicationpagecountry"),
}
FILL = """
INSERT INTO aimf_search_document (page_id, content_type_id, path, countries, vector)
SELECT p.id, e.content_type_id, p.path,
       ARRAY(SELECT t.tag_id FROM ({tagged}) t WHERE t.content_object_id = p.id),
       e.title || e.body
FROM wagtailsearch_indexentry e JOIN wagtailcore_page p ON e.object_id = CAST(p.id AS TEXT)
WHERE p.live AND e.content_type_id = ANY(%s)
"""


def create_table(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(CREATE)
    content_type = apps.get_model("contenttypes", "ContentType")
    item_types = [
        content_type.objects.get_or_create(app_label=app_label, model=model)[0].pk
        for app_label, (model, _through) in ITEMS.items()
    ]
    tagged = " UNION ALL ".join(
        f"SELECT content_object_id, tag_id FROM {through}" for _model, through in ITEMS.values()
    )
    schema_editor.execute(FILL.format(tagged=tagged), [item_types])
    schema_editor.execute(INDEX)


def drop_table(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP TABLE IF EXISTS aimf_search_document")


class Migration(migrations.Migration):
    dependencies = [
        ("aimf_portal", "0012_search_title_body_index"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailsearch", "0010_add_text_fields"),
        ("news", "0003_editing_comfort"),
        ("actions", "0004_editing_comfort"),
        ("publications", "0003_editing_comfort"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                (
                    "page",
                    models.OneToOneField(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                ("content_type_id", models.IntegerField()),
                ("path", models.CharField(max_length=255)),
                (
                    "countries",
                    django.contrib.postgres.fields.ArrayField(
                        base_field=models.IntegerField(), size=None
                    ),
                ),
                ("vector", django.contrib.postgres.search.SearchVectorField()),
            ],
            options={
                "db_table": "aimf_search_document",
                "managed": False,
            },
        ),
        migrations.RunPython(create_table, drop_table),
    ]
