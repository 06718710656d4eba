"""The « Newsletter » group sends issues; Rédacteurs and Éditeurs write them (their page
permissions on the home page cover the newsletter's pages) but do not send them.

The permission is created if missing: Django creates permissions after the migrations.
"""

from django.db import migrations

GROUP = "Newsletter"
SEND_ISSUE = ("send_issue", "Peut envoyer la lettre d'actualités aux abonnés")


def send_permission(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="newsletter", model="campaign")
    codename, name = SEND_ISSUE
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def grant(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.add(send_permission(apps))


def revoke(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.remove(send_permission(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0003_campaigns"),
        ("aimf_portal", "0006_editorial_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
