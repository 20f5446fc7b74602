"""Rate limits in the cache, and the limits of every form that sends mail without a login.

A form anyone may post that makes the portal send mail is a way to flood an inbox or
to mail strangers through us. Each such form is listed in `MAIL_FORM_LIMITS` with a
limit per sender (the account, or the client address) and one per target (the address
or inbox that receives the mail), and calls `mail_form_refused` right before it sends.
A test drives every listed form past both limits; allauth's own mail forms (sign-up,
password reset, confirmation mail) keep allauth's limits, which the same test checks.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass

from allauth.account.adapter import get_adapter
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

TOO_MANY = _("Zu viele Anfragen in kurzer Zeit. Bitte später noch einmal.")


def client_key(request: HttpRequest) -> str:
    """The account when logged in, else the client's address as allauth finds it
    (X-Forwarded-For behind a trusted proxy, see ALLAUTH_TRUSTED_PROXY_COUNT)."""
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    try:
        return "ip:" + get_adapter(request).get_client_ip(request)
    except PermissionDenied:  # no address at all (never from a real server)
        return "ip:unknown"


def hit(key: str, limit: int, window: int) -> bool:
    """Count one hit on `key`; True once it exceeds `limit` within the `window` seconds."""
    key = f"ratelimit:{key}:{int(time.time() // window)}"
    if cache.add(key, 1, timeout=window):
        return limit < 1
    try:
        hits = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        return False
    return hits > limit


def rate_limited(request: HttpRequest, scope: str, limit: int, window: int) -> bool:
    """Count one hit for this client in `scope`; True once it exceeds `limit` per `window` s."""
    return hit(f"{scope}:{client_key(request)}", limit, window)


@dataclass(frozen=True)
class MailFormLimit:
    per_sender: int  # submissions per sender and window
    per_target: int  # mails to one target per window, whoever sends them
    window: int = 3600  # seconds
    target: str = ""  # what the target is, for the docs


MAIL_FORM_LIMITS: dict[str, MailFormLimit] = {
    # Registration by email: the confirmation goes to whatever address is typed in.
    "event-registration": MailFormLimit(
        per_sender=5, per_target=3, target="the email address typed in"
    ),
    # Accessibility and contact form: the city's inbox.
    "feedback": MailFormLimit(per_sender=5, per_target=30, target="the page's inbox"),
    # Enquiry about a vacant unit: relayed to the owner's address.
    "vacancy-enquiry": MailFormLimit(
        per_sender=5, per_target=10, target="the listing's owner"
    ),
}


def mail_form_refused(request: HttpRequest, scope: str, *, target: str) -> bool:
    """Count one mail from form `scope`; True when the sender or the target is past its limit.

    Call it once the form is valid, right before the service that queues the mail. The
    target goes into the cache key only as a hash, so no address is stored there.
    """
    limit = MAIL_FORM_LIMITS[scope]
    if rate_limited(request, f"mail:{scope}", limit.per_sender, limit.window):
        return True
    digest = hashlib.sha256(target.strip().lower().encode()).hexdigest()[:32]
    return hit(f"mail:{scope}:target:{digest}", limit.per_target, limit.window)
