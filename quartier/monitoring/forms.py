from __future__ import annotations

import datetime as dt

from django import forms
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _

from .figures import CLASS_METHODS
from .models import Area, Indicator, Level, Value

MAX_UPLOAD = 20 * 1024 * 1024


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV-Datei"),
        validators=[FileExtensionValidator(["csv", "txt"])],
        help_text=_(
            "Spalten gebiet;indikator;stichtag;wert;stand;hinweis (deutsches Format, "
            "Dezimalkomma) oder area,indicator,date,value,status,note (Dezimalpunkt). "
            "Geheim gehaltene Werte: „.“, kein Wert: „–“, unsicher: „/“."
        ),
    )
    check_only = forms.BooleanField(
        label=_("Nur prüfen, nichts speichern"), required=False
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("Die Datei ist größer als 20 MB."))
        return upload


class MapForm(forms.Form):
    """The map's choices; each defaults to something sensible, so `/karte/` shows a map."""

    indikator = forms.ChoiceField(label=_("Indikator"), required=False)
    ebene = forms.ChoiceField(label=_("Ebene"), required=False)
    stichtag = forms.ChoiceField(label=_("Stichtag"), required=False)
    klassen = forms.ChoiceField(
        label=_("Klassenbildung"),
        required=False,
        choices=list(CLASS_METHODS.items()),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators = {i.slug: i for i in Indicator.objects.all()}
        self.fields["indikator"].choices = [
            (s, i.name) for s, i in self.indicators.items()
        ]
        levels = set(
            Area.objects.filter(boundary__isnull=False)
            .exclude(level=Level.CITY)
            .values_list("level", flat=True)
            .distinct()
        )
        self.fields["ebene"].choices = [
            (value, label) for value, label in Level.choices if value in levels
        ]
        self.level_default = (
            Level.DISTRICT
            if Level.DISTRICT in levels
            else next(iter(sorted(levels)), None)
        )
        data = self.data if self.is_bound else {}
        slug = (
            data.get("indikator")
            or next((s for s, i in self.indicators.items() if i.is_key), None)
            or next(iter(self.indicators), None)
        )
        level = data.get("ebene") or self.level_default
        dates = (
            list(
                Value.objects.filter(indicator__slug=slug, area__level=level)
                .order_by("-date")
                .values_list("date", flat=True)
                .distinct()
            )
            if slug and level
            else []
        )
        self.fields["stichtag"].choices = [
            (d.isoformat(), d.strftime("%d.%m.%Y")) for d in dates
        ]
        self.defaults = {
            "indikator": slug,
            "ebene": level,
            "stichtag": dates[0].isoformat() if dates else None,
            "klassen": "quantile",
        }
        if not self.is_bound:
            self.initial.update(self.defaults)

    def clean_stichtag(self):
        # A date that the chosen indicator lacks falls back to its latest one.
        value = self.cleaned_data.get("stichtag")
        return value or self.defaults["stichtag"]

    def full_clean(self):
        # Another indicator may lack the date picked before: use its latest instead.
        if self.is_bound:
            data = self.data.copy()
            allowed = {c for c, _ in self.fields["stichtag"].choices}
            if data.get("stichtag") and data["stichtag"] not in allowed:
                data["stichtag"] = self.defaults["stichtag"] or ""
            self.data = data
        super().full_clean()

    def choice(self):
        """(indicator, level, date, method), or None when there is nothing to map."""
        values = self.cleaned_data if self.is_bound else self.defaults
        merged = {k: values.get(k) or self.defaults[k] for k in self.defaults}
        if not all(merged.values()):
            return None
        return (
            self.indicators[merged["indikator"]],
            merged["ebene"],
            dt.date.fromisoformat(merged["stichtag"]),
            merged["klassen"],
        )
