"""Search, feeds, sitemap and robots.txt: how visitors and machines find the content."""

from django.urls import path

from . import search
from .feeds import NewsFeed


def site_feed(request):
    # A Feed per request: NewsFeed keeps the request to build absolute URLs.
    return NewsFeed()(request)


urlpatterns = [
    path("recherche/", search.search, name="search"),
    path("rss/", site_feed, name="news_feed"),
]
