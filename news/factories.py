import datetime

import factory

from aimf_portal.items.factories import ItemPageFactory, paragraph_body
from news.models import NewsPage
from places.factories import link_cities


class NewsPageFactory(ItemPageFactory):
    title = factory.Sequence(lambda n: f"Actualité {n}")
    date = factory.Sequence(lambda n: datetime.date(2025, 1, 1) + datetime.timedelta(days=n))
    body = factory.LazyFunction(paragraph_body)
    cities = factory.PostGeneration(link_cities)

    class Meta:
        model = NewsPage
