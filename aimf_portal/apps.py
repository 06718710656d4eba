from django.apps import AppConfig


class AimfPortalConfig(AppConfig):
    name = "aimf_portal"
    verbose_name = "Portail AIMF"
