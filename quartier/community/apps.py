from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "quartier.community"
    verbose_name = _("Akteure im Quartier")
