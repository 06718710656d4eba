"""Endpoints for operators and load balancers (health, readiness, security.txt), and Wagtail's
page password form, throttled (before Wagtail's own address, which it replaces)."""

from django.urls import path

from aimf_portal.operations import health
from aimf_portal.operations.page_passwords import throttled_authenticate_with_password

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path(".well-known/security.txt", health.security_txt, name="security_txt"),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        throttled_authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
]
