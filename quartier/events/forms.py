from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from quartier.core.inputs import BoundedDateField
from quartier.core.validators import validate_link
from quartier.quarters.models import Quarter

from .models import (
    BERLIN,
    Category,
    Event,
    Language,
    TargetGroup,
    Venue,
    join_codes,
    split_codes,
)
from .recurrence import validate_rrule


def _occurrence_choice_label(occurrence) -> str:
    """ "11.12.2026, 09:00 Uhr" / "11/12/2026, 09:00": the locale's short format."""
    when = formats.date_format(occurrence.local_start, "SHORT_DATETIME_FORMAT")
    return gettext("%(when)s Uhr") % {"when": when}


class Period:
    TODAY = "heute"
    WEEK = "woche"
    WEEKEND = "wochenende"
    CUSTOM = "zeitraum"
    ARCHIVE = "archiv"
    CHOICES = [
        ("", _("alle kommenden")),
        (TODAY, _("heute")),
        (WEEK, _("diese Woche")),
        (WEEKEND, _("am Wochenende")),
        (CUSTOM, _("eigener Zeitraum")),
        (ARCHIVE, _("vergangene (Archiv)")),
    ]


class EventFilterForm(forms.Form):
    """The GET filters of "Was ist los?"; German parameter names, as in the URL."""

    quartier = forms.ModelChoiceField(
        label=_("Quartier"),
        queryset=Quarter.objects.public(),
        to_field_name="slug",
        required=False,
        empty_label=_("alle Quartiere"),
    )
    wann = forms.ChoiceField(label=_("Wann"), choices=Period.CHOICES, required=False)
    von = BoundedDateField(
        label=_("von"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    bis = BoundedDateField(
        label=_("bis"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    kategorie = forms.ChoiceField(
        label=_("Kategorie"),
        choices=[("", _("alle Kategorien")), *Category.choices],
        required=False,
    )
    fuer = forms.ChoiceField(
        label=_("Für wen"),
        choices=[("", _("alle Zielgruppen")), *TargetGroup.choices],
        required=False,
    )
    sprache = forms.ChoiceField(
        label=_("Sprache"),
        choices=[("", _("alle Sprachen")), *Language.choices],
        required=False,
    )
    kostenlos = forms.BooleanField(label=_("nur kostenlose"), required=False)
    barrierefrei = forms.BooleanField(label=_("nur stufenlose Orte"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("von") and data.get("bis") and data["bis"] < data["von"]:
            self.add_error("bis", _("Das Ende liegt vor dem Anfang."))
        return data

    def window(self, today: dt.date) -> tuple[dt.datetime | None, dt.datetime | None]:
        """The [start, end) of the chosen period in Berlin time; None means open."""

        def at(day: dt.date) -> dt.datetime:
            return dt.datetime.combine(day, dt.time(), BERLIN)

        period = self.cleaned_data.get("wann")
        if period == Period.TODAY:
            return at(today), at(today + dt.timedelta(days=1))
        if period == Period.WEEK:
            monday = today - dt.timedelta(days=today.weekday())
            return at(today), at(monday + dt.timedelta(days=7))
        if period == Period.WEEKEND:
            saturday = today + dt.timedelta(days=(5 - today.weekday()) % 7)
            if today.weekday() == 6:
                saturday = today - dt.timedelta(days=1)
            return at(max(today, saturday)), at(saturday + dt.timedelta(days=2))
        start = self.cleaned_data.get("von")
        end = self.cleaned_data.get("bis")
        return (
            at(start) if start else None,
            at(end + dt.timedelta(days=1)) if end else None,
        )

    def filter(self, occurrences, now: dt.datetime):
        """Apply the filters to an Occurrence queryset (already public)."""
        data = self.cleaned_data
        today = timezone.localdate(now)
        if data.get("wann") == Period.ARCHIVE:
            occurrences = occurrences.past(now).order_by("-starts_at", "-pk")
        else:
            occurrences = occurrences.upcoming(now).order_by("starts_at", "pk")
        start, end = self.window(today)
        if start:
            occurrences = occurrences.filter(ends_at__gt=start)
        if end:
            occurrences = occurrences.filter(starts_at__lt=end)
        if data.get("quartier"):
            occurrences = occurrences.filter(event__quarters=data["quartier"])
        if data.get("kategorie"):
            occurrences = occurrences.filter(event__category=data["kategorie"])
        if data.get("fuer"):
            # "für alle" offers suit every group.
            from django.db.models import Q

            occurrences = occurrences.filter(
                Q(event__target_groups__contains=f",{data['fuer']},")
                | Q(event__target_groups__contains=f",{TargetGroup.EVERYONE},")
            )
        if data.get("sprache"):
            occurrences = occurrences.filter(
                event__languages__contains=f",{data['sprache']},"
            )
        if data.get("kostenlos"):
            from django.db.models import Q

            occurrences = occurrences.filter(
                Q(event__cost_eur__isnull=True) | Q(event__cost_eur=0)
            )
        if data.get("barrierefrei"):
            occurrences = occurrences.filter(event__venue__step_free=True)
        return occurrences


class RegistrationForm(forms.Form):
    termin = forms.TypedChoiceField(label=_("Termin"), coerce=int)
    name = forms.CharField(label=_("Ihr Name"), max_length=100)
    email = forms.EmailField(
        label=_("E-Mail-Adresse"),
        help_text=_("Sie bekommen einen Link, mit dem Sie die Anmeldung bestätigen."),
    )
    seats = forms.IntegerField(
        label=_("Anzahl Personen"), min_value=1, max_value=10, initial=1
    )
    note = forms.CharField(
        label=_("Hinweis (freiwillig)"),
        required=False,
        max_length=500,
        help_text=_("z. B. Rollstuhlplatz, Übersetzung, Kinderbetreuung"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    consent = forms.BooleanField(label=_("Einwilligung"))

    def __init__(self, *args, occurrences, user=None, retention_days=30, **kwargs):
        super().__init__(*args, **kwargs)
        self.occurrences = {occ.pk: occ for occ in occurrences}
        self.fields["termin"].choices = [
            (occ.pk, _occurrence_choice_label(occ)) for occ in occurrences
        ]
        self.fields["consent"].label = _(
            "Ich bin einverstanden, dass meine Angaben nur für diese Veranstaltung "
            "genutzt und %(days)s Tage nach dem Termin gelöscht werden."
        ) % {"days": retention_days}
        if user is not None and user.is_authenticated:
            # The account's address is known and verified: no double opt-in needed.
            del self.fields["name"]
            del self.fields["email"]
        if len(occurrences) == 1:
            self.fields["termin"].widget = forms.HiddenInput()
            self.fields["termin"].initial = occurrences[0].pk

    def clean_termin(self):
        pk = self.cleaned_data["termin"]
        if pk not in self.occurrences:
            raise forms.ValidationError(_("Bitte einen Termin wählen."))
        return self.occurrences[pk]


class ContactAttendeesForm(forms.Form):
    subject = forms.CharField(label=_("Betreff"), max_length=150)
    message = forms.CharField(
        label=_("Nachricht"), widget=forms.Textarea(attrs={"rows": 6})
    )


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Entscheidung"),
        choices=[
            ("approve", _("freigeben")),
            ("changes", _("um Änderungen bitten")),
            ("reject", _("ablehnen")),
        ],
        widget=forms.RadioSelect,
    )
    message = forms.CharField(
        label=_("Nachricht an die Einreichenden"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Pflicht beim Bitten um Änderungen und beim Ablehnen."),
    )

    def clean(self):
        data = super().clean()
        if (
            data.get("decision") in ("changes", "reject")
            and not data.get("message", "").strip()
        ):
            self.add_error("message", _("Bitte schreiben Sie, was fehlt oder warum."))
        return data


class MultipleCodesField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple


class EventSubmitForm(forms.ModelForm):
    """What an organisation submits; the quarter team reviews it before it appears."""

    date = forms.DateField(
        label=_("Datum"), widget=forms.DateInput(attrs={"type": "date"})
    )
    start_time = forms.TimeField(
        label=_("Beginn (Uhrzeit)"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    end_time = forms.TimeField(
        label=_("Ende (Uhrzeit)"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    weekly_until = forms.DateField(
        label=_("Jede Woche wiederholen bis"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leer lassen für einen einzelnen Termin."),
    )
    target_group_codes = MultipleCodesField(
        label=_("Zielgruppen"), choices=TargetGroup.choices, required=False
    )
    language_codes = MultipleCodesField(
        label=_("Sprachen"), choices=Language.choices, initial=["de"]
    )
    quarters = forms.ModelMultipleChoiceField(
        label=_("Quartiere"),
        queryset=Quarter.objects.public(),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Event
        fields = [
            "title",
            "description",
            "organisation",
            "venue",
            "category",
            "cost_eur",
            "cost_note",
            "contact_name",
            "contact_email",
            "contact_phone",
            "registration_enabled",
            "capacity",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = user.organisations.filter(
            memberships__user=user, memberships__verified_at__isnull=False
        )
        self.fields["organisation"].required = True
        self.fields["venue"].queryset = Venue.objects.all()
        if self.instance.pk:
            start = timezone.localtime(self.instance.starts_at, BERLIN)
            end = timezone.localtime(self.instance.ends_at, BERLIN)
            self.initial.update(
                date=start.date(),
                start_time=start.time(),
                end_time=end.time(),
                target_group_codes=split_codes(self.instance.target_groups),
                language_codes=split_codes(self.instance.languages),
                quarters=list(self.instance.quarters.all()),
            )

    def clean(self):
        data = super().clean()
        day, start, end = data.get("date"), data.get("start_time"), data.get("end_time")
        if day and start and end:
            if end <= start:
                self.add_error("end_time", _("Das Ende muss nach dem Beginn liegen."))
            elif day < timezone.localdate():
                self.add_error("date", _("Das Datum liegt in der Vergangenheit."))
        until = data.get("weekly_until")
        if until and day and until <= day:
            self.add_error(
                "weekly_until",
                _("Das Ende der Wiederholung liegt vor dem ersten Termin."),
            )
        return data

    def save(self, commit=True):
        event = super().save(commit=False)
        data = self.cleaned_data
        event.starts_at = dt.datetime.combine(data["date"], data["start_time"], BERLIN)
        event.ends_at = dt.datetime.combine(data["date"], data["end_time"], BERLIN)
        event.target_groups = join_codes(data["target_group_codes"])
        event.languages = join_codes(data["language_codes"])
        if data.get("weekly_until"):
            # RFC 5545: with a TZID start, UNTIL must be given in UTC.
            last = dt.datetime.combine(
                data["weekly_until"], dt.time(23, 59, 59), BERLIN
            )
            event.rrule = f"FREQ=WEEKLY;UNTIL={last.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}"
            validate_rrule(event.rrule)
        else:
            event.rrule = ""
        return event


ICS_MAX_BYTES = 2 * 1024 * 1024


class IcsImportForm(forms.Form):
    """A calendar from a file or from an address (a club's published iCal feed)."""

    file = forms.FileField(label=_("iCal-Datei (.ics)"), required=False)
    url = forms.URLField(
        label=_("oder Adresse eines iCal-Kalenders"),
        required=False,
        assume_scheme="https",
        validators=[validate_link],
        help_text=_("z. B. https://verein.example/termine.ics"),
    )
    quarter = forms.ModelChoiceField(
        label=_("Quartier"), queryset=Quarter.objects.none()
    )
    venue = forms.ModelChoiceField(
        label=_("Ort für alle importierten Termine"), queryset=Venue.objects.all()
    )
    category = forms.ChoiceField(label=_("Kategorie"), choices=Category.choices)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quarter"].queryset = Quarter.objects.for_user(user)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload and upload.size > ICS_MAX_BYTES:
            raise forms.ValidationError(_("Die Datei ist größer als 2 MB."))
        return upload

    def clean(self):
        data = super().clean()
        if bool(data.get("file")) == bool(data.get("url")):
            raise forms.ValidationError(
                _("Bitte entweder eine Datei wählen oder eine Adresse angeben.")
            )
        return data


class OccurrenceMoveForm(forms.Form):
    """Move one date of a series; the others stay as the rule says."""

    date = forms.DateField(
        label=_("Neues Datum"), widget=forms.DateInput(attrs={"type": "date"})
    )
    start_time = forms.TimeField(
        label=_("Beginn"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    end_time = forms.TimeField(
        label=_("Ende"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    note = forms.CharField(
        label=_("Hinweis (geht an alle Angemeldeten)"), max_length=300, required=False
    )

    def clean(self):
        data = super().clean()
        if data.get("start_time") and data.get("end_time"):
            if data["end_time"] <= data["start_time"]:
                self.add_error("end_time", _("Das Ende muss nach dem Beginn liegen."))
        return data

    def times(self) -> tuple[dt.datetime, dt.datetime]:
        data = self.cleaned_data
        return (
            dt.datetime.combine(data["date"], data["start_time"], BERLIN),
            dt.datetime.combine(data["date"], data["end_time"], BERLIN),
        )
