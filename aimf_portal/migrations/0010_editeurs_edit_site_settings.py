"""Éditeurs may change « Réglages du site » (footer, social links, privacy page); Rédacteurs not."""

import importlib

from django.db import migrations

groups = importlib.import_module("aimf_portal.migrations.0006_editorial_groups")

CHANGE_SITE_SETTINGS = (
    "aimf_portal",
    "sitesettings",
    "change_sitesettings",
    "Can change réglages du site",
)


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permission = groups.get_permission(apps, *CHANGE_SITE_SETTINGS)
    for group in Group.objects.filter(name=groups.EDITEURS):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="aimf_portal", codename="change_sitesettings"
    )
    for group in Group.objects.filter(name=groups.EDITEURS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [("aimf_portal", "0009_site_settings_and_decorative_images")]

    operations = [migrations.RunPython(grant, revoke)]
