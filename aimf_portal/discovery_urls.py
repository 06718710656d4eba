"""Search, feeds, sitemap and robots.txt: how visitors and machines find the content."""

urlpatterns = []
