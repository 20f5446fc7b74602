"""Admin for quarter teams: directory entries, volunteering roles and vacant units.

Teams see and edit only rows of their quarters (QuarterScopedPermissionPolicy); an
organisation belongs to every quarter it serves, so its policy checks all of them.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from quartier.quarters.models import Quarter
from quartier.quarters.permissions import (
    QuarterScopedPermissionPolicy,
    is_city_editor,
)
from quartier.quarters.viewsets import QuarterScopedForm, QuarterScopedViewSet

from .models import (
    CommercialStock,
    Language,
    Opportunity,
    Organisation,
    TargetGroup,
    Vacancy,
)
from .permissions import is_team_of_organisation


class OrganisationPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed to entries serving one of the team's quarters."""

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if instance.pk is None:
            return True
        return is_city_editor(user) or is_team_of_organisation(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, a, instance) for a in actions
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return Organisation.objects.none()
        return Organisation.objects.for_user(user)


register_permission_policy(Organisation, OrganisationPermissionPolicy(Organisation))
register_permission_policy(Vacancy, QuarterScopedPermissionPolicy(Vacancy))
register_permission_policy(Opportunity, QuarterScopedPermissionPolicy(Opportunity))
register_permission_policy(
    CommercialStock, QuarterScopedPermissionPolicy(CommercialStock)
)


class OrganisationAdminForm(WagtailAdminModelForm):
    """A team must keep one of its quarters on the entry and cannot drop other teams'."""

    def clean_quarters(self):
        chosen = set(self.cleaned_data["quarters"])
        user = self.for_user
        if user is None or is_city_editor(user):
            return list(chosen)
        managed = set(Quarter.objects.for_user(user))
        if not chosen & managed:
            raise forms.ValidationError(
                _("Bitte mindestens ein Quartier Ihres Teams auswählen.")
            )
        kept = (
            set(self.instance.quarters.all()) - managed if self.instance.pk else set()
        )
        return list(chosen | kept)


class OrganisationViewSet(QuarterScopedViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Akteure und Betriebe")
    list_display = ["name", "kind", "is_published", "updated_at"]
    list_filter = ["kind", "quarters", "is_published"]
    search_fields = ["name"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("name"),
                    FieldPanel("slug"),
                    FieldRowPanel(
                        [FieldPanel("kind"), FieldPanel("business_category")]
                    ),
                    FieldPanel("quarters"),
                    FieldPanel("description"),
                    FieldPanel("image"),
                    FieldRowPanel([FieldPanel("is_published"), FieldPanel("is_demo")]),
                ],
                heading=_("Eintrag"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("street"),
                    FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                    FieldRowPanel([FieldPanel("longitude"), FieldPanel("latitude")]),
                ],
                heading=_("Adresse und Kartenpunkt"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("phone"),
                    FieldPanel("website"),
                    FieldPanel("contact_email"),
                ],
                heading=_("Kontakt"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("languages"),
                    FieldPanel("target_groups"),
                    FieldPanel("step_free"),
                    FieldPanel("accessibility"),
                    FieldPanel("delivers"),
                ],
                heading=_("Für wen, in welcher Sprache, wie zugänglich"),
            ),
            InlinePanel("hours", heading=_("Öffnungszeiten"), label=_("Zeit")),
            InlinePanel("closures", heading=_("Schließzeiten"), label=_("Schließzeit")),
        ],
        base_form_class=OrganisationAdminForm,
    )


class OpportunityViewSet(QuarterScopedViewSet):
    model = Opportunity
    icon = "user"
    menu_label = _("Engagement-Angebote")
    list_display = ["title", "organisation", "quarter", "status", "expires_on"]
    list_filter = ["quarter", "status", "commitment"]
    search_fields = ["title"]
    edit_handler = ObjectList(
        [
            FieldPanel("quarter"),
            FieldPanel("organisation"),
            FieldPanel("title"),
            FieldPanel("description"),
            FieldRowPanel([FieldPanel("commitment"), FieldPanel("time_needed")]),
            FieldPanel("skills"),
            FieldPanel("place"),
            FieldPanel("contact_name"),
            FieldRowPanel([FieldPanel("status"), FieldPanel("expires_on")]),
        ],
        base_form_class=QuarterScopedForm,
    )


class VacancyViewSet(QuarterScopedViewSet):
    model = Vacancy
    icon = "home"
    menu_label = _("Leerstände")
    list_display = ["title", "street", "quarter", "area_m2", "status", "vacant_since"]
    list_filter = ["quarter", "status", "use_class", "interim_use"]
    search_fields = ["title", "street"]
    edit_handler = ObjectList(
        [
            FieldPanel("quarter"),
            FieldPanel("title"),
            MultiFieldPanel(
                [
                    FieldPanel("street"),
                    FieldPanel("postcode"),
                    FieldRowPanel([FieldPanel("longitude"), FieldPanel("latitude")]),
                ],
                heading=_("Adresse und Kartenpunkt"),
            ),
            FieldRowPanel([FieldPanel("area_m2"), FieldPanel("use_class")]),
            FieldRowPanel([FieldPanel("rent_min"), FieldPanel("rent_max")]),
            FieldPanel("available_from"),
            FieldPanel("description"),
            FieldPanel("interim_use"),
            FieldPanel("photo"),
            InlinePanel(
                "more_photos", heading=_("Weitere Fotos"), label=_("Foto"), max_num=8
            ),
            FieldPanel("floor_plan"),
            FieldPanel("contact_email"),
            MultiFieldPanel(
                [
                    FieldPanel("status"),
                    FieldRowPanel(
                        [FieldPanel("vacant_since"), FieldPanel("vacant_until")]
                    ),
                    FieldPanel("is_published"),
                ],
                heading=_("Stand und Verlauf"),
            ),
        ],
        base_form_class=QuarterScopedForm,
    )


class CommercialStockViewSet(QuarterScopedViewSet):
    model = CommercialStock
    icon = "table"
    menu_label = _("Gewerbebestand")
    list_display = ["quarter", "year", "units"]
    list_filter = ["quarter"]
    edit_handler = ObjectList(
        [
            FieldPanel("quarter"),
            FieldRowPanel([FieldPanel("year"), FieldPanel("units")]),
            FieldPanel("source"),
        ],
        base_form_class=QuarterScopedForm,
    )


class LanguageViewSet(ModelViewSet):
    model = Language
    icon = "comment"
    menu_label = _("Sprachen")
    form_fields = ["name", "name_en", "code", "sort_order"]
    list_display = ["name", "code"]


class TargetGroupViewSet(ModelViewSet):
    model = TargetGroup
    icon = "tag"
    menu_label = _("Zielgruppen")
    form_fields = ["name", "name_en", "slug", "sort_order"]
    list_display = ["name", "slug"]


class CommunityGroup(ModelViewSetGroup):
    menu_label = _("Akteure und Wirtschaft")
    menu_icon = "group"
    menu_order = 160
    items = (
        OrganisationViewSet("organisations"),
        OpportunityViewSet("opportunities"),
        VacancyViewSet("vacancies"),
        CommercialStockViewSet("commercial_stock"),
        LanguageViewSet("languages"),
        TargetGroupViewSet("target_groups"),
    )


@hooks.register("register_admin_viewset")
def register_viewset():
    return CommunityGroup()
