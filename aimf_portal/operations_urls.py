"""Endpoints for operators and load balancers (health, readiness, security.txt)."""

urlpatterns = []
