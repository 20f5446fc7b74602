from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "quartier.participation"
    verbose_name = _("Mitmachen")

    def ready(self) -> None:
        from . import permissions  # noqa: F401 - registers the rules
