"""Search, feeds, sitemap and robots.txt: how visitors and machines find the content."""

from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from . import search
from .feeds import NewsFeed
from .robots import robots_txt


def site_feed(request):
    # A Feed per request: NewsFeed keeps the request to build absolute URLs.
    return NewsFeed()(request)


urlpatterns = [
    path("recherche/", search.search, name="search"),
    path("rss/", site_feed, name="news_feed"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
]
