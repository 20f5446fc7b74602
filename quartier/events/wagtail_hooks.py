from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from quartier.quarters.models import Quarter
from quartier.quarters.permissions import QuarterScopedPermissionPolicy, is_city_editor
from quartier.quarters.viewsets import (
    QuarterScopedCopyView,
    QuarterScopedDeleteView,
    QuarterScopedEditView,
    QuarterScopedForm,
    QuarterScopedViewSet,
)

from .models import Event, Language, TargetGroup, Venue, join_codes, split_codes
from .recurrence import validate_rrule
from .services import event_changed, occurrences_sync


class EventPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed to events of the quarters the user's team manages."""

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and user.has_perm(
            "events.manage_event", instance
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, a, instance) for a in actions
        )

    def instances_user_has_any_permission_for(self, user, actions):
        queryset = Event.objects.all()
        if not self.user_has_any_permission(user, actions):
            return queryset.none()
        if is_city_editor(user):
            return queryset
        return queryset.for_team(user)


register_permission_policy(Event, EventPermissionPolicy(Event))
# A venue belongs to the quarter in its `quarter` field, whose team edits it (even when
# other quarters hold events there); a venue without a quarter is shared by all
# quarters and kept by the city editors. Teams choose any venue for their events.
register_permission_policy(Venue, QuarterScopedPermissionPolicy(Venue))


class EventAdminForm(WagtailAdminModelForm):
    """Quarters limited to the user's own; target groups and languages as checkboxes."""

    target_group_codes = forms.MultipleChoiceField(
        label=_("Zielgruppen"),
        choices=TargetGroup.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    language_codes = forms.MultipleChoiceField(
        label=_("Sprachen"),
        choices=Language.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if "quarters" in self.fields and for_user is not None:
            self.fields["quarters"].queryset = Quarter.objects.for_user(for_user)
        self.initial.setdefault(
            "target_group_codes", split_codes(self.instance.target_groups or "")
        )
        self.initial.setdefault(
            "language_codes", split_codes(self.instance.languages or "")
        )

    def clean_rrule(self):
        rule = self.cleaned_data["rrule"].strip().removeprefix("RRULE:")
        if rule:
            try:
                validate_rrule(rule)
            except (ValueError, TypeError) as error:
                raise forms.ValidationError(
                    _("Diese Wiederholungsregel ist kein gültiges RRULE.")
                ) from error
        return rule

    def save(self, commit=True):
        self.instance.target_groups = join_codes(
            self.cleaned_data.get("target_group_codes", [])
        )
        self.instance.languages = join_codes(
            self.cleaned_data.get("language_codes", [])
        )
        return super().save(commit=commit)


class EventCreateView(generic.CreateView):
    def save_instance(self):
        instance = super().save_instance()
        occurrences_sync(event=instance)
        return instance


class EventCopyView(QuarterScopedCopyView):
    def save_instance(self):
        instance = super().save_instance()
        occurrences_sync(event=instance)
        return instance


class EventEditView(QuarterScopedEditView):
    def save_instance(self):
        before = Event.objects.get(pk=self.object.pk)
        instance = super().save_instance()
        occurrences_sync(event=instance)
        event_changed(event=instance, before=before)
        return instance


class EventViewSet(QuarterScopedViewSet):
    model = Event
    icon = "date"
    menu_label = _("Veranstaltungen")
    add_view_class = EventCreateView
    copy_view_class = EventCopyView
    edit_view_class = EventEditView
    delete_view_class = QuarterScopedDeleteView
    list_display = ["title", "starts_at", "category", "status"]
    list_filter = ["status", "category", "quarters"]
    search_fields = ["title"]
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldPanel("description"),
            FieldRowPanel([FieldPanel("status"), FieldPanel("category")]),
            FieldPanel("review_message"),
            FieldPanel("quarters", widget=forms.CheckboxSelectMultiple),
            FieldRowPanel([FieldPanel("venue"), FieldPanel("organisation")]),
            FieldPanel("measure"),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [
                            FieldPanel("starts_at"),
                            FieldPanel("ends_at"),
                            FieldPanel("all_day"),
                        ]
                    ),
                    FieldPanel("rrule"),
                    FieldPanel("exdates"),
                ],
                heading=_("Zeit und Wiederholung"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("target_group_codes"),
                    FieldPanel("language_codes"),
                    FieldRowPanel([FieldPanel("cost_eur"), FieldPanel("cost_note")]),
                    FieldPanel("image"),
                ],
                heading=_("Für wen"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("registration_enabled"),
                    FieldRowPanel(
                        [
                            FieldPanel("capacity"),
                            FieldPanel("registration_deadline_hours"),
                            FieldPanel("waitlist_enabled"),
                        ]
                    ),
                ],
                heading=_("Anmeldung"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("contact_name"),
                    FieldRowPanel(
                        [FieldPanel("contact_email"), FieldPanel("contact_phone")]
                    ),
                ],
                heading=_("Kontakt"),
            ),
            FieldPanel("cancellation_reason"),
        ],
        base_form_class=EventAdminForm,
    )


class VenueViewSet(QuarterScopedViewSet):
    model = Venue
    icon = "site"
    menu_label = _("Veranstaltungsorte")
    list_display = ["name", "street", "quarter", "step_free"]
    list_filter = ["quarter", "step_free"]
    search_fields = ["name", "street"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("street"),
            FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
            FieldPanel("quarter"),
            FieldRowPanel([FieldPanel("longitude"), FieldPanel("latitude")]),
            FieldRowPanel(
                [
                    FieldPanel("step_free"),
                    FieldPanel("accessible_toilet"),
                    FieldPanel("hearing_loop"),
                ]
            ),
            FieldPanel("accessibility_note"),
        ],
        base_form_class=QuarterScopedForm,
    )


class EventsGroup(ModelViewSetGroup):
    menu_label = _("Veranstaltungen")
    menu_icon = "date"
    menu_order = 160
    items = (EventViewSet("event_admin"), VenueViewSet("venue_admin"))


@hooks.register("register_admin_viewset")
def register_viewset():
    return EventsGroup()


class ReviewMenuItem(MenuItem):
    """Teams review submissions on the public site's review page (function views)."""

    def is_shown(self, request):
        return request.user.has_perm("events.review_event")


@hooks.register("register_admin_menu_item")
def register_review_menu_item():
    return ReviewMenuItem(
        _("Einreichungen prüfen"),
        reverse_lazy("events:review_list"),
        icon_name="tasks",
        order=161,
    )
