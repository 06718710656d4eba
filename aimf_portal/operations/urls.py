"""Endpoints for operators and load balancers (health, readiness, security.txt)."""

from django.urls import path

from aimf_portal.operations import health

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path(".well-known/security.txt", health.security_txt, name="security_txt"),
]
