from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "quartier.community"
    verbose_name = _("Akteure im Quartier")

    def ready(self) -> None:
        from . import permissions  # noqa: F401 - registers the rules
