"""Users of each editorial group the migrations create, logged into their own test clients."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from .helpers import EDITEURS, NEWSLETTER, REDACTEURS


def member_of(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(
        username=username, email=f"{username}@aimf.example", password="x"
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def redacteur(django_user_model):
    return member_of(django_user_model, REDACTEURS, "redacteur")


@pytest.fixture
def editeur(django_user_model):
    return member_of(django_user_model, EDITEURS, "editeur")


@pytest.fixture
def newsletter_user(django_user_model):
    return member_of(django_user_model, NEWSLETTER, "lettre")


@pytest.fixture
def redacteur_client(redacteur):
    return logged_in(redacteur)


@pytest.fixture
def editeur_client(editeur):
    return logged_in(editeur)


@pytest.fixture
def newsletter_client(newsletter_user):
    return logged_in(newsletter_user)
