"""On PostgreSQL, a lean copy of Wagtail's search index: one row per live item, holding its
search vector (title || body, as Wagtail builds them), its countries and its tree path.

Wagtail's index rows also carry their texts (about 1 KB each): ranking thousands of matches
read most of the table. A search and its counts now read one narrow table and join nothing:
privacy is a test on the path, the country facet an array. Rows follow publication, withdrawal
and moves (connected by AimfPortalConfig.ready()); `manage.py rebuild_search_documents` copies
the whole index, after a bulk import (load_demo_content runs it). SQLite has no such table:
its FTS5 index is queried directly (search_index.py).
"""

from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchVectorField
from django.db import connection, models, transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.search import index
from wagtail.signals import page_published, page_unpublished, post_page_move

from aimf_portal.items.models import item_models


class SearchDocument(models.Model):
    page = models.OneToOneField(
        Page, primary_key=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    content_type_id = models.IntegerField()
    path = models.CharField(max_length=255)
    countries = ArrayField(models.BigIntegerField())
    vector = SearchVectorField()

    class Meta:
        # Created by migration 0013 on PostgreSQL only.
        managed = False
        db_table = "aimf_search_document"

    def __str__(self):
        return f"Document de recherche de la page {self.page_id}"


def enabled():
    return connection.vendor == "postgresql"


def copy_from_index(page_ids=None):
    """Rows for the live items among page_ids (all of them if None), from Wagtail's index."""
    models_ = item_models()
    content_types = [ct.pk for ct in ContentType.objects.get_for_models(*models_).values()]
    tagged = " UNION ALL ".join(
        f"SELECT content_object_id, tag_id FROM {model.countries.through._meta.db_table}"
        for model in models_
    )
    only = "AND p.id = ANY(%s)" if page_ids is not None else ""
    sql = (
        "INSERT INTO aimf_search_document (page_id, content_type_id, path, countries, vector) "
        "SELECT p.id, e.content_type_id, p.path, "
        f"ARRAY(SELECT t.tag_id FROM ({tagged}) t WHERE t.content_object_id = p.id), "
        "e.title || e.body FROM wagtailsearch_indexentry e "
        "JOIN wagtailcore_page p ON e.object_id = CAST(p.id AS TEXT) "
        f"WHERE p.live AND e.content_type_id = ANY(%s) {only} "
        "ON CONFLICT (page_id) DO UPDATE SET path = EXCLUDED.path, "
        "countries = EXCLUDED.countries, vector = EXCLUDED.vector"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [content_types, *([list(page_ids)] if page_ids is not None else [])])


def refresh(page):
    """The page's row, as it is now: indexed at once (Wagtail's own update may run later, in a
    background task), then copied; no row if it is not live."""
    SearchDocument.objects.filter(pk=page.pk).delete()
    if page.live and isinstance(page.specific_deferred, tuple(item_models())):
        index.insert_or_update_object(page.specific)
        copy_from_index([page.pk])


def rebuild():
    with transaction.atomic():
        SearchDocument.objects.all().delete()
        copy_from_index()


def on_publication(sender, instance, **kwargs):
    if enabled():
        refresh(instance)


def on_move(sender, instance, **kwargs):
    if enabled():
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE aimf_search_document d SET path = p.path FROM wagtailcore_page p "
                "WHERE p.id = d.page_id AND p.path LIKE %s",
                [instance.path + "%"],
            )


def on_page_deleted(sender, instance, **kwargs):
    # No foreign key to the page: test databases are emptied table by table.
    if isinstance(instance, Page) and enabled():
        SearchDocument.objects.filter(pk=instance.pk).delete()


def on_page_created(sender, instance, created, **kwargs):
    # Code that creates a live item directly sends no page_published; its countries are saved
    # after this signal, in the same transaction.
    if created and isinstance(instance, Page) and instance.live and enabled():
        transaction.on_commit(partial(refresh, instance))


def connect():
    page_published.connect(on_publication, dispatch_uid="aimf-search-published")
    page_unpublished.connect(on_publication, dispatch_uid="aimf-search-unpublished")
    post_page_move.connect(on_move, dispatch_uid="aimf-search-moved")
    post_save.connect(on_page_created, dispatch_uid="aimf-search-page-created")
    post_delete.connect(on_page_deleted, dispatch_uid="aimf-search-page-deleted")
