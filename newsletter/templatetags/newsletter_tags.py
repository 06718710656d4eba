from django import template

from newsletter import privacy
from newsletter.forms import SignupForm

register = template.Library()


@register.inclusion_tag("newsletter/includes/footer_signup.html", takes_context=True)
def newsletter_footer_form(context):
    """The footer sign-up form, left out of the newsletter's own pages (they have theirs)."""
    request = context.get("request")
    if request is not None and getattr(request.resolver_match, "namespace", "") == "newsletter":
        return {"form": None}
    initial = {"source_page": request.path} if request is not None else {}
    form = SignupForm(auto_id="newsletter-footer-%s", initial=initial)
    return {"form": form if form.consent_text else None, "request": request}


@register.simple_tag(takes_context=True)
def privacy_policy_url(context):
    """The privacy policy page the consent text links to, or "" while it does not exist."""
    return privacy.privacy_policy_url(context.get("request"))
