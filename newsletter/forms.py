import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.signing import BadSignature, SignatureExpired
from django.forms.models import ModelChoiceIterator

from aimf_portal.caching.site_data import public
from aimf_portal.editorial.text import accent_insensitive_key

from .conf import newsletter_setting
from .models import ConsentText, theme_model
from .privacy import normalise_email
from .tokens import form_started_stamp, seconds_since_form_started

# A site path made of slugs: no "@", "." or query string, so no address can hide in the log.
SOURCE_PAGE_PATTERN = re.compile(r"/[\w/-]*")

INVALID_EMAIL_MESSAGE = "Saisissez une adresse e-mail valide, par exemple nom@exemple.org."
HONEYPOT_MESSAGE = (
    "Ce formulaire semble avoir été rempli par un robot : laissez vide le champ « Site web » "
    "et validez à nouveau."
)
MISSING_STAMP_MESSAGE = "Le formulaire est incomplet : rechargez la page et validez à nouveau."
TOO_FAST_MESSAGE = (
    "Vous avez été très rapide : vérifiez vos informations et validez à nouveau dans un instant."
)
EXPIRED_STAMP_MESSAGE = (
    "Ce formulaire a été affiché il y a longtemps : vérifiez vos informations et validez à nouveau."
)
CONSENT_REQUIRED_MESSAGE = (
    "Cochez la case pour donner votre accord : sans lui, nous ne pouvons pas vous inscrire."
)
UNKNOWN_THEME_MESSAGE = "Choisissez les thématiques dans la liste proposée."
STALE_CONSENT_TEXT_MESSAGE = "Ce formulaire n'est plus à jour : rechargez la page."


class ThemeChoiceIterator(ModelChoiceIterator):
    """Themes in the order a French reader expects ("Éducation" before "Environnement")."""

    def __iter__(self):
        themes = sorted(self.queryset, key=lambda theme: accent_insensitive_key(theme.title))
        for theme in themes:
            yield self.choice(theme)


class ThemeChoiceField(forms.ModelMultipleChoiceField):
    iterator = ThemeChoiceIterator

    def label_from_instance(self, obj):
        return obj.title


class AddressForm(forms.Form):
    """An address, with the two traps bots fall into: a field only they fill, and a signed
    timestamp that tells how fast the form came back."""

    email = forms.EmailField(
        label="Adresse e-mail",
        max_length=254,
        error_messages={
            "required": "Indiquez votre adresse e-mail.",
            "invalid": INVALID_EMAIL_MESSAGE,
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    website = forms.CharField(
        label="Site web (laissez ce champ vide)",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(required=False, widget=forms.HiddenInput, initial=form_started_stamp)

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("website"):
            raise ValidationError(HONEYPOT_MESSAGE, code="honeypot")
        try:
            elapsed = seconds_since_form_started(cleaned_data.get("started", ""))
        except SignatureExpired:
            raise ValidationError(EXPIRED_STAMP_MESSAGE, code="expired_stamp") from None
        except BadSignature:
            raise ValidationError(MISSING_STAMP_MESSAGE, code="missing_stamp") from None
        if elapsed < newsletter_setting("MIN_FILL_SECONDS"):
            raise ValidationError(TOO_FAST_MESSAGE, code="too_fast")
        return cleaned_data

    def needs_second_click(self):
        """Whether the only thing wrong is the form's timing: posted faster than a person
        types (a browser's autofill does that), or from a page shown long ago. Such a post
        is not refused: the visitor confirms it with one more click on a fresh form."""
        timing = {"too_fast", "expired_stamp"}
        codes = {error.code for errors in self.errors.as_data().values() for error in errors}
        return bool(codes) and codes <= timing


class SignupForm(AddressForm):
    themes = ThemeChoiceField(
        label="Thématiques qui vous intéressent (facultatif)",
        queryset=None,  # Set per form: public() queries view restrictions.
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": UNKNOWN_THEME_MESSAGE,
            "invalid_pk_value": UNKNOWN_THEME_MESSAGE,
        },
    )
    consent = forms.BooleanField(
        # The template shows the consent text itself as the label; this name is for the error
        # summary.
        label="Accord",
        error_messages={"required": CONSENT_REQUIRED_MESSAGE},
    )
    consent_version = forms.ModelChoiceField(
        queryset=ConsentText.objects.all(),
        to_field_name="version",
        widget=forms.HiddenInput,
        error_messages={
            "required": STALE_CONSENT_TEXT_MESSAGE,
            "invalid_choice": STALE_CONSENT_TEXT_MESSAGE,
        },
    )
    source_page = forms.CharField(required=False, widget=forms.HiddenInput)

    field_order = ["email", "themes", "consent", "website"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = public(theme_model().objects.live())
        # The text shown is always the current one; the hidden version says which one it was.
        # None only if every version was deleted by hand: sign-ups then close, the site stays up.
        self.consent_text = ConsentText.current()

    @classmethod
    def prefilled_from(cls, data, **kwargs):
        """An unbound form showing what a visitor posted, for them to check and send again."""
        posted = cls(data, **kwargs)
        names = ["email", "themes", "consent", "source_page"]
        initial = {name: posted[name].data for name in names if posted[name].data}
        # A stamp still valid is kept: the minimum time then counts from the first display.
        try:
            seconds_since_form_started(posted["started"].data or "")
            initial["started"] = posted["started"].data
        except BadSignature:
            pass
        return cls(initial=initial, **kwargs)

    def clean_source_page(self):
        """The page the form was sent from, kept only if it looks like one of the site's paths."""
        path = self.cleaned_data["source_page"]
        return path if len(path) <= 200 and SOURCE_PAGE_PATTERN.fullmatch(path) else ""


class PreferencesForm(forms.Form):
    """A subscriber's themes, from the link in each issue."""

    themes = ThemeChoiceField(
        label="Thématiques qui vous intéressent",
        queryset=None,  # Set per form: public() queries view restrictions.
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Aucune cochée : vous recevez les numéros destinés à tous les abonnés.",
        error_messages={
            "invalid_choice": UNKNOWN_THEME_MESSAGE,
            "invalid_pk_value": UNKNOWN_THEME_MESSAGE,
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = public(theme_model().objects.live())
