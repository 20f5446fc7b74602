from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "quartier.cms"
    verbose_name = _("Redaktion")

    def ready(self) -> None:
        # Imported here, not at the top: models and services need the app registry,
        # which is complete only once ready() runs.
        from quartier.accounts.personal_data import release_before_account_delete
        from quartier.quarters.services import make_page_on_quarter_create

        from .services import feedback_release_for_account, quarter_page_create

        release_before_account_delete(feedback_release_for_account)
        make_page_on_quarter_create(quarter_page_create)
