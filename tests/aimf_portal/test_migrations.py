"""Migrations: none missing, and the data migrations can be undone and replayed."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Page, Site

from aimf_portal.items.models import Country
from aimf_portal.models import HomePage


@pytest.mark.django_db
def test_no_model_change_lacks_its_migration():
    output = io.StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=output, stderr=output)
    except SystemExit:
        pytest.fail(f"makemigrations found changes without a migration:\n{output.getvalue()}")


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    # The state the database is now in, as historical models.
    return MigrationExecutor(connection).loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_data_migrations_are_reversible():
    """Back to aimf_portal 0001 (before countries and home page), then forward again."""
    migrated_countries = dict(Country.objects.values_list("code", "name"))
    assert len(migrated_countries) >= 34 and HomePage.objects.count() == 1

    before = migrate([("aimf_portal", "0001_initial")])
    assert before.get_model("aimf_portal", "Country").objects.count() == 0
    assert before.get_model("aimf_portal", "HomePage").objects.count() == 0
    assert not before.get_model("wagtailcore", "Site").objects.exists()
    assert before.get_model("wagtailcore", "Page").objects.get(depth=1).numchild == 0

    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    assert dict(Country.objects.values_list("code", "name")) == migrated_countries
    assert set(Country.objects.values_list("slug", flat=True)) == {
        code.lower() for code in migrated_countries
    }
    home = HomePage.objects.get()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.root_page_id) == ("localhost", home.pk)
    assert (home.title, home.depth, home.live) == ("Accueil", 2, True)
    assert Page.find_problems() == ([], [], [], [], [])
