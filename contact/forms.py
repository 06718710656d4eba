from django import forms

from .antibot import form_started_stamp
from .models import ContactMessage

HONEYPOT_MESSAGE = (
    "Ce formulaire semble avoir été rempli par un robot : laissez vide le champ « Site web » "
    "et envoyez à nouveau."
)
CONSENT_LABEL = (
    "J'accepte que l'AIMF conserve ce message et mes coordonnées pour me répondre (un an au plus)."
)


class ContactForm(forms.ModelForm):
    website = forms.CharField(
        label="Site web (laissez ce champ vide)",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = ContactMessage
        fields = ["name", "email", "subject", "message", "consent"]
        labels = {
            "name": "Votre nom",
            "email": "Votre adresse e-mail",
            "subject": "Objet",
            "message": "Votre message",
            "consent": CONSENT_LABEL,
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
            "subject": forms.RadioSelect,
            "message": forms.Textarea(attrs={"rows": 8}),
        }
        error_messages = {
            "name": {"required": "Indiquez votre nom."},
            "email": {
                "required": "Indiquez votre adresse e-mail, pour que nous puissions vous répondre.",
                "invalid": "Saisissez une adresse e-mail valide, par exemple nom@exemple.org.",
            },
            "subject": {
                "required": "Choisissez l'objet de votre message.",
                "invalid_choice": "Choisissez l'un des objets proposés.",
            },
            "message": {
                "required": "Écrivez votre message.",
                "max_length": "Votre message dépasse 5 000 caractères : raccourcissez-le.",
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject"].choices = ContactMessage.Subject.choices
        self.fields["consent"].required = True
        self.fields["consent"].error_messages["required"] = (
            "Cochez la case : sans votre accord, nous ne pouvons pas garder votre message pour "
            "vous répondre."
        )
        self.fields["message"].widget.attrs["maxlength"] = 5000
        self.initial.setdefault("started", form_started_stamp())

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("website"):
            raise forms.ValidationError(HONEYPOT_MESSAGE, code="honeypot")
        return cleaned_data

    def with_fresh_stamp(self):
        """The same answers, unbound, with a new stamp: the form shown again for a second
        click."""
        initial = {name: self[name].value() for name in self.Meta.fields}
        return ContactForm(initial={**initial, "started": form_started_stamp()})
