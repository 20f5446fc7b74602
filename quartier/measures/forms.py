from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import ActionField, Measure


class MeasureFilterForm(forms.Form):
    """GET filters of the measure list: field of action, status, year."""

    feld = forms.ModelChoiceField(
        label=_("Handlungsfeld"),
        queryset=ActionField.objects.none(),
        required=False,
        empty_label=_("alle"),
    )
    stand = forms.ChoiceField(label=_("Stand"), required=False)
    jahr = forms.TypedChoiceField(
        label=_("Jahr"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, quarter, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["feld"].queryset = ActionField.objects.filter(quarter=quarter)
        # One quarter's fields: the title alone, in the page's language.
        self.fields["feld"].label_from_instance = lambda field: field.label
        self.fields["stand"].choices = [("", _("alle")), *Measure.Status.choices]
        this_year = timezone.localdate().year
        first = quarter.started_year or this_year - 10
        self.fields["jahr"].choices = [("", _("alle"))] + [
            (year, str(year)) for year in range(this_year + 5, first - 1, -1)
        ]

    def filter(self, measures):
        if not self.is_valid():
            return measures
        data = self.cleaned_data
        if data.get("feld"):
            measures = measures.filter(action_fields=data["feld"])
        if data.get("stand"):
            measures = measures.filter(status=data["stand"])
        if data.get("jahr"):
            measures = measures.active_in_year(data["jahr"])
        return measures


class AddressCheckForm(forms.Form):
    adresse = forms.CharField(
        label=_("Straße und Hausnummer"),
        max_length=200,
        help_text=_("z. B. Tannenburgstraße 61"),
        # One line: "street-address" is only valid on a multi-line field.
        widget=forms.TextInput(attrs={"autocomplete": "address-line1"}),
    )
