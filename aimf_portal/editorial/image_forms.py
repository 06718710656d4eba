"""The media library's image form, in its own module: Wagtail imports it once models are loaded
(importing wagtail.images.forms from models.py would query collections too early)."""

from django.core.exceptions import ValidationError
from wagtail.images.forms import BaseImageForm

# The largest candidates the templates ask for at their smallest width (cards 960 × 600, the
# hero 960 × 480, body images 800 wide): Wagtail never enlarges, so a smaller upload would give
# two srcset candidates of the same width, which is invalid HTML, and a blurred picture.
MIN_WIDTH, MIN_HEIGHT = 1000, 625

ALT_TEXT_HELP = (
    "Ce que l'image montre, pour qui ne la voit pas (lecteur d'écran, image non chargée) : "
    "« Le maire de Hué devant la citadelle restaurée », pas « photo ». Une image purement "
    "décorative se signale sur la page qui l'utilise (« Image décorative »)."
)


class ImageForm(BaseImageForm):
    """The media library's form: the description is the image's alt text, and it is required."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        # Only a new upload carries the opened image; an edit that keeps the file has none.
        opened = getattr(file, "image", None)
        if opened is not None:
            width, height = opened.get_size()
            if width < MIN_WIDTH or height < MIN_HEIGHT:
                raise ValidationError(
                    f"Image trop petite ({width} × {height} pixels) : il faut au moins "
                    f"{MIN_WIDTH} × {MIN_HEIGHT} pixels pour qu'elle reste nette sur tous les "
                    "écrans.",
                    code="image_too_small",
                )
        return file

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
