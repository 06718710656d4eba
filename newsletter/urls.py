from django.conf import settings
from django.urls import include, path
from django.views.generic import TemplateView

from . import views

app_name = "newsletter"

urlpatterns = [
    path("", views.signup, name="signup"),
    path("jeton/", views.csrf_token, name="csrf_token"),
    path("merci/", TemplateView.as_view(template_name="newsletter/thanks.html"), name="thanks"),
    path(
        "envoi-differe/",
        TemplateView.as_view(template_name="newsletter/email_delayed.html"),
        name="email_delayed",
    ),
    path("renvoyer/", views.resend, name="resend"),
    path(
        "renvoyer/envoye/",
        TemplateView.as_view(template_name="newsletter/resend_done.html"),
        name="resend_done",
    ),
    path("confirmer/<str:token>/", views.confirm, name="confirm"),
    path("desinscription/<str:token>/", views.unsubscribe_link, name="unsubscribe"),
    path("preferences/<str:token>/", views.preferences, name="preferences"),
]

# The email provider's bounce and complaint webhooks (django-anymail), authenticated by the
# secret they carry: without one, they would be open to anyone, so they do not exist.
if settings.ANYMAIL.get("WEBHOOK_SECRET"):
    urlpatterns.append(path("webhooks/", include("anymail.urls")))
