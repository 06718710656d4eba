"""The media library's image form, in its own module: Wagtail imports it once models are loaded
(importing wagtail.images.forms from models.py would query collections too early)."""

from wagtail.images.forms import BaseImageForm

ALT_TEXT_HELP = (
    "Ce que l'image montre, pour qui ne la voit pas (lecteur d'écran, image non chargée) : "
    "« Le maire de Hué devant la citadelle restaurée », pas « photo ». Une image purement "
    "décorative se signale sur la page qui l'utilise (« Image décorative »)."
)


class ImageForm(BaseImageForm):
    """The media library's form: the description is the image's alt text, and it is required."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The multiple uploader's first step has no description field: the page form checks.
        if "description" in self.fields:
            field = self.fields["description"]
            field.required = True
            field.label = "Texte alternatif"
            field.help_text = ALT_TEXT_HELP
            field.error_messages["required"] = (
                "Donnez un texte alternatif : il remplace l'image pour qui ne la voit pas."
            )
