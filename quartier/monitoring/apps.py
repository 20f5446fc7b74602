from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "quartier.monitoring"
    verbose_name = _("Sozialmonitoring")

    def ready(self) -> None:
        from . import permissions  # noqa: F401 - registers the rules
