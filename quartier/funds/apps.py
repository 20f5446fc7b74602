from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundsConfig(AppConfig):
    name = "quartier.funds"
    verbose_name = _("Verfügungsfonds")

    def ready(self) -> None:
        from . import permissions  # noqa: F401 - registers the rules
