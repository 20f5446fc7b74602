"""Filters (GET, no JavaScript needed) and the public forms, all spam protected."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from quartier.core.validators import validate_pdf_upload
from quartier.quarters.models import Quarter

from .models import (
    HelpPost,
    HelpPostReport,
    Language,
    Membership,
    Opportunity,
    Organisation,
    OrganisationHours,
    TargetGroup,
    Vacancy,
    VacancyEnquiry,
)
from .spam import SpamProtectedForm


def _quarter_field():
    return forms.ModelChoiceField(
        Quarter.objects.public(),
        required=False,
        label=_("Quartier"),
        empty_label=_("Alle Quartiere"),
        to_field_name="slug",
    )


class FilterForm(forms.Form):
    """Base for list filters: German parameter names in the URL, all optional."""

    q = forms.CharField(
        required=False,
        label=_("Suchbegriff"),
        widget=forms.TextInput(attrs={"type": "search"}),
    )

    def value(self, name):
        return self.cleaned_data.get(name) if self.is_valid() else None


class OrganisationFilterForm(FilterForm):
    quartier = _quarter_field()
    art = forms.ChoiceField(required=False, label=_("Art"))
    sprache = forms.ModelChoiceField(
        Language.objects.all(),
        required=False,
        label=_("Sprache"),
        empty_label=_("Alle Sprachen"),
        to_field_name="code",
    )
    zielgruppe = forms.ModelChoiceField(
        TargetGroup.objects.all(),
        required=False,
        label=_("Zielgruppe"),
        empty_label=_("Alle Zielgruppen"),
        to_field_name="slug",
    )
    stufenlos = forms.BooleanField(required=False, label=_("nur stufenlos zugänglich"))

    def __init__(self, *args, business: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if business:
            choices = Organisation.BusinessCategory.choices
            self.fields["art"].label = _("Branche")
            self.fields["geoeffnet"] = forms.BooleanField(
                required=False, label=_("jetzt geöffnet")
            )
            self.fields["lieferung"] = forms.BooleanField(
                required=False, label=_("mit Lieferservice")
            )
        else:
            choices = [
                c
                for c in Organisation.Kind.choices
                if c[0] != Organisation.Kind.BUSINESS
            ]
        self.fields["art"].choices = [("", _("Alle")), *list(choices)]
        self.business = business

    def filter(self, queryset):
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data["quartier"]:
            queryset = queryset.filter(quarters=data["quartier"])
        if data["art"]:
            field = "business_category" if self.business else "kind"
            queryset = queryset.filter(**{field: data["art"]})
        if data["sprache"]:
            queryset = queryset.filter(languages=data["sprache"])
        if data["zielgruppe"]:
            queryset = queryset.filter(target_groups=data["zielgruppe"])
        if data["stufenlos"]:
            queryset = queryset.filter(step_free=True)
        if data.get("lieferung"):
            queryset = queryset.filter(delivers=True)
        if data["q"]:
            queryset = queryset.filter(name__icontains=data["q"]) | queryset.filter(
                description__icontains=data["q"]
            )
        return queryset.distinct()


class OpportunityFilterForm(FilterForm):
    quartier = _quarter_field()
    einsatz = forms.ChoiceField(
        required=False,
        label=_("Art des Einsatzes"),
        choices=[("", _("Alle")), *list(Opportunity.Commitment.choices)],
    )

    def filter(self, queryset):
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data["quartier"]:
            queryset = queryset.filter(quarter=data["quartier"])
        if data["einsatz"]:
            queryset = queryset.filter(commitment=data["einsatz"])
        if data["q"]:
            queryset = queryset.filter(title__icontains=data["q"]) | queryset.filter(
                description__icontains=data["q"]
            )
        return queryset


class HelpPostFilterForm(FilterForm):
    quartier = _quarter_field()
    art = forms.ChoiceField(
        required=False,
        label=_("Biete oder Suche"),
        choices=[("", _("Beides")), *list(HelpPost.Kind.choices)],
    )
    kategorie = forms.ChoiceField(
        required=False,
        label=_("Kategorie"),
        choices=[("", _("Alle Kategorien")), *list(HelpPost.Category.choices)],
    )

    def filter(self, queryset):
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data["quartier"]:
            queryset = queryset.filter(quarter=data["quartier"])
        if data["art"]:
            queryset = queryset.filter(kind=data["art"])
        if data["kategorie"]:
            queryset = queryset.filter(category=data["kategorie"])
        if data["q"]:
            queryset = queryset.filter(title__icontains=data["q"]) | queryset.filter(
                text__icontains=data["q"]
            )
        return queryset


class VacancyFilterForm(FilterForm):
    quartier = _quarter_field()
    nutzung = forms.ChoiceField(
        required=False,
        label=_("Nutzungsart"),
        choices=[("", _("Alle")), *list(Vacancy.UseClass.choices)],
    )
    flaeche_ab = forms.IntegerField(
        required=False, min_value=0, label=_("Fläche ab (m²)")
    )
    flaeche_bis = forms.IntegerField(
        required=False, min_value=0, label=_("Fläche bis (m²)")
    )
    zwischennutzung = forms.BooleanField(
        required=False, label=_("nur mit Zwischennutzung")
    )

    def filter(self, queryset):
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data["quartier"]:
            queryset = queryset.filter(quarter=data["quartier"])
        if data["nutzung"]:
            queryset = queryset.filter(use_class=data["nutzung"])
        if data["flaeche_ab"] is not None:
            queryset = queryset.filter(area_m2__gte=data["flaeche_ab"])
        if data["flaeche_bis"] is not None:
            queryset = queryset.filter(area_m2__lte=data["flaeche_bis"])
        if data["zwischennutzung"]:
            queryset = queryset.filter(interim_use=True)
        if data["q"]:
            queryset = queryset.filter(title__icontains=data["q"]) | queryset.filter(
                street__icontains=data["q"]
            )
        return queryset


class ClaimForm(SpamProtectedForm, forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["role", "message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["message"].required = True


class OrganisationForm(forms.ModelForm):
    """What a verified member maintains; coordinates and quarters stay with the team."""

    class Meta:
        model = Organisation
        fields = [
            "description",
            "street",
            "postcode",
            "phone",
            "contact_email",
            "website",
            "languages",
            "target_groups",
            "step_free",
            "accessibility",
            "delivers",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "accessibility": forms.Textarea(attrs={"rows": 3}),
            "languages": forms.CheckboxSelectMultiple,
            "target_groups": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.is_business:
            del self.fields["delivers"]


class MessageForm(SpamProtectedForm, forms.Form):
    body = forms.CharField(
        label=_("Ihre Nachricht"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Ihre E-Mail-Adresse bleibt verborgen; die Antwort kommt über das Portal."
        ),
    )


class ReplyForm(forms.Form):
    """Inside an existing conversation: logged in participants, rate limited by service."""

    body = forms.CharField(
        label=_("Antwort"), max_length=4000, widget=forms.Textarea(attrs={"rows": 5})
    )


class HelpPostForm(SpamProtectedForm, forms.ModelForm):
    class Meta:
        model = HelpPost
        fields = ["kind", "category", "quarter", "title", "text", "expires_on"]
        widgets = {
            "kind": forms.RadioSelect,
            "text": forms.Textarea(attrs={"rows": 5}),
            "expires_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {"expires_on": _("Standard: in 30 Tagen. Höchstens 90 Tage.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quarter"].queryset = Quarter.objects.public()
        self.fields["kind"].choices = HelpPost.Kind.choices

    def clean_expires_on(self):
        import datetime as dt

        from django.utils import timezone

        value = self.cleaned_data["expires_on"]
        today = timezone.localdate()
        if value < today or value > today + dt.timedelta(days=90):
            raise forms.ValidationError(
                _("Bitte ein Datum zwischen heute und in 90 Tagen wählen.")
            )
        return value


class ReportForm(forms.ModelForm):
    class Meta:
        model = HelpPostReport
        fields = ["reason", "note"]
        widgets = {"reason": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].choices = HelpPostReport.Reason.choices


class ModerationForm(forms.Form):
    action = forms.ChoiceField(
        choices=[("hide", _("ausblenden")), ("restore", _("wieder anzeigen"))]
    )
    reason = forms.CharField(required=False, max_length=200, label=_("Begründung"))


class VacancyEnquiryForm(SpamProtectedForm, forms.ModelForm):
    class Meta:
        model = VacancyEnquiry
        fields = ["name", "email", "message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 5})}


class OpportunityForm(forms.ModelForm):
    """Members post roles for their organisation, in a quarter it serves."""

    class Meta:
        model = Opportunity
        fields = [
            "organisation",
            "quarter",
            "title",
            "description",
            "commitment",
            "time_needed",
            "skills",
            "place",
            "contact_name",
            "expires_on",
            "status",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "commitment": forms.RadioSelect,
            "expires_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["quarter"].queryset = Quarter.objects.public()
        self.fields["commitment"].choices = Opportunity.Commitment.choices
        if self.instance.pk is None:
            del self.fields["status"]

    def clean(self):
        data = super().clean()
        organisation, quarter = data.get("organisation"), data.get("quarter")
        if (
            organisation
            and quarter
            and not organisation.quarters.filter(pk=quarter.pk).exists()
        ):
            self.add_error(
                "quarter",
                _("Die Organisation ist in diesem Quartier nicht eingetragen."),
            )
        return data


class HoursForm(forms.ModelForm):
    class Meta:
        model = OrganisationHours
        fields = ["weekday", "opens", "closes", "note"]
        widgets = {
            "opens": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "closes": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }

    def clean(self):
        data = super().clean()
        opens, closes = data.get("opens"), data.get("closes")
        if opens and closes and closes <= opens:
            self.add_error("closes", _("Das Ende muss nach dem Beginn liegen."))
        return data


HoursFormSet = forms.inlineformset_factory(
    Organisation,
    OrganisationHours,
    form=HoursForm,
    extra=2,
    can_delete=True,
    max_num=21,
)


class VacancySubmitForm(SpamProtectedForm, forms.ModelForm):
    """An owner lists a vacant unit; the quarter team checks it before it appears."""

    class Meta:
        model = Vacancy
        fields = [
            "quarter",
            "title",
            "street",
            "postcode",
            "area_m2",
            "use_class",
            "rent_min",
            "rent_max",
            "available_from",
            "interim_use",
            "description",
            "floor_plan",
            "contact_email",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "available_from": forms.DateInput(
                attrs={"type": "date"}, format="%Y-%m-%d"
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quarter"].queryset = Quarter.objects.public()

    def clean_floor_plan(self):
        upload = self.cleaned_data.get("floor_plan")
        if upload and not upload.name.lower().endswith(".pdf"):
            raise forms.ValidationError(_("Bitte den Grundriss als PDF hochladen."))
        if upload and upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("Der Grundriss ist größer als 5 MB."))
        validate_pdf_upload(
            upload
        )  # by its bytes: a name ending in .pdf proves nothing
        return upload
