"""The first version of the consent text, so the sign-up form works from the first deployment."""

from django.db import migrations

FIRST_CONSENT_TEXT = (
    "J'accepte que l'AIMF m'envoie par e-mail sa lettre d'actualités, à l'adresse indiquée. "
    "Je peux me désinscrire à tout moment grâce au lien présent dans chaque message."
)


def create_first_version(apps, schema_editor):
    ConsentText = apps.get_model("newsletter", "ConsentText")
    ConsentText.objects.get_or_create(version=1, defaults={"text": FIRST_CONSENT_TEXT})


def remove_first_version_if_unused(apps, schema_editor):
    ConsentText = apps.get_model("newsletter", "ConsentText")
    ConsentText.objects.filter(version=1, consent_events__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("newsletter", "0001_initial")]

    operations = [migrations.RunPython(create_first_version, remove_first_version_if_unused)]
