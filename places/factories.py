"""Member cities for tests: CityFactory(name="Hué", country="VN"), and the `cities` of the item
factories, which take names or City objects: ActionPageFactory(cities=["Hué", "Bohicon"]).

A name of the reference list (migrated) is that city; any other is created in Bénin."""

import factory

from aimf_portal.items.factories import member_countries
from places.models import City


class CityFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Ville d'essai {n}")
    country = "BJ"
    latitude = factory.Sequence(lambda n: f"{n % 170 - 85}.5")
    longitude = factory.Sequence(lambda n: f"{n % 350 - 175}.25")

    class Meta:
        model = City
        django_get_or_create = ("name",)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        if isinstance(kwargs.get("country"), str):
            kwargs["country"] = member_countries(kwargs["country"])[0]
        return super()._create(model_class, *args, **kwargs)


def link_cities(page, create, extracted, **kwargs):
    """A factory's `cities` post-generation: the page linked to these cities, in order."""
    if not extracted:
        return
    chosen = [e if isinstance(e, City) else CityFactory(name=e) for e in extracted]
    if create:
        through = page.cities.through
        through.objects.bulk_create([through(content_object=page, tag=c) for c in chosen])
    else:
        page.cities.add(*chosen)
