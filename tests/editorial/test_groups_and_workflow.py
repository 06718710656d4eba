"""The migrations give each editorial group exactly its permissions, and the « Relecture »
workflow to the whole site; both can be undone and replayed."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Collection, GroupApprovalTask, Page, Workflow

from aimf_portal.models import HomePage

from .helpers import EDITEURS, NEWSLETTER, REDACTEURS

MEDIA = {
    "add_image",
    "change_image",
    "choose_image",
    "add_document",
    "change_document",
    "choose_document",
}


def global_permissions(name):
    return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))


def page_permissions(name):
    return set(
        Group.objects.get(name=name).page_permissions.values_list("page_id", "permission__codename")
    )


def collection_permissions(name):
    return set(
        Group.objects.get(name=name).collection_permissions.values_list(
            "collection_id", "permission__codename"
        )
    )


@pytest.mark.django_db
def test_redacteurs_write_and_upload_but_cannot_publish():
    home = HomePage.objects.get()
    root = Collection.get_first_root_node()
    assert global_permissions(REDACTEURS) == {"access_admin"}
    assert page_permissions(REDACTEURS) == {(home.pk, "add_page"), (home.pk, "change_page")}
    assert collection_permissions(REDACTEURS) == {(root.pk, codename) for codename in MEDIA}


@pytest.mark.django_db
def test_editeurs_also_publish_and_lock_but_do_not_bulk_delete():
    home = HomePage.objects.get()
    root = Collection.get_first_root_node()
    assert global_permissions(EDITEURS) == {
        "access_admin",
        "change_sitesettings",
        # The contact form's messages: read and deleted, never written (contact/0002).
        "view_contactmessage",
        "delete_contactmessage",
    }
    assert page_permissions(EDITEURS) == {
        (home.pk, codename)
        for codename in ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
    }
    assert collection_permissions(EDITEURS) == {(root.pk, codename) for codename in MEDIA}


@pytest.mark.django_db
def test_the_newsletter_group_only_reaches_the_newsletter_admin():
    assert global_permissions(NEWSLETTER) == {"access_admin", "manage_newsletter", "send_issue"}
    assert page_permissions(NEWSLETTER) == set()
    assert collection_permissions(NEWSLETTER) == set()


@pytest.mark.django_db
def test_every_page_under_the_home_page_goes_through_relecture_approved_by_editeurs(theme):
    workflow = Workflow.objects.get(name="Relecture")
    assert workflow.active
    [task] = [task.specific for task in workflow.tasks]
    assert isinstance(task, GroupApprovalTask)
    assert list(task.groups.values_list("name", flat=True)) == [EDITEURS]
    assert HomePage.objects.get().get_workflow() == workflow
    assert theme.get_workflow() == workflow


def migrate(targets):
    MigrationExecutor(connection).migrate(targets)


@pytest.fixture
def migrations_put_back():
    """A test that migrates backwards leaves the schema as it found it, for the tests after."""
    yield
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_groups_and_the_workflow_can_be_undone_and_replayed(migrations_put_back):
    migrate([("aimf_portal", "0005_link_block_paths")])
    assert not Group.objects.filter(name__in=[REDACTEURS, EDITEURS, NEWSLETTER]).exists()
    assert not Workflow.objects.filter(name="Relecture").exists()
    assert not GroupApprovalTask.objects.filter(groups__name=EDITEURS).exists()

    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    assert Group.objects.filter(name__in=[REDACTEURS, EDITEURS, NEWSLETTER]).count() == 3
    assert HomePage.objects.get().get_workflow().name == "Relecture"
    assert Page.find_problems() == ([], [], [], [], [])


WAGTAIL_DEFAULT_GROUPS = ["Moderators", "Editors"]


@pytest.mark.django_db
def test_wagtail_s_english_default_groups_and_their_workflow_are_gone():
    assert not Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS).exists()
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not GroupApprovalTask.objects.filter(name="Moderators approval").exists()
    assert set(Workflow.objects.values_list("name", flat=True)) == {"Relecture"}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_default_group_someone_still_belongs_to_is_kept(django_user_model, migrations_put_back):
    migrate([("aimf_portal", "0010_editeurs_edit_site_settings")])
    editors = Group.objects.create(name="Editors")
    django_user_model.objects.create_user(username="ancien").groups.add(editors)
    Group.objects.create(name="Moderators")

    migrate([("aimf_portal", "0011_remove_wagtail_default_groups")])

    assert list(
        Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS).values_list("name", flat=True)
    ) == ["Editors"]
