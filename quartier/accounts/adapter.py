"""allauth adapter: where people land after logging in or out stays in their language."""

from allauth.account.adapter import DefaultAccountAdapter
from django.utils.translation import get_language

from quartier.core.i18n import localized_path


class AccountAdapter(DefaultAccountAdapter):
    """LOGIN_REDIRECT_URL is the German "/"; an English login lands on "/en/"."""

    def get_login_redirect_url(self, request):
        return localized_path(super().get_login_redirect_url(request), get_language())

    def get_logout_redirect_url(self, request):
        return localized_path(super().get_logout_redirect_url(request), get_language())

    def get_signup_redirect_url(self, request):
        return localized_path(super().get_signup_redirect_url(request), get_language())
