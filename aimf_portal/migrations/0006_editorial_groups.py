"""The editorial team's groups, with exactly the permissions each role needs.

- Rédacteurs: write and edit pages under the home page, upload and choose images and
  documents; they submit for moderation and never publish.
- Éditeurs: the same, plus publish (hence unpublish and schedule), lock and unlock.
- Newsletter: the newsletter admin only.

Permissions are created if missing: Django creates them after the migrations (post_migrate),
so on a fresh database they may not exist yet when this runs.
"""

from django.db import migrations

REDACTEURS = "Rédacteurs"
EDITEURS = "Éditeurs"
NEWSLETTER = "Newsletter"

ACCESS_ADMIN = ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")
MANAGE_NEWSLETTER = (
    "newsletter",
    "subscriber",
    "manage_newsletter",
    "Peut gérer la lettre d'actualités (abonnés, export, textes, effacement)",
)
MEDIA_PERMISSIONS = [
    ("wagtailimages", "image", "add_image", "Can add image"),
    ("wagtailimages", "image", "change_image", "Can change image"),
    ("wagtailimages", "image", "choose_image", "Can choose image"),
    ("wagtaildocs", "document", "add_document", "Can add document"),
    ("wagtaildocs", "document", "change_document", "Can change document"),
    ("wagtaildocs", "document", "choose_document", "Can choose document"),
]
WRITER_PAGE_PERMISSIONS = [
    ("wagtailcore", "page", "add_page", "Add/edit pages you own"),
    ("wagtailcore", "page", "change_page", "Edit any page"),
]
EDITOR_PAGE_PERMISSIONS = [
    *WRITER_PAGE_PERMISSIONS,
    ("wagtailcore", "page", "publish_page", "Publish any page"),
    ("wagtailcore", "page", "lock_page", "Lock/unlock pages you've locked"),
    ("wagtailcore", "page", "unlock_page", "Unlock any page"),
]

GROUPS = {
    REDACTEURS: {
        "global": [ACCESS_ADMIN],
        "pages": WRITER_PAGE_PERMISSIONS,
        "collections": MEDIA_PERMISSIONS,
    },
    EDITEURS: {
        "global": [ACCESS_ADMIN],
        "pages": EDITOR_PAGE_PERMISSIONS,
        "collections": MEDIA_PERMISSIONS,
    },
    NEWSLETTER: {"global": [ACCESS_ADMIN, MANAGE_NEWSLETTER], "pages": [], "collections": []},
}


def get_permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Collection = apps.get_model("wagtailcore", "Collection")
    HomePage = apps.get_model("aimf_portal", "HomePage")

    home = HomePage.objects.order_by("path").first()
    root_collection = Collection.objects.get(depth=1)
    for name, permissions in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(get_permission(apps, *p) for p in permissions["global"])
        if home is not None:
            for spec in permissions["pages"]:
                GroupPagePermission.objects.get_or_create(
                    group=group, page_id=home.pk, permission=get_permission(apps, *spec)
                )
        for spec in permissions["collections"]:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=get_permission(apps, *spec)
            )


def remove_groups(apps, schema_editor):
    # Their page and collection permissions go with them (ON DELETE CASCADE).
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("aimf_portal", "0005_link_block_paths"),
        ("newsletter", "0002_first_consent_text"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
