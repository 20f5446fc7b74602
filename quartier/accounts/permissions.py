"""Account facts that other apps' rules build on."""

import rules
from allauth.account.models import EmailAddress


@rules.predicate
def is_verified(user) -> bool:
    """Only accounts with a confirmed email address may post, write or apply."""
    if not user or not user.is_authenticated:
        return False
    # Cached on the user object: several rules ask within one request.
    if not hasattr(user, "_quartier_verified"):
        user._quartier_verified = EmailAddress.objects.filter(
            user=user, verified=True
        ).exists()
    return user._quartier_verified
