"""What the item apps' migrations to member cities share: the free-text city of each item
mapped to a city of the list (accents and case ignored), and back.

Migrations call these with their historical models (apps.get_model), never the current ones.
"""

import sys

from aimf_portal.editorial.text import accent_insensitive_key


def link_free_text_cities(apps, app_label, model_name):
    """Each item's `city` text linked to the city of that name; says which values matched none."""
    page_model = apps.get_model(app_label, model_name)
    through = apps.get_model(app_label, f"{model_name}City")
    city_model = apps.get_model("places", "City")
    by_key = {accent_insensitive_key(city.name): city for city in city_model.objects.all()}
    links, unmapped = [], {}
    for pk, text in page_model.objects.exclude(city="").values_list("pk", "city"):
        city = by_key.get(accent_insensitive_key(text.strip()))
        if city is None:
            unmapped.setdefault(text, []).append(pk)
        else:
            links.append(through(content_object_id=pk, tag=city))
    through.objects.bulk_create(links)
    for text, pks in sorted(unmapped.items()):
        ids = ", ".join(map(str, pks))
        sys.stdout.write(
            f"\n  {app_label}.{model_name} : ville « {text} » absente de la liste des villes "
            f"membres, non reliée (pages {ids}) ; ajoutez-la puis reliez-la dans l'admin."
        )


def restore_free_text_cities(apps, app_label, model_name):
    """Back to one free-text city per item: the name of its first linked city."""
    page_model = apps.get_model(app_label, model_name)
    through = apps.get_model(app_label, f"{model_name}City")
    names = {}
    for pk, name in through.objects.order_by("pk").values_list("content_object_id", "tag__name"):
        names.setdefault(pk, name)
    pages = list(page_model.objects.filter(pk__in=names))
    for page in pages:
        page.city = names[page.pk][:100]
    page_model.objects.bulk_update(pages, ["city"])
