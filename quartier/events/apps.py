from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "quartier.events"
    verbose_name = _("Veranstaltungen")

    def ready(self) -> None:
        from . import permissions  # noqa: F401 - registers the rules
