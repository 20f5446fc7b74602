from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundsConfig(AppConfig):
    name = "quartier.funds"
    verbose_name = _("Verfügungsfonds")

    def ready(self) -> None:
        # Imported here, not at the top: models and services need the app registry,
        # which is complete only once ready() runs.
        from quartier.accounts.personal_data import release_before_account_delete

        from . import permissions  # noqa: F401 - registers the rules
        from .services import applications_release_for_account

        release_before_account_delete(applications_release_for_account)
