import datetime

import factory

from aimf_portal.items.factories import ItemPageFactory, paragraph_body
from news.models import NewsPage


class NewsPageFactory(ItemPageFactory):
    title = factory.Sequence(lambda n: f"Actualité {n}")
    date = factory.Sequence(lambda n: datetime.date(2025, 1, 1) + datetime.timedelta(days=n))
    city = "Hué"
    body = factory.LazyFunction(paragraph_body)

    class Meta:
        model = NewsPage
