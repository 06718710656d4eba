"""A page protected by a password (Wagtail's « Confidentialité » setting) cannot be guessed at
the server's speed: wrong answers are counted per page and client address."""

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from news.factories import NewsPageFactory

pytestmark = pytest.mark.django_db

PASSWORD = "bureau-2026"


@pytest.fixture
def protected(theme):
    item = NewsPageFactory(parent=theme, title="Compte rendu du bureau", image=None)
    restriction = PageViewRestriction.objects.create(
        page=item, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    url = reverse("wagtailcore_authenticate_with_password", args=(restriction.pk, item.pk))
    return item, url


def answer(client, url, password, address="192.0.2.10"):
    return client.post(url, {"password": password, "return_url": "/"}, REMOTE_ADDR=address)


def test_thirty_wrong_answers_then_the_right_one_is_refused(client, protected, settings):
    item, url = protected
    statuses = [answer(client, url, f"essai-{number}").status_code for number in range(30)]
    assert statuses[: settings.PAGE_PASSWORD_FAILURES] == [200] * settings.PAGE_PASSWORD_FAILURES
    assert set(statuses[settings.PAGE_PASSWORD_FAILURES :]) == {429}
    refused = answer(client, url, PASSWORD)
    assert refused.status_code == 429
    assert refused["Retry-After"] == "900"
    assert "Trop de tentatives" in refused.content.decode()
    assert "Compte rendu du bureau" not in client.get(item.url).content.decode()


def test_another_visitor_is_not_held_back_and_the_right_answer_opens_the_page(client, protected):
    item, url = protected
    for number in range(15):
        answer(client, url, f"essai-{number}")
    assert answer(client, url, PASSWORD, address="198.51.100.7").status_code == 302
    assert "Compte rendu du bureau" in client.get(item.url).content.decode()
