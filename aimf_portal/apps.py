from django.apps import AppConfig


class AimfPortalConfig(AppConfig):
    name = "aimf_portal"
    verbose_name = "Portail AIMF"

    def ready(self):
        # Imported once the models are loaded, as Django's signal handlers must be.
        from django.db.models.signals import pre_save
        from wagtail.images import get_image_model

        from aimf_portal.caching import invalidation
        from aimf_portal.discovery import documents
        from aimf_portal.editorial.image_privacy import strip_metadata_from_new_files
        from newsletter.signals import issue_sent

        invalidation.connect()
        # An issue that starts going out joins the archive: what shows it is stale, as when a
        # page is published.
        issue_sent.connect(invalidation.on_publication, dispatch_uid="aimf-cache-issue-sent")
        documents.connect()
        pre_save.connect(strip_metadata_from_new_files, sender=get_image_model())
