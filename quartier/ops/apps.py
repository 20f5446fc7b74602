from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    name = "quartier.ops"
    verbose_name = _("Betrieb")

    def ready(self):
        from . import signals  # noqa: F401 - connects the task log context
