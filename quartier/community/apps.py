from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "quartier.community"
    verbose_name = _("Akteure im Quartier")

    def ready(self) -> None:
        # Imported here, not at the top: models and services need the app registry,
        # which is complete only once ready() runs.
        from quartier.accounts.personal_data import release_before_account_delete

        from . import permissions  # noqa: F401 - registers the rules
        from .services import community_release_for_account

        release_before_account_delete(community_release_for_account)
