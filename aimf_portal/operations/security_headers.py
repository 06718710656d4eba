"""Security headers Django's SecurityMiddleware does not send: Permissions-Policy and CSP.

The public site gets a strict Content-Security-Policy: its scripts and styles are external files
(no inline script, no inline style), so nothing needs a nonce. The Wagtail admin, under
settings.ADMIN_URL_PATH, relies on inline scripts and styles: it gets the looser
settings.CSP_ADMIN policy, scoped to its own prefix. Previews, shown in a frame of the admin,
get the public policy with frame-ancestors 'self', so an editor sees what visitors will see.
"""

from django.conf import settings


def _policy(directives):
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + settings.ADMIN_URL_PATH.lstrip("/")
        self.public_policy = _policy(settings.CSP_PUBLIC)
        self.admin_policy = _policy(settings.CSP_ADMIN)
        # What visitors will get, except that the admin may frame it.
        self.preview_policy = _policy({**settings.CSP_PUBLIC, "frame-ancestors": ["'self'"]})
        self.permissions_policy = ", ".join(
            f"{feature}=()" for feature in settings.PERMISSIONS_POLICY_DENIED
        )

    def __call__(self, request):
        response = self.get_response(request)
        if self.permissions_policy:
            response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        if settings.DEBUG and response.status_code >= 400:
            # Django's technical error pages, shown only in development, inline their styles
            # and scripts; they would be unreadable under the strict policy.
            return response
        if getattr(request, "is_dummy", False):
            # Wagtail renders a preview through this middleware with a dummy request for the
            # page's public URL, then shows it in a frame of the admin.
            policy = self.preview_policy
        elif request.path_info.startswith(self.admin_prefix):
            policy = self.admin_policy
        else:
            policy = self.public_policy
        if policy:
            response.headers.setdefault("Content-Security-Policy", policy)
        return response
