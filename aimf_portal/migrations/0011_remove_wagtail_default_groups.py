"""Wagtail's English « Moderators » and « Editors » groups and their « Moderators approval »
workflow go: Rédacteurs, Éditeurs and the « Relecture » workflow (0006, 0007) replace them, and
two sets of look-alike groups would invite putting someone in the wrong one.

A group someone still belongs to is kept, with the workflow, rather than silently taking away
that person's rights. The reverse does nothing: Wagtail's defaults are not needed by anything
here, and recreating them would bring back the confusion this migration removes.
"""

from django.db import migrations

DEFAULT_GROUPS = ["Moderators", "Editors"]
DEFAULT_WORKFLOW = "Moderators approval"


def remove_defaults(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    unused = Group.objects.filter(name__in=DEFAULT_GROUPS, user__isnull=True)
    if unused.filter(name="Moderators").exists():
        # Its page links and steps go with it (ON DELETE CASCADE).
        Workflow.objects.filter(name=DEFAULT_WORKFLOW).delete()
        GroupApprovalTask.objects.filter(name=DEFAULT_WORKFLOW).delete()
    unused.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("aimf_portal", "0010_editeurs_edit_site_settings"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(remove_defaults, migrations.RunPython.noop)]
