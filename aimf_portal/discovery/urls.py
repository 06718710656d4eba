"""Search, feeds, sitemap and robots.txt: how visitors and machines find the content."""

from django.urls import path

from aimf_portal.discovery import search
from aimf_portal.discovery.feeds import ItemFeed, news_model
from aimf_portal.discovery.robots import robots_txt
from aimf_portal.discovery.sitemap import sitemap
from aimf_portal.items.models import THEME_FEED_SLUG


def site_feed(request):
    return ItemFeed(news_model())(request)


urlpatterns = [
    path("recherche/", search.search, name="search"),
    path(f"{THEME_FEED_SLUG}/", site_feed, name="news_feed"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
]
