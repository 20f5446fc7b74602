from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permissions import register_permission_policy

from .models import District, FundingProgramme, Office, Quarter
from .permissions import QuarterScopedPermissionPolicy
from .services import quarter_create
from .viewsets import QuarterScopedForm, QuarterScopedViewSet

register_permission_policy(
    Quarter, QuarterScopedPermissionPolicy(Quarter, quarter_field="")
)
register_permission_policy(Office, QuarterScopedPermissionPolicy(Office))


class QuarterCreateView(generic.CreateView):
    def save_instance(self):
        # A new quarter needs its team group, media collection and page: one service.
        quarter = quarter_create(quarter=self.form.save(commit=False))
        self.form.save_m2m()
        return quarter


class QuarterViewSet(QuarterScopedViewSet):
    model = Quarter
    icon = "globe"
    menu_label = _("Quartiere")
    add_to_admin_menu = False
    add_view_class = QuarterCreateView
    list_display = ["name", "kind", "status", "area_ha"]
    list_filter = ["kind", "status"]
    search_fields = ["name"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("name"),
                    FieldPanel("short_name"),
                    FieldPanel("slug"),
                    FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
                    FieldPanel("sort_order"),
                ],
                heading=_("Name und Art"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [
                            FieldPanel("area_ha"),
                            FieldPanel("inhabitants"),
                            FieldPanel("started_year"),
                        ]
                    ),
                    FieldRowPanel(
                        [
                            FieldPanel("inhabitants_note"),
                            FieldPanel("inhabitants_note_en"),
                        ]
                    ),
                    FieldPanel("budget_eur"),
                    FieldRowPanel(
                        [FieldPanel("budget_note"), FieldPanel("budget_note_en")]
                    ),
                    FieldPanel("facts_source"),
                    FieldPanel("districts"),
                ],
                heading=_("Eckdaten"),
            ),
            InlinePanel(
                "programmes", heading=_("Förderprogramme"), label=_("Förderzeitraum")
            ),
            MultiFieldPanel(
                [FieldPanel("boundary"), FieldPanel("boundary_is_schematic")],
                heading=_("Gebiet"),
            ),
            InlinePanel("team_members", heading=_("Team"), label=_("Person")),
            FieldPanel("team", permission="quarters.add_quarter"),
        ]
    )


class OfficeViewSet(QuarterScopedViewSet):
    model = Office
    icon = "home"
    menu_label = _("Büros und Treffpunkte")
    list_display = ["name", "quarter", "kind", "status"]
    list_filter = ["quarter", "status"]
    edit_handler = ObjectList(
        [
            FieldPanel("quarter"),
            FieldPanel("name"),
            FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
            MultiFieldPanel(
                [
                    FieldPanel("street"),
                    FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                    FieldRowPanel([FieldPanel("longitude"), FieldPanel("latitude")]),
                ],
                heading=_("Adresse"),
            ),
            MultiFieldPanel(
                [FieldPanel("phone"), FieldPanel("email")], heading=_("Kontakt")
            ),
            FieldRowPanel(
                [FieldPanel("accessibility"), FieldPanel("accessibility_en")]
            ),
            FieldRowPanel([FieldPanel("note"), FieldPanel("note_en")]),
            FieldRowPanel([FieldPanel("opened_on"), FieldPanel("closed_on")]),
            InlinePanel(
                "hours", heading=_("Öffnungs- und Sprechzeiten"), label=_("Zeit")
            ),
            InlinePanel("closures", heading=_("Schließzeiten"), label=_("Schließzeit")),
        ],
        base_form_class=QuarterScopedForm,
    )


class DistrictViewSet(ModelViewSet):
    model = District
    icon = "table"
    menu_label = _("Stadtteile")
    list_display = ["number", "name", "inhabitants"]
    form_fields = [
        "number",
        "name",
        "inhabitants",
        "inhabitants_as_of",
        "area_ha",
        "source",
    ]


class FundingProgrammeViewSet(ModelViewSet):
    model = FundingProgramme
    icon = "tag"
    menu_label = _("Förderprogramme")
    form_fields = ["name", "funder", "url"]


class QuartersGroup(ModelViewSetGroup):
    menu_label = _("Quartiere")
    menu_icon = "globe"
    menu_order = 150
    items = (
        QuarterViewSet("quarters"),
        OfficeViewSet("offices"),
        DistrictViewSet("districts"),
        FundingProgrammeViewSet("programmes"),
    )


@hooks.register("register_admin_viewset")
def register_viewset():
    return QuartersGroup()
