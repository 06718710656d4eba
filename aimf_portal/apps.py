from django.apps import AppConfig


class AimfPortalConfig(AppConfig):
    name = "aimf_portal"
    verbose_name = "Portail AIMF"

    def ready(self):
        # Imported once the models are loaded, as Django's signal handlers must be.
        from aimf_portal.caching import invalidation

        invalidation.connect()
