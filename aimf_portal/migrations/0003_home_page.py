"""Replace Wagtail's "Welcome" page with the association's home page as the site root."""

from django.db import migrations
from django.utils.timezone import now

HOME_TITLE = "Accueil"
TREEBEARD_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
HOME_INTRO = (
    "<p>L'Association internationale des maires francophones relie des villes d'Europe, "
    "d'Afrique, des Amériques et d'Asie autour de projets concrets.</p>"
)


def create_home_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Locale = apps.get_model("wagtailcore", "Locale")
    HomePage = apps.get_model("aimf_portal", "HomePage")

    if HomePage.objects.exists():
        return
    Page.objects.filter(depth=2, content_type__app_label="wagtailcore", numchild=0).delete()
    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="aimf_portal")
    root = Page.objects.get(depth=1)
    last_sibling = Page.objects.filter(depth=2).order_by("-path").first()
    next_step = int(last_sibling.path[-4:], 36) + 1 if last_sibling else 1
    step_digits = ""
    while next_step:
        next_step, digit = divmod(next_step, 36)
        step_digits = TREEBEARD_ALPHABET[digit] + step_digits
    home = HomePage.objects.create(
        title=HOME_TITLE,
        draft_title=HOME_TITLE,
        slug="accueil",
        content_type=content_type,
        path=root.path + step_digits.rjust(4, "0"),
        depth=2,
        numchild=0,
        url_path="/accueil/",
        intro=HOME_INTRO,
        locale=Locale.objects.get_or_create(language_code="fr")[0],
        live=True,
        # A publication date, so the sitemap gives the home page a lastmod like every page.
        first_published_at=now(),
        last_published_at=now(),
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.filter(is_default_site=True).delete()
    Site.objects.create(
        hostname="localhost", port=80, root_page_id=home.pk, is_default_site=True, site_name="AIMF"
    )


def remove_home_page(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    HomePage = apps.get_model("aimf_portal", "HomePage")
    for home in HomePage.objects.all():
        Site.objects.filter(root_page_id=home.pk).delete()
        Page.objects.filter(path__startswith=home.path).delete()
    root = Page.objects.get(depth=1)
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])


class Migration(migrations.Migration):
    dependencies = [
        ("aimf_portal", "0002_member_countries"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_home_page, remove_home_page)]
