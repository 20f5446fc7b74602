from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    Panel,
    TabbedInterface,
)
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permissions import register_permission_policy

from quartier.participation.models import Idea
from quartier.quarters.models import Quarter
from quartier.quarters.permissions import QuarterScopedPermissionPolicy
from quartier.quarters.viewsets import (
    QuarterScopedEditView,
    QuarterScopedForm,
    QuarterScopedViewSet,
)

from .models import ActionField, Address, Goal, Measure
from .services import measure_record_changes, measure_snapshot


class ChangeHistoryPanel(Panel):
    """Read-only: the latest recorded changes of the measure being edited."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "measures/admin/change_history_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            instance = self.instance
            context["changes"] = (
                instance.changes.select_related("changed_by")[:30]
                if instance and instance.pk
                else []
            )
            return context


register_permission_policy(ActionField, QuarterScopedPermissionPolicy(ActionField))
register_permission_policy(Measure, QuarterScopedPermissionPolicy(Measure))


class MeasureForm(QuarterScopedForm):
    """Offers only fields of action and goals of the user's quarters; checks they match."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None:
            quarters = Quarter.objects.for_user(for_user)
            if "action_fields" in self.fields:
                self.fields["action_fields"].queryset = ActionField.objects.filter(
                    quarter__in=quarters
                ).select_related("quarter")
            if "goals" in self.fields:
                self.fields["goals"].queryset = Goal.objects.filter(
                    action_field__quarter__in=quarters
                )
            if "source_ideas" in self.fields:
                self.fields["source_ideas"].queryset = Idea.objects.visible().filter(
                    quarter__in=quarters
                )

    def clean(self):
        cleaned = super().clean()
        quarter = cleaned.get("quarter")
        if quarter is None:
            return cleaned
        for name in ("action_fields", "goals", "source_ideas"):
            wrong = [
                obj
                for obj in cleaned.get(name) or []
                if getattr(obj, "quarter", None) != quarter
            ]
            if wrong:
                self.add_error(
                    name,
                    forms.ValidationError(
                        _("Gehört nicht zu diesem Quartier: %(items)s"),
                        params={"items": ", ".join(str(o) for o in wrong)},
                    ),
                )
        return cleaned


class MeasureCreateView(generic.CreateView):
    def save_instance(self):
        instance = super().save_instance()
        measure_record_changes(measure=instance, before=None, user=self.request.user)
        return instance


class MeasureEditView(QuarterScopedEditView):
    def save_instance(self):
        # The form has already written its values onto the instance: read "before" from the DB.
        before = measure_snapshot(self.object.pk)
        instance = super().save_instance()
        measure_record_changes(measure=instance, before=before, user=self.request.user)
        return instance


class ActionFieldViewSet(QuarterScopedViewSet):
    model = ActionField
    icon = "list-ul"
    menu_label = _("Handlungsfelder und Ziele")
    list_display = ["title", "quarter", "sort_order"]
    list_filter = ["quarter"]
    search_fields = ["title"]
    edit_handler = ObjectList(
        [
            FieldPanel("quarter"),
            FieldPanel("title"),
            FieldPanel("title_en"),
            FieldPanel("description"),
            FieldPanel("sort_order"),
            InlinePanel("goals", heading=_("Ziele"), label=_("Ziel")),
        ],
        base_form_class=QuarterScopedForm,
    )


class MeasureViewSet(QuarterScopedViewSet):
    model = Measure
    icon = "pick"
    menu_label = _("Maßnahmen")
    add_view_class = MeasureCreateView
    edit_view_class = MeasureEditView
    list_display = ["title", "quarter", "status", "progress", "updated_at"]
    list_filter = ["quarter", "status", "action_fields"]
    search_fields = ["title", "summary"]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("quarter"),
                    FieldPanel("title"),
                    FieldPanel("summary"),
                    FieldPanel("description"),
                    FieldPanel("what_changes"),
                    FieldPanel("action_fields"),
                    FieldPanel("goals"),
                    FieldPanel("source_ideas"),
                    FieldRowPanel([FieldPanel("responsible"), FieldPanel("contact")]),
                    FieldRowPanel([FieldPanel("is_published"), FieldPanel("is_demo")]),
                    FieldPanel("sort_order"),
                ],
                heading=_("Inhalt"),
            ),
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("status"), FieldPanel("progress")]),
                    FieldPanel("stop_reason"),
                    MultiFieldPanel(
                        [
                            FieldRowPanel(
                                [
                                    FieldPanel("planned_start"),
                                    FieldPanel("planned_end"),
                                ]
                            ),
                            FieldRowPanel(
                                [FieldPanel("actual_start"), FieldPanel("actual_end")]
                            ),
                        ],
                        heading=_("Zeitraum"),
                    ),
                    InlinePanel(
                        "updates",
                        heading=_("Fortschrittsberichte"),
                        label=_("Bericht"),
                    ),
                ],
                heading=_("Stand und Fortschritt"),
            ),
            ObjectList(
                [
                    InlinePanel(
                        "funding",
                        heading=_("Finanzierung nach Mittelgeber und Jahr"),
                        label=_("Finanzierung"),
                    )
                ],
                heading=_("Kosten"),
            ),
            ObjectList(
                [
                    FieldPanel("location_label"),
                    FieldPanel("location"),
                    FieldRowPanel(
                        [FieldPanel("image_before"), FieldPanel("image_after")]
                    ),
                    InlinePanel(
                        "documents", heading=_("Dokumente"), label=_("Dokument")
                    ),
                ],
                heading=_("Ort, Bilder, Dokumente"),
            ),
            ObjectList(
                [ChangeHistoryPanel(heading=_("Änderungsverlauf"))],
                heading=_("Verlauf"),
            ),
        ],
        base_form_class=MeasureForm,
    )


class AddressViewSet(ModelViewSet):
    """The local street list for the address check; city editors only (model perms)."""

    model = Address
    icon = "site"
    menu_label = _("Adressliste")
    list_display = ["street", "house_number", "postcode"]
    search_fields = ["street"]
    form_fields = ["street", "house_number", "postcode", "longitude", "latitude"]


class MeasuresGroup(ModelViewSetGroup):
    menu_label = _("Handlungskonzept")
    menu_icon = "pick"
    menu_order = 160
    items = (
        MeasureViewSet("measure"),
        ActionFieldViewSet("action_field"),
        AddressViewSet("address"),
    )


@hooks.register("register_admin_viewset")
def register_viewset():
    return MeasuresGroup()
