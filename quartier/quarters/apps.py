from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuartersConfig(AppConfig):
    name = "quartier.quarters"
    verbose_name = _("Quartiere")

    def ready(self) -> None:
        from . import permissions  # noqa: F401 - registers the rules
