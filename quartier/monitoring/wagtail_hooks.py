"""Admin for the city's statisticians: areas, indicators, index scheme, value import."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from . import views
from .models import Area, IndexScheme, Indicator
from .permissions import can_import_values


class AreaViewSet(ModelViewSet):
    model = Area
    icon = "site"
    menu_label = _("Gebiete")
    list_display = ["name", "code", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["name", "code"]
    form_fields = [
        "code",
        "name",
        "level",
        "parent",
        "quarter",
        "boundary",
        "boundary_is_schematic",
        "sort_order",
    ]


class IndicatorViewSet(ModelViewSet):
    model = Indicator
    icon = "table"
    menu_label = _("Indikatoren")
    list_display = ["name", "slug", "theme", "unit", "direction", "is_key"]
    list_filter = ["theme", "is_key", "is_computed"]
    search_fields = ["name", "slug"]
    panels = [
        FieldRowPanel(
            [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("slug")]
        ),
        FieldRowPanel([FieldPanel("theme"), FieldPanel("sort_order")]),
        FieldPanel("definition"),
        FieldRowPanel(
            [FieldPanel("unit"), FieldPanel("decimals"), FieldPanel("direction")]
        ),
        MultiFieldPanel(
            [FieldPanel("source"), FieldPanel("source_url"), FieldPanel("licence")],
            heading=_("Quelle und Lizenz"),
        ),
        FieldRowPanel([FieldPanel("is_key"), FieldPanel("is_computed")]),
    ]


class IndexSchemeViewSet(ModelViewSet):
    model = IndexScheme
    icon = "cogs"
    menu_label = _("Index-Verfahren")
    list_display = ["name", "is_default", "period_years"]
    panels = [
        FieldRowPanel(
            [FieldPanel("name"), FieldPanel("slug"), FieldPanel("is_default")]
        ),
        FieldPanel("levels"),
        FieldRowPanel(
            [
                FieldPanel("status_thresholds"),
                FieldPanel("dynamics_thresholds"),
                FieldPanel("period_years"),
            ]
        ),
        InlinePanel("components", heading=_("Indikatoren und Gewichte"), min_num=1),
        FieldPanel("method"),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import_values(request.user)


class ImportViewSet(ViewSet):
    """The upload page with its validation report and the import history."""

    name = "monitoring_import"
    icon = "upload"
    menu_label = _("Werte importieren")
    add_to_admin_menu = False

    @property
    def menu_item_class(self):
        return ImportMenuItem

    @property
    def menu_url(self):
        from django.urls import reverse

        return reverse("monitoring_import:index")

    def get_urlpatterns(self):
        return [path("", views.admin_import, name="index")]


class MonitoringGroup(ModelViewSetGroup):
    menu_label = _("Sozialmonitoring")
    menu_icon = "table"
    menu_order = 180
    items = (
        ImportViewSet(),
        IndicatorViewSet("monitoring_indicator"),
        AreaViewSet("monitoring_area"),
        IndexSchemeViewSet("monitoring_scheme"),
    )


@hooks.register("register_admin_viewset")
def register_viewset():
    return MonitoringGroup()
