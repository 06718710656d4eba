"""Users of each editorial group the migrations create, logged into their own test clients."""

import pytest
from django.test import Client

from .helpers import EDITEURS, NEWSLETTER, REDACTEURS, account


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def redacteur(django_user_model):
    return account(django_user_model, "redacteur", REDACTEURS)


@pytest.fixture
def editeur(django_user_model):
    return account(django_user_model, "editeur", EDITEURS)


@pytest.fixture
def newsletter_user(django_user_model):
    return account(django_user_model, "lettre", NEWSLETTER)


@pytest.fixture
def redacteur_client(redacteur):
    return logged_in(redacteur)


@pytest.fixture
def editeur_client(editeur):
    return logged_in(editeur)


@pytest.fixture
def newsletter_client(newsletter_user):
    return logged_in(newsletter_user)
