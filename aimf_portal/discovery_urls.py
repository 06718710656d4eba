"""Search, feeds, sitemap and robots.txt: how visitors and machines find the content."""

from django.urls import path

from . import search

urlpatterns = [
    path("recherche/", search.search, name="search"),
]
