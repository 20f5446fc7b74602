from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Feedback


class FeedbackForm(forms.ModelForm):
    # A honeypot: people never see it, simple bots fill it in.
    # Out of the tab order: it sits in an aria-hidden box, and keyboard users must
    # not land in a field they cannot see.
    website = forms.CharField(
        required=False,
        label=_("Bitte leer lassen"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    class Meta:
        model = Feedback
        fields = ["kind", "message", "page_url", "name", "email"]
        widgets = {
            "kind": forms.HiddenInput,
            "message": forms.Textarea(attrs={"rows": 6}),
        }
        labels = {
            "message": _("Ihre Nachricht"),
            "page_url": _("Um welche Seite geht es? (freiwillig)"),
            "name": _("Ihr Name (freiwillig)"),
            "email": _("Ihre E-Mail-Adresse (freiwillig, für eine Antwort)"),
        }

    def clean_website(self) -> str:
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("Dieses Feld bitte leer lassen."))
        return ""
