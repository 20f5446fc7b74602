"""Admin for the quarter teams: fields of action, calls, polls, moderation setting."""

import re

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
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

from .models import (
    CallForIdeas,
    Category,
    Poll,
    PollOption,
    QuarterParticipationSettings,
)
from .services import poll_question_options_update

for model in (CallForIdeas, Poll, QuarterParticipationSettings, Category):
    register_permission_policy(model, QuarterScopedPermissionPolicy(model))


OPTION_LINE = re.compile(r"^\[(\d+)\]\s*(.*)$")


class PollQuestionForm(WagtailAdminModelForm):
    """One question of a poll; its options as lines, existing ones marked "[id]".

    The options are edited as text because Wagtail cannot nest inline panels. The "[id]"
    ties a line to its option, so changing the text after it renames the option and
    keeps its votes; see `poll_question_options_update` for what a removed line does.
    """

    options = forms.CharField(
        label=_("Antwortmöglichkeiten"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Eine je Zeile; bei Freitext leer lassen. Die Nummer in eckigen Klammern "
            "gehört zu einer bestehenden Antwortmöglichkeit: Text dahinter ändern "
            "heißt umbenennen. Eine Zeile löschen entfernt sie, oder blendet sie nur "
            "aus, wenn schon jemand sie gewählt hat: Stimmen gehen nie verloren."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            options = list(self.instance.options.all())
            self.initial.setdefault(
                "options",
                "\n".join(f"[{o.pk}] {o.text}" for o in options if not o.is_hidden),
            )
            hidden = [f"[{o.pk}] {o.text}" for o in options if o.is_hidden]
            if hidden:
                self.fields["options"].help_text = format_lazy(
                    "{} {}",
                    self.fields["options"].help_text,
                    _("Ausgeblendet (mit Nummer wieder eintragen zum Zeigen): %s")
                    % "; ".join(hidden),
                )

    def clean_kind(self):
        kind = self.cleaned_data["kind"]
        if (
            self.instance.pk
            and kind != self.instance.kind
            and self.instance.answers.exists()
        ):
            raise forms.ValidationError(
                _("Die Art einer Frage mit Antworten lässt sich nicht mehr ändern.")
            )
        return kind

    def clean_options(self):
        """(pk or None, text) per line; a pk must be one of this question's options."""
        own = (
            set(self.instance.options.values_list("pk", flat=True))
            if self.instance.pk
            else set()
        )
        entries, seen = [], set()
        for line in self.cleaned_data["options"].splitlines():
            line = line.strip()
            if not line:
                continue
            pk, text = None, line
            if match := OPTION_LINE.match(line):
                pk, text = int(match[1]), match[2].strip()
                if pk not in own or pk in seen:
                    raise forms.ValidationError(
                        _("[%(pk)s] ist keine Antwortmöglichkeit dieser Frage.")
                        % {"pk": pk}
                    )
                seen.add(pk)
            if not text:
                raise forms.ValidationError(_("Jede Zeile braucht einen Text."))
            if len(text) > PollOption._meta.get_field("text").max_length:
                raise forms.ValidationError(
                    _("Eine Antwortmöglichkeit hat höchstens 200 Zeichen.")
                )
            entries.append((pk, text))
        return entries


class PollForm(QuarterScopedForm):
    """Refuses to delete a question somebody has answered (its answers would go)."""

    def clean(self):
        cleaned = super().clean()
        questions = self.formsets.get("questions")
        for form in questions.forms if questions else []:
            delete = forms.BooleanField().to_python(
                form.data.get(form.add_prefix("DELETE"))
            )
            if delete and form.instance.pk and form.instance.answers.exists():
                raise forms.ValidationError(
                    _(
                        "Die Frage „%(question)s“ hat schon Antworten und bleibt: "
                        "Antworten aus der Nachbarschaft werden nie gelöscht."
                    )
                    % {"question": form.instance.text}
                )
        return cleaned


class QuestionsPanel(InlinePanel):
    """The questions inline, with PollQuestionForm as the form of each question."""

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["form"] = PollQuestionForm
        return options


class PollSaveMixin:
    def save_instance(self):
        instance = super().save_instance()
        for form in self.form.formsets["questions"].forms:
            if form in self.form.formsets["questions"].deleted_forms:
                continue
            if form.instance.pk and "options" in getattr(form, "cleaned_data", {}):
                poll_question_options_update(
                    question=form.instance, entries=form.cleaned_data["options"]
                )
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
    # A copy would carry the original's questions (and so its votes) in its form.
    copy_view_enabled = False
    list_display = ["title", "quarter", "starts_at", "ends_at"]
    list_filter = ["quarter"]
    edit_handler = ObjectList(
        [
            FieldPanel("quarter"),
            FieldPanel("title"),
            FieldPanel("description"),
            FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
            FieldRowPanel([FieldPanel("allow_anonymous"), FieldPanel("live_results")]),
            QuestionsPanel(
                "questions",
                heading=_("Fragen"),
                label=_("Frage"),
                panels=[
                    FieldPanel("text"),
                    FieldPanel("kind"),
                    FieldPanel("options"),
                    FieldPanel("sort_order"),
                ],
            ),
        ],
        base_form_class=PollForm,
    )


class CategoryViewSet(QuarterScopedViewSet):
    model = Category
    icon = "tag"
    menu_label = _("Handlungsfelder")
    list_display = ["name", "quarter", "sort_order"]
    edit_handler = ObjectList(
        [
            FieldPanel("quarter"),
            FieldPanel("name"),
            FieldPanel("name_en"),
            FieldPanel("sort_order"),
        ],
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
