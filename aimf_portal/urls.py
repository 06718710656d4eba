from django.conf import settings
from django.conf.urls.static import static
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path(settings.ADMIN_URL_PATH, include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("newsletter/", include("newsletter.urls")),
    path("contact/", include("contact.urls")),
    path("villes-membres/", include("places.urls")),
    path("", include("aimf_portal.discovery.urls")),
    path("", include("aimf_portal.operations.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
handler404 = "aimf_portal.operations.error_pages.not_found"
handler500 = "aimf_portal.operations.error_pages.server_error"
