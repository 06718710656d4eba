from django import template
from django.template.loader import render_to_string

from aimf_portal.caching.site_data import cached_html
from newsletter import privacy
from newsletter.forms import SignupForm
from newsletter.tokens import form_started_stamp

register = template.Library()


def footer_fields(request):
    """The footer form's fields but the two hidden ones that differ on every page view; "" while
    sign-ups are closed (no consent text)."""
    form = SignupForm(auto_id="newsletter-footer-%s")
    if not form.consent_text:
        return ""
    context = {"form": form, "collapse_themes": True, "submit_label": "Je m'abonne"}
    return render_to_string("newsletter/includes/signup_fields.html", context, request)


@register.inclusion_tag("newsletter/includes/footer_signup.html", takes_context=True)
def newsletter_footer_form(context):
    """The footer sign-up form, left out of the newsletter's own pages (they have theirs).

    Its fields (the themes, the consent text) change with the site: they are rendered once per
    change (cached_html); only the time the form was shown and the page it is on are per view.
    """
    request = context.get("request")
    if request is not None and getattr(request.resolver_match, "namespace", "") == "newsletter":
        return {"fields": ""}
    return {
        "fields": cached_html("newsletter-footer-fields", lambda: footer_fields(request)),
        "started": form_started_stamp(),
        "source_page": request.path if request is not None else "",
    }


@register.simple_tag(takes_context=True)
def privacy_policy_url(context):
    """The privacy policy page the consent text links to, or "" while it does not exist."""
    return privacy.privacy_policy_url(context.get("request"))
