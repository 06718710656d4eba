"""The team reads the contact form's messages in the admin: Éditeurs read and delete them,
nobody edits them, Rédacteurs do not see them."""

import pytest
from django.urls import reverse

from contact.models import ContactMessage
from tests.html import parse, text_of

pytestmark = pytest.mark.django_db

INDEX = reverse("messages_de_contact:index")


@pytest.fixture
def message(db):
    return ContactMessage.objects.create(
        name="Awa Diop",
        email="awa.diop@exemple.org",
        subject="presse",
        message="Une interview du président pour notre journal ?",
        consent=True,
    )


def test_editeurs_read_the_messages(editeur_client, message):
    soup = parse(editeur_client.get(INDEX))
    assert "Awa Diop" in text_of(soup.find("main"))
    assert "Presse" in text_of(soup.find("main"))
    inspect = editeur_client.get(reverse("messages_de_contact:inspect", args=[message.pk]))
    assert "Une interview du président" in inspect.content.decode()


def test_editeurs_delete_a_message_and_nobody_edits_one(editeur_client, message):
    delete_url = reverse("messages_de_contact:delete", args=[message.pk])
    assert editeur_client.post(delete_url).status_code == 302
    assert not ContactMessage.objects.exists()
    assert "messages_de_contact/edit" not in editeur_client.get(INDEX).content.decode()


def test_redacteurs_do_not_see_them(redacteur_client, message):
    response = redacteur_client.get(INDEX)
    assert response.status_code in (302, 403)
    assert "Awa Diop" not in response.content.decode()
