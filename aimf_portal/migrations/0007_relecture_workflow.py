"""The « Relecture » moderation workflow: an Éditeur approves what a Rédacteur submits.

Linked to the home page, so it covers every theme and every item, including themes created
later; it takes precedence over Wagtail's default workflow on the tree's root.
"""

from django.db import migrations

WORKFLOW = "Relecture"
TASK = "Relecture par un éditeur"
EDITEURS = "Éditeurs"


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    HomePage = apps.get_model("aimf_portal", "HomePage")

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=TASK, defaults={"content_type": task_type, "active": True}
    )
    task.groups.set(Group.objects.filter(name=EDITEURS))
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    home = HomePage.objects.order_by("path").first()
    if home is not None:
        WorkflowPage.objects.update_or_create(page_id=home.pk, defaults={"workflow": workflow})


def remove_workflow(apps, schema_editor):
    # Its page link, steps and past moderation states go with it (ON DELETE CASCADE).
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW).delete()
    apps.get_model("wagtailcore", "GroupApprovalTask").objects.filter(name=TASK).delete()


class Migration(migrations.Migration):
    dependencies = [("aimf_portal", "0006_editorial_groups")]

    operations = [migrations.RunPython(create_workflow, remove_workflow)]
