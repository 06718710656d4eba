"""The Éditeurs read and delete the contact messages (the team's inbox in the admin)."""

from django.db import migrations

GROUP = "Éditeurs"
CODENAMES = ["view_contactmessage", "delete_contactmessage"]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    group = Group.objects.filter(name=GROUP).first()
    if group is None:
        return
    # Django creates permissions after the migrations: get or create them here.
    content_type, _ = ContentType.objects.get_or_create(app_label="contact", model="contactmessage")
    for codename in CODENAMES:
        action = codename.split("_")[0]
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": f"Can {action} message de contact"},
        )
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="contact", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("contact", "0001_initial"),
        ("aimf_portal", "0006_editorial_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
