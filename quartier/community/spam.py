"""Spam protection for public forms without third-party CAPTCHAs.

Two cheap checks: a honeypot field people never see and a time trap (a signed render time:
bots post within a second, people take longer). Limits per account or client are the
services' and `quartier.core.ratelimit`'s.
"""

from __future__ import annotations

import time

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

MIN_SECONDS = 3  # faster than this, nobody has read the form
MAX_SECONDS = 60 * 60 * 24  # an older form is stale: reload it
_SALT = "quartier.community.form-time"


def form_token(now: float | None = None) -> str:
    return signing.dumps(int(now if now is not None else time.time()), salt=_SALT)


class SpamProtectedForm(forms.Form):
    """Mix into a form (first in the bases) to add honeypot and time trap fields."""

    website = forms.CharField(
        required=False,
        label=_("Bitte leer lassen"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    form_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["form_token"] = form_token()

    def clean_website(self) -> str:
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("Dieses Feld bitte leer lassen."))
        return ""

    def clean_form_token(self) -> str:
        token = self.cleaned_data.get("form_token", "")
        try:
            rendered = signing.loads(token, salt=_SALT)
        except signing.BadSignature:
            rendered = None
        age = time.time() - rendered if isinstance(rendered, int) else -1
        if not MIN_SECONDS <= age <= MAX_SECONDS:
            raise forms.ValidationError(
                _(
                    "Das Formular wurde zu schnell oder zu spät gesendet. Bitte noch einmal absenden."
                )
            )
        return token
