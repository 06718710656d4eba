"""/robots.txt: where the sitemap is, and what crawlers should leave alone.

The admin is not named: its address (ADMIN_URL_PATH) is kept out of sight on purpose, and its
pages say `noindex` themselves."""

from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_GET


@require_GET
def robots_txt(request):
    context = {"sitemap_url": request.build_absolute_uri(reverse("sitemap"))}
    return TemplateResponse(request, "robots.txt", context, content_type="text/plain")
