from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeasuresConfig(AppConfig):
    name = "quartier.measures"
    verbose_name = _("Handlungskonzept und Maßnahmen")

    def ready(self) -> None:
        from . import permissions  # noqa: F401 - registers the rules
