from django.apps import AppConfig


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = "Lettre d'actualités"

    def ready(self):
        from anymail.signals import tracking

        from .bounces import handle_tracking

        tracking.connect(handle_tracking, dispatch_uid="newsletter-bounces")
