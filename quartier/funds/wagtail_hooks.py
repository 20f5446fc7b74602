"""Staff admin for funds: each quarter team edits its own fund's rules, rounds and jury."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.permissions import register_permission_policy

from quartier.quarters.permissions import QuarterScopedPermissionPolicy
from quartier.quarters.viewsets import QuarterScopedForm, QuarterScopedViewSet

from .models import Fund, FundRound, JuryMember


class FundChildPermissionPolicy(QuarterScopedPermissionPolicy):
    """For rows that belong to a fund: scoped by the fund's quarter."""

    def __init__(self, model):
        super().__init__(model, quarter_field="fund__quarter")

    def _quarter_of(self, instance):
        return instance.fund.quarter


register_permission_policy(Fund, QuarterScopedPermissionPolicy(Fund))
register_permission_policy(FundRound, FundChildPermissionPolicy(FundRound))
register_permission_policy(JuryMember, FundChildPermissionPolicy(JuryMember))


class FundScopedForm(QuarterScopedForm):
    """Offers in the "fund" field only funds of the quarters the user manages."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        field = self.fields.get("fund")
        if field is not None and for_user is not None:
            field.queryset = Fund.objects.for_team(for_user)


class FundViewSet(QuarterScopedViewSet):
    model = Fund
    icon = "tag"
    menu_label = _("Fonds")
    list_display = ["name", "quarter", "yearly_budget", "is_active"]
    edit_handler = ObjectList(
        [
            FieldPanel("quarter"),
            FieldPanel("name"),
            FieldPanel("slug"),
            FieldPanel("intro"),
            FieldPanel("intro_en"),
            MultiFieldPanel(
                [
                    FieldPanel("yearly_budget"),
                    FieldRowPanel(
                        [
                            FieldPanel("min_per_application"),
                            FieldPanel("max_per_application"),
                        ]
                    ),
                    FieldPanel("max_per_applicant_year"),
                    FieldPanel("own_contribution_percent"),
                ],
                heading=_("Geld"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("eligible"),
                    FieldPanel("eligible_en"),
                    FieldPanel("funded"),
                    FieldPanel("funded_en"),
                    FieldPanel("not_funded"),
                    FieldPanel("not_funded_en"),
                    FieldPanel("decision_body"),
                    FieldPanel("decision_body_en"),
                    FieldPanel("intake"),
                    FieldPanel("proof_deadline_days"),
                ],
                heading=_("Regeln"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("retention_years_personal"),
                    FieldPanel("retention_years_payments"),
                ],
                heading=_("Aufbewahrung"),
            ),
            FieldPanel("is_active"),
        ],
        base_form_class=QuarterScopedForm,
    )


class FundRoundViewSet(QuarterScopedViewSet):
    model = FundRound
    icon = "date"
    menu_label = _("Antragsrunden")
    list_display = ["name", "fund", "deadline", "meeting_on"]
    edit_handler = ObjectList(
        [
            FieldPanel("fund"),
            FieldPanel("name"),
            FieldRowPanel([FieldPanel("deadline"), FieldPanel("meeting_on")]),
        ],
        base_form_class=FundScopedForm,
    )


class JuryMemberViewSet(QuarterScopedViewSet):
    model = JuryMember
    icon = "group"
    menu_label = _("Jury")
    list_display = ["user", "fund", "is_chair"]
    edit_handler = ObjectList(
        [FieldPanel("fund"), FieldPanel("user"), FieldPanel("is_chair")],
        base_form_class=FundScopedForm,
    )


class FundsGroup(ModelViewSetGroup):
    menu_label = _("Verfügungsfonds")
    menu_icon = "tag"
    menu_order = 160
    items = (
        FundViewSet("fund_admin"),
        FundRoundViewSet("fund_round_admin"),
        JuryMemberViewSet("fund_jury_admin"),
    )


@hooks.register("register_admin_viewset")
def register_viewset():
    return FundsGroup()
