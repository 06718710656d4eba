"""/robots.txt: where the sitemap is, and what crawlers should leave alone."""

from django.conf import settings
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET


@require_GET
def robots_txt(request):
    context = {
        "admin_path": "/" + settings.ADMIN_URL_PATH.strip("/") + "/",
        "sitemap_url": request.build_absolute_uri("/sitemap.xml"),
    }
    return TemplateResponse(request, "robots.txt", context, content_type="text/plain")
