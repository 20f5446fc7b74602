from django.apps import AppConfig
from django.urls import register_converter
from django.utils.translation import gettext_lazy as _

from .inputs import IdConverter


class CoreConfig(AppConfig):
    name = "quartier.core"
    verbose_name = _("Grundlagen")

    def ready(self):
        # `<id:pk>` instead of `<int:pk>` in every URLconf: an id beyond 64 bits is a
        # 404, not a 500. Registered here, before any URLconf is imported.
        register_converter(IdConverter, "id")
