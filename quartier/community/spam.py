"""Spam protection for public forms without third-party CAPTCHAs.

Three cheap checks: a honeypot field people never see, a time trap (a signed render time:
bots post within a second, people take longer) and a rate limit per client in the cache.
"""

from __future__ import annotations

import time

from django import forms
from django.core import signing
from django.core.cache import cache
from django.http import HttpRequest
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


def client_key(request: HttpRequest) -> str:
    """The account when logged in, else the address (REMOTE_ADDR: set by our proxy)."""
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    return "ip:" + request.META.get("REMOTE_ADDR", "unknown")


def rate_limited(request: HttpRequest, scope: str, limit: int, window: int) -> bool:
    """Count one hit for this client in `scope`; True once it exceeds `limit` per `window` s."""
    key = f"ratelimit:{scope}:{client_key(request)}:{int(time.time() // window)}"
    if cache.add(key, 1, timeout=window):
        return False
    try:
        hits = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        return False
    return hits > limit
