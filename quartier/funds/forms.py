from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from quartier.core.validators import validate_image_upload, validate_pdf_upload

from .models import Attachment, FundApplication, JuryMember, Vote

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# Checked by content, not by name: the first bytes of each allowed file type.
ALLOWED_UPLOADS = {
    ".pdf": (b"%PDF-",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
}
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
EURO_INPUT = forms.NumberInput(
    attrs={"step": "0.01", "min": "0", "inputmode": "decimal"}
)


class ApplicationForm(forms.ModelForm):
    """The applicant's form. Nothing is required here: a draft may be half done;
    `application_problems` lists what is missing before it can be submitted."""

    class Meta:
        model = FundApplication
        fields = [
            "title",
            "summary",
            "description",
            "category",
            "starts_on",
            "ends_on",
            "applicant_type",
            "organisation",
            "contact_name",
            "contact_phone",
            "address",
            "iban",
            "own_contribution",
        ]
        widgets = {
            "starts_on": DATE_INPUT,
            "ends_on": DATE_INPUT,
            "own_contribution": EURO_INPUT,
            "summary": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 8}),
            # Street, postcode and town: several lines, which street-address means.
            "address": forms.Textarea(
                attrs={"rows": 2, "autocomplete": "street-address"}
            ),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "contact_phone": forms.TextInput(attrs={"autocomplete": "tel"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False
        self.fields["category"].choices = [
            ("", _("Bitte wählen")),
            *FundApplication.Category.choices,
        ]

    def clean_own_contribution(self):
        return self.cleaned_data.get("own_contribution") or Decimal("0.00")

    def clean_applicant_type(self):
        return (
            self.cleaned_data.get("applicant_type")
            or FundApplication.ApplicantType.PERSON
        )

    def clean_iban(self):
        return (self.cleaned_data.get("iban") or "").replace(" ", "").upper()


class CostItemForm(forms.Form):
    description = forms.CharField(label=_("Wofür?"), max_length=200, required=False)
    amount = forms.DecimalField(
        label=_("Betrag (Euro)"),
        max_digits=10,
        decimal_places=2,
        min_value=Decimal("0.01"),
        required=False,
        widget=EURO_INPUT,
    )

    def clean(self):
        data = super().clean()
        description, amount = data.get("description"), data.get("amount")
        if description and amount is None and "amount" not in self.errors:
            self.add_error("amount", _("Bitte einen Betrag angeben."))
        if amount is not None and not description:
            self.add_error("description", _("Bitte angeben, wofür der Betrag ist."))
        return data


class BaseCostItemFormSet(forms.BaseFormSet):
    def items(self) -> list[tuple[str, Decimal]]:
        return [
            (form.cleaned_data["description"], form.cleaned_data["amount"])
            for form in self.forms
            if form.cleaned_data.get("description")
            and form.cleaned_data.get("amount") is not None
        ]


CostItemFormSet = forms.formset_factory(
    CostItemForm, formset=BaseCostItemFormSet, extra=0, max_num=40, validate_max=True
)


class AttachmentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Art der Datei"), choices=Attachment.Kind.choices)
    file = forms.FileField(
        label=_("Datei"),
        help_text=_("PDF, JPG oder PNG, höchstens 10 MB."),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
            }
        ),
    )

    def __init__(self, *args, kinds=None, **kwargs):
        super().__init__(*args, **kwargs)
        if kinds:
            self.fields["kind"].choices = [
                c for c in Attachment.Kind.choices if c[0] in kinds
            ]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Die Datei ist größer als 10 MB."))
        name = upload.name.lower()
        suffix = name[name.rfind(".") :] if "." in name else ""
        signatures = ALLOWED_UPLOADS.get(suffix)
        head = upload.read(8)
        upload.seek(0)
        if not signatures or not head.startswith(signatures):
            raise forms.ValidationError(
                _("Bitte laden Sie eine PDF-, JPG- oder PNG-Datei hoch.")
            )
        # The first bytes alone let a JPEG header followed by PHP through.
        if suffix == ".pdf":
            validate_pdf_upload(upload)
        else:
            validate_image_upload(upload)
        return upload


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Nachricht an die Antragsteller*innen"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )


class DecisionForm(forms.Form):
    class Outcome:
        APPROVE = "approve"
        REJECT = "reject"

    outcome = forms.ChoiceField(
        label=_("Entscheidung"),
        choices=[
            (
                Outcome.APPROVE,
                _("bewilligt (auch mit geringerem Betrag oder Auflagen)"),
            ),
            (Outcome.REJECT, _("abgelehnt")),
        ],
        widget=forms.RadioSelect,
    )
    amount = forms.DecimalField(
        label=_("Bewilligter Betrag (Euro)"),
        max_digits=10,
        decimal_places=2,
        min_value=Decimal("0.01"),
        required=False,
        widget=EURO_INPUT,
    )
    conditions = forms.CharField(
        label=_("Auflagen"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    reason = forms.CharField(
        label=_("Begründung"),
        help_text=_("Bei einer Ablehnung oder Kürzung bitte immer begründen."),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def clean(self):
        data = super().clean()
        if data.get("outcome") == self.Outcome.APPROVE and not data.get("amount"):
            self.add_error("amount", _("Bitte den bewilligten Betrag angeben."))
        if data.get("outcome") == self.Outcome.REJECT and not data.get("reason"):
            self.add_error("reason", _("Bitte begründen Sie die Ablehnung."))
        return data

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "approve": data["outcome"] == self.Outcome.APPROVE,
            "amount": data.get("amount"),
            "conditions": data.get("conditions", ""),
            "reason": data.get("reason", ""),
        }


class MeetingDecisionForm(DecisionForm):
    """One application's line in a meeting record, with the vote counts."""

    outcome = forms.ChoiceField(
        label=_("Entscheidung"),
        choices=[
            ("", _("nicht behandelt")),
            (DecisionForm.Outcome.APPROVE, _("bewilligt")),
            (DecisionForm.Outcome.REJECT, _("abgelehnt")),
        ],
        required=False,
    )
    votes_yes = forms.IntegerField(label=_("Ja"), min_value=0, initial=0)
    votes_no = forms.IntegerField(label=_("Nein"), min_value=0, initial=0)
    votes_abstain = forms.IntegerField(label=_("Enthaltungen"), min_value=0, initial=0)

    def service_kwargs(self) -> dict:
        kwargs = super().service_kwargs()
        data = self.cleaned_data
        kwargs["votes"] = (data["votes_yes"], data["votes_no"], data["votes_abstain"])
        return kwargs


class MeetingForm(forms.Form):
    held_on = forms.DateField(label=_("Sitzung am"), widget=DATE_INPUT)
    attendees = forms.ModelMultipleChoiceField(
        label=_("Anwesende Jurymitglieder"),
        queryset=JuryMember.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    guests = forms.CharField(
        label=_("Weitere Anwesende ohne Stimme"), max_length=300, required=False
    )
    notes = forms.CharField(
        label=_("Protokollnotizen"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )

    def __init__(self, *args, fund, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = fund.jury.select_related("user")


class VoteForm(forms.Form):
    choice = forms.ChoiceField(
        label=_("Ihre Stimme"), choices=Vote.Choice.choices, widget=forms.RadioSelect
    )
    comment = forms.CharField(
        label=_("Kommentar (optional)"), max_length=500, required=False
    )


class ConflictForm(forms.Form):
    note = forms.CharField(label=_("Grund (optional)"), max_length=300, required=False)


class PaymentForm(forms.Form):
    amount = forms.DecimalField(
        label=_("Betrag (Euro)"),
        max_digits=10,
        decimal_places=2,
        min_value=Decimal("0.01"),
        widget=EURO_INPUT,
    )
    paid_on = forms.DateField(label=_("ausgezahlt am"), widget=DATE_INPUT)
    note = forms.CharField(label=_("Vermerk"), max_length=200, required=False)


class ProofForm(forms.Form):
    report = forms.CharField(
        label=_("Kurzbericht"),
        help_text=_("Was ist passiert, wie viele haben mitgemacht, was bleibt?"),
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    spent_total = forms.DecimalField(
        label=_("Tatsächlich ausgegeben (Euro)"),
        max_digits=10,
        decimal_places=2,
        min_value=Decimal("0"),
        widget=EURO_INPUT,
    )
