"""Admin for the quarter teams: fields of action, calls, polls, moderation setting."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.permissions import register_permission_policy

from quartier.quarters.permissions import QuarterScopedPermissionPolicy
from quartier.quarters.viewsets import (
    QuarterScopedEditView,
    QuarterScopedForm,
    QuarterScopedViewSet,
)

from .models import CallForIdeas, Category, Poll, QuarterParticipationSettings

for model in (CallForIdeas, Poll, QuarterParticipationSettings, Category):
    register_permission_policy(model, QuarterScopedPermissionPolicy(model))


class PollSaveMixin:
    def save_instance(self):
        instance = super().save_instance()
        for question in instance.questions.all():
            question.sync_options()
        return instance


class PollCreateView(PollSaveMixin, generic.CreateView):
    pass


class PollEditView(PollSaveMixin, QuarterScopedEditView):
    pass


class CallViewSet(QuarterScopedViewSet):
    model = CallForIdeas
    icon = "help"
    menu_label = _("Ideenaufrufe")
    list_display = ["title", "quarter", "starts_at", "ends_at"]
    list_filter = ["quarter"]
    edit_handler = ObjectList(
        [
            FieldPanel("quarter"),
            FieldPanel("title"),
            FieldPanel("question"),
            FieldPanel("description"),
            FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
            FieldPanel("budget_eur"),
        ],
        base_form_class=QuarterScopedForm,
    )


class PollViewSet(QuarterScopedViewSet):
    model = Poll
    icon = "list-ul"
    menu_label = _("Umfragen")
    add_view_class = PollCreateView
    edit_view_class = PollEditView
    list_display = ["title", "quarter", "starts_at", "ends_at"]
    list_filter = ["quarter"]
    edit_handler = ObjectList(
        [
            FieldPanel("quarter"),
            FieldPanel("title"),
            FieldPanel("description"),
            FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
            FieldRowPanel([FieldPanel("allow_anonymous"), FieldPanel("live_results")]),
            InlinePanel(
                "questions",
                heading=_("Fragen"),
                label=_("Frage"),
                panels=[
                    FieldPanel("text"),
                    FieldPanel("kind"),
                    FieldPanel("option_lines"),
                    FieldPanel("sort_order"),
                ],
            ),
        ],
        base_form_class=QuarterScopedForm,
    )


class CategoryViewSet(QuarterScopedViewSet):
    model = Category
    icon = "tag"
    menu_label = _("Handlungsfelder")
    list_display = ["name", "quarter", "sort_order"]
    edit_handler = ObjectList(
        [FieldPanel("quarter"), FieldPanel("name"), FieldPanel("sort_order")],
        base_form_class=QuarterScopedForm,
    )


class SettingsViewSet(QuarterScopedViewSet):
    model = QuarterParticipationSettings
    icon = "cog"
    menu_label = _("Moderation je Quartier")
    list_display = ["quarter", "moderation"]
    edit_handler = ObjectList(
        [FieldPanel("quarter"), FieldPanel("moderation")],
        base_form_class=QuarterScopedForm,
    )


class ParticipationGroup(ModelViewSetGroup):
    menu_label = _("Mitmachen")
    menu_icon = "group"
    items = (
        CallViewSet("aufrufe"),
        PollViewSet("umfragen"),
        CategoryViewSet("handlungsfelder"),
        SettingsViewSet("moderation"),
    )


@hooks.register("register_admin_viewset")
def register_viewset():
    return ParticipationGroup()
