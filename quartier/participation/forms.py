from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from quartier.quarters.models import Quarter

from .images import clean_upload
from .models import (
    CallForIdeas,
    Category,
    Comment,
    Idea,
    ModerationAction,
    PollQuestion,
)

SORT_CHOICES = [
    ("neu", _("Neueste zuerst")),
    ("unterstuetzt", _("Meiste Unterstützung")),
    ("diskutiert", _("Meistdiskutiert")),
]


def add_service_error(form: forms.Form, error: ValidationError) -> None:
    """Put a service's ValidationError on `form`: per field where it names one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


class IdeaFilterForm(forms.Form):
    """The GET form above the list: works without JavaScript, htmx swaps the result."""

    quartier = forms.ModelChoiceField(
        Quarter.objects.public(),
        required=False,
        to_field_name="slug",
        label=_("Quartier"),
        empty_label=_("Alle Quartiere"),
    )
    handlungsfeld = forms.ModelChoiceField(
        Category.objects.none(),
        required=False,
        label=_("Handlungsfeld"),
        empty_label=_("Alle Handlungsfelder"),
    )
    stand = forms.ChoiceField(
        choices=[("", _("Jeder Stand")), *Idea.Status.choices],
        required=False,
        label=_("Stand"),
    )
    sortierung = forms.ChoiceField(
        choices=SORT_CHOICES, required=False, label=_("Sortierung")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        slug = self.data.get("quartier")
        quarter = Quarter.objects.filter(slug=slug).first() if slug else None
        self.fields["handlungsfeld"].queryset = Category.for_quarter(quarter)

    def filter(self, queryset):
        data = self.cleaned_data if self.is_valid() else {}
        quarter = data.get("quartier")
        if quarter:
            queryset = queryset.filter(quarter=quarter)
        if data.get("handlungsfeld"):
            queryset = queryset.filter(category=data["handlungsfeld"])
        if data.get("stand"):
            queryset = queryset.filter(status=data["stand"])
        return queryset.sorted_by(data.get("sortierung") or "neu")


class IdeaForm(forms.ModelForm):
    class Meta:
        model = Idea
        fields = ["title", "description", "category", "place", "longitude", "latitude"]
        labels = {
            "place": _("Ort (Straße, Platz oder Gebäude)"),
            "longitude": _("Längengrad (optional)"),
            "latitude": _("Breitengrad (optional)"),
        }
        help_texts = {
            "description": _(
                "Reiner Text. Zeilenumbrüche und Links bleiben erhalten. Höchstens 5.000 Zeichen."
            ),
            "place": _("Zum Beispiel „Spielplatz am Hasepark“. Optional."),
            "longitude": _(
                "Für einen Punkt auf der Karte, z. B. 8.0700. Muss im Quartier liegen."
            ),
            "latitude": _("Zum Beispiel 52.2800."),
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "longitude": forms.NumberInput(
                attrs={"step": "any", "inputmode": "decimal"}
            ),
            "latitude": forms.NumberInput(
                attrs={"step": "any", "inputmode": "decimal"}
            ),
        }

    image = forms.ImageField(
        label=_("Bild (optional)"),
        required=False,
        help_text=_(
            "JPEG, PNG oder WebP, bis 8 MB. Standortdaten im Bild entfernen wir."
        ),
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/webp"}
        ),
    )
    image_alt = forms.CharField(
        label=_("Was zeigt das Bild?"),
        required=False,
        max_length=200,
        help_text=_("Für Menschen, die das Bild nicht sehen können."),
    )

    def __init__(self, *args, quarter: Quarter, **kwargs):
        super().__init__(*args, **kwargs)
        self.quarter = quarter
        self.fields["category"].queryset = Category.for_quarter(quarter)
        self.fields["category"].empty_label = _("Bitte wählen")

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        return clean_upload(upload) if upload else None

    def clean(self):
        data = super().clean()
        lon, lat = data.get("longitude"), data.get("latitude")
        if (lon is None) != (lat is None):
            raise forms.ValidationError(
                _(
                    "Bitte Längen- und Breitengrad zusammen angeben oder beide leer lassen."
                )
            )
        if data.get("image") and not (data.get("image_alt") or "").strip():
            self.add_error(
                "image_alt", _("Bitte beschreiben Sie kurz, was das Bild zeigt.")
            )
        if lon is not None and lat is not None and not self.quarter.contains(lon, lat):
            self.add_error(
                "longitude",
                _(
                    "Der Punkt liegt nicht in %(name)s. Bitte prüfen Sie die Koordinaten."
                )
                % {"name": self.quarter.name},
            )
        return data


class CommentForm(forms.ModelForm):
    class Meta:
        model = Comment
        fields = ["body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 4})}


class FeedbackForm(forms.ModelForm):
    class Meta:
        model = Idea
        fields = ["status", "answer"]
        widgets = {"answer": forms.Textarea(attrs={"rows": 5})}
        help_texts = {
            "answer": _("Bei „nicht möglich“ ist eine Begründung Pflicht."),
        }

    def clean(self):
        data = super().clean()
        if (
            data.get("status") == Idea.Status.NOT_POSSIBLE
            and not (data.get("answer") or "").strip()
        ):
            self.add_error(
                "answer", _("Bitte begründen Sie, warum die Idee nicht möglich ist.")
            )
        return data


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("Was ist das Problem?"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ModerationForm(forms.Form):
    action = forms.ChoiceField(
        choices=ModerationAction.Action.choices, label=_("Aktion")
    )
    reason = forms.CharField(
        label=_("Begründung (wird der Person gezeigt)"), max_length=500, required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        if data.get("action") == ModerationAction.Action.HIDE and not data.get(
            "reason"
        ):
            self.add_error("reason", _("Bitte begründen Sie das Ausblenden."))
        return data


class CallForm(forms.ModelForm):
    class Meta:
        model = CallForIdeas
        fields = [
            "title",
            "question",
            "description",
            "starts_at",
            "ends_at",
            "budget_eur",
        ]


class PollResponseForm(forms.Form):
    """One field per question of the poll."""

    def __init__(self, *args, poll, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(poll.questions.all())
        for question in self.questions:
            name = f"frage_{question.pk}"
            # Hidden options (removed after somebody chose them) are no longer offered.
            options = [
                (o.pk, o.text) for o in question.options.all() if not o.is_hidden
            ]
            if question.kind == PollQuestion.Kind.SINGLE:
                field = forms.TypedChoiceField(
                    choices=options, coerce=int, widget=forms.RadioSelect, required=True
                )
            elif question.kind == PollQuestion.Kind.MULTIPLE:
                field = forms.TypedMultipleChoiceField(
                    choices=options,
                    coerce=int,
                    widget=forms.CheckboxSelectMultiple,
                    required=False,
                )
            else:
                field = forms.CharField(
                    widget=forms.Textarea(attrs={"rows": 3}),
                    max_length=2000,
                    required=False,
                )
            field.label = question.text
            self.fields[name] = field

    def answers(self) -> dict:
        result = {}
        for question in self.questions:
            value = self.cleaned_data.get(f"frage_{question.pk}")
            if question.kind == PollQuestion.Kind.TEXT:
                result[question] = (value or "").strip()
            else:
                ids = value if isinstance(value, list) else [value]
                options = {o.pk: o for o in question.options.all()}
                result[question] = [options[i] for i in ids if i in options]
        return result


class IdeaImageForm(forms.Form):
    """One more picture for an idea, checked and re-encoded like the first."""

    image = forms.ImageField(
        label=_("Weiteres Bild"),
        help_text=_(
            "JPEG, PNG oder WebP, bis 8 MB. Standortdaten im Bild entfernen wir."
        ),
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/webp"}
        ),
    )
    image_alt = forms.CharField(
        label=_("Was zeigt das Bild?"),
        max_length=200,
        help_text=_("Für Menschen, die das Bild nicht sehen können."),
    )

    def clean_image(self):
        return clean_upload(self.cleaned_data["image"])
