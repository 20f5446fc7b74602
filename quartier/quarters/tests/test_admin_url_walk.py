"""Guard (issue 11, item 5): every admin URL the apps register, walked by every role.

For each viewset in Wagtail's registry (ModelViewSets and snippets alike) whose model a
quarter owns, one row of quarter A is made, and every URL of the viewset that takes a
pk (edit, copy, delete, history, usage, inspect, reorder, ...) is requested with GET
and POST by each role that is not A's team. The team of another quarter holds every
model permission of that model, so only the row scoping stands between it and the
row: it must get 404. A snapshot of every row of every Quartier model before and after
proves nothing changed. A new viewset fails `test_every_viewset_is_classified` until it
is added to OWNED or CITY_WIDE here.
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import get_resolver, reverse
from django.utils import timezone
from wagtail.admin.viewsets import viewsets as registry
from wagtail.admin.viewsets.model import ModelViewSet

from quartier.accounts.models import User
from quartier.accounts.tests.factories import UserFactory
from quartier.cms.models import Feedback
from quartier.community.models import (
    CommercialStock,
    Language,
    Opportunity,
    Organisation,
    TargetGroup,
    Vacancy,
)
from quartier.community.tests.factories import (
    OpportunityFactory,
    OrganisationFactory,
    VacancyFactory,
)
from quartier.events.models import Event, Venue
from quartier.events.tests.factories import EventFactory, VenueFactory
from quartier.funds.models import Fund, FundRound, JuryMember
from quartier.funds.tests.factories import FundFactory, JuryMemberFactory
from quartier.measures.models import ActionField, Address, Measure
from quartier.measures.tests.factories import (
    ActionFieldFactory,
    GoalFactory,
    MeasureFactory,
)
from quartier.monitoring.models import Area, IndexScheme, Indicator
from quartier.ops.models import JobRun
from quartier.participation.models import (
    CallForIdeas,
    Category,
    Poll,
    PollAnswer,
    PollResponse,
    QuarterParticipationSettings,
)
from quartier.participation.tests.factories import (
    CallFactory,
    CategoryFactory,
    PollFactory,
)
from quartier.quarters.models import District, FundingProgramme, Office, Quarter
from quartier.quarters.tests.factories import OfficeFactory


def _poll(quarter):
    """A poll with votes: its options and answers are owned through the poll."""
    poll = PollFactory(quarter=quarter)
    response = PollResponse.objects.create(poll=poll, device_token="a" * 32)
    for question in poll.questions.all():
        option = question.options.first()
        PollAnswer.objects.create(
            response=response, question=question, option=option, text=""
        )
    return poll


def _action_field(quarter):
    field = ActionFieldFactory(quarter=quarter)
    GoalFactory(action_field=field)
    return field


def _fund_round(quarter):
    today = timezone.localdate()
    return FundRound.objects.create(
        fund=FundFactory(quarter=quarter),
        name="Frühjahr",
        deadline=today + dt.timedelta(days=30),
    )


# How to make one row a quarter owns, for every quarter-owned model with a viewset.
OWNED = {
    Quarter: lambda q: q,
    Office: lambda q: OfficeFactory(quarter=q),
    CallForIdeas: lambda q: CallFactory(quarter=q),
    Poll: _poll,
    Category: lambda q: CategoryFactory(quarter=q),
    QuarterParticipationSettings: lambda q: QuarterParticipationSettings.objects.create(
        quarter=q
    ),
    Measure: lambda q: MeasureFactory(quarter=q),
    ActionField: _action_field,
    Organisation: lambda q: OrganisationFactory(quarters=[q]),
    Opportunity: lambda q: OpportunityFactory(
        organisation=OrganisationFactory(quarters=[q]), quarter=q
    ),
    Vacancy: lambda q: VacancyFactory(quarter=q),
    CommercialStock: lambda q: CommercialStock.objects.create(
        quarter=q, year=2025, units=40
    ),
    Fund: lambda q: FundFactory(quarter=q, yearly_budget=Decimal("5000.00")),
    FundRound: _fund_round,
    JuryMember: lambda q: JuryMemberFactory(fund=FundFactory(quarter=q)),
    Event: lambda q: EventFactory(quarters=[q]),
    Venue: lambda q: VenueFactory(quarter=q),
}
# Rows no quarter owns: model permissions only, which teams do not hold.
# Accounts are Wagtail's user admin, for holders of the auth permissions only; the
# monitoring's statistical areas and indicators span the city; job runs are the worker's.
CITY_WIDE = {
    Area,
    Indicator,
    IndexScheme,
    JobRun,
    District,
    FundingProgramme,
    Language,
    TargetGroup,
    Address,
    Feedback,
    User,
}

OUTSIDERS = ["anonymous", "resident", "org_rep", "moderator", "other_team"]


def _outsider_answer(role: str, name: str) -> tuple[int, str | None]:
    """Status and redirect target of an object URL of another quarter's row, by role."""
    if role == "other_team":
        return 404, None
    if role == "moderator":
        # Admin access without the model permission: Wagtail checks the permission
        # before the row on edit and copy (back to the dashboard); the other views
        # look the row up first in the quarter-scoped queryset and find none.
        return (302, "/admin/") if name in {"edit", "copy"} else (404, None)
    return 302, "/admin/login/"  # no admin access at all


def _quartier_viewsets() -> list[ModelViewSet]:
    get_resolver().url_patterns  # noqa: B018 (loading the admin URLs fills the registry)
    return [
        viewset
        for viewset in registry.viewsets
        if isinstance(viewset, ModelViewSet)
        and viewset.model.__module__.startswith("quartier.")
    ]


def _object_url_names(viewset) -> list[str]:
    return [
        pattern.name
        for pattern in viewset.get_urlpatterns()
        if "pk" in pattern.pattern.converters
    ]


def _snapshot() -> dict[str, list[dict]]:
    """Every row of every Quartier model (logging in only touches `last_login`)."""
    return {
        model._meta.label: [
            {k: v for k, v in row.items() if k != "last_login"}
            for row in model._default_manager.order_by("pk").values()
        ]
        for model in apps.get_models()
        if model.__module__.startswith("quartier.")
    }


def _all_permissions(group, model) -> None:
    content_type = ContentType.objects.get_for_model(model)
    group.permissions.add(
        *Permission.objects.filter(content_type=content_type),
        Permission.objects.get(codename="access_admin"),
    )


def test_every_viewset_is_classified():
    models = {viewset.model for viewset in _quartier_viewsets()}
    assert models, "no viewsets found: the walk would prove nothing"
    assert models - set(OWNED) - CITY_WIDE == set()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "viewset",
    [v for v in _quartier_viewsets() if v.model in OWNED],
    ids=lambda v: v.name,
)
def test_other_roles_reach_no_row_of_a_quarter(
    client, request, viewset, quarter, other_quarter, roles
):
    row = OWNED[viewset.model](quarter)
    owner = UserFactory(groups=[quarter.team])
    other_team = UserFactory(groups=[other_quarter.team])
    for group in (quarter.team, other_quarter.team):
        _all_permissions(group, viewset.model)
    users = {
        role: other_team if role == "other_team" else request.getfixturevalue(role)
        for role in OUTSIDERS
    }
    names = _object_url_names(viewset)
    assert {"edit", "delete", "history"} <= set(names), names

    client.force_login(owner)  # control: the URLs are real and open for the owner
    assert (
        client.get(reverse(viewset.get_url_name("edit"), args=[row.pk])).status_code
        == 200
    )

    before = _snapshot()
    walked = 0
    for role, user in users.items():
        client.logout()
        if user:
            client.force_login(user)
        listing = client.get(reverse(viewset.get_url_name("index")))
        edit_url = reverse(viewset.get_url_name("edit"), args=[row.pk])
        assert edit_url not in listing.content.decode(), role
        for name in names:
            url = reverse(viewset.get_url_name(name), args=[row.pk])
            for method in (client.get, client.post):
                response = method(url)
                walked += 1
                status, location = _outsider_answer(role, name)
                assert response.status_code == status, (role, method, url)
                if location:
                    target = response["Location"].split("?")[0]
                    assert target == location, (role, url)
    after = _snapshot()
    assert {k: v for k, v in after.items() if v != before[k]} == {}
    assert walked == len(OUTSIDERS) * len(names) * 2


# What another quarter's team gets on each page admin URL: (GET, POST) as
# (status, redirect target). Mostly Wagtail's "Sorry, you do not have permission"
# redirect to the dashboard; 405 is a POST-only URL refusing GET before anything
# else; the workflow-cancellation check answers a JSON "no confirmation needed"
# (the walk asserts that nothing of the page shows). A URL Wagtail adds fails here
# with a KeyError until someone classifies it.
_DASHBOARD = (302, "/admin/")
_NOT_POST = (405, None)
PAGE_ANSWERS = {
    "usage": (_DASHBOARD, _DASHBOARD),
    "edit": (_DASHBOARD, _DASHBOARD),
    "preview_on_edit": (_DASHBOARD, _DASHBOARD),
    "view_draft": (_DASHBOARD, _DASHBOARD),
    "add_subpage": (_DASHBOARD, _DASHBOARD),
    "delete": (_DASHBOARD, _DASHBOARD),
    "unpublish": (_DASHBOARD, _DASHBOARD),
    "convert_alias": ((404, None), (404, None)),
    "move": (_DASHBOARD, _DASHBOARD),
    "set_page_position": (_NOT_POST, _DASHBOARD),
    "copy": (_DASHBOARD, _DASHBOARD),
    "set_privacy": (_DASHBOARD, _DASHBOARD),
    "confirm_workflow_cancellation": ((200, None), (200, None)),
    "lock": (_NOT_POST, _DASHBOARD),
    "unlock": (_NOT_POST, _DASHBOARD),
    # Revisions redirect to the history, which itself redirects to the dashboard.
    "revisions_index": ((302, "/admin/pages/{pk}/history/"),) * 2,
    "workflow_history": (_DASHBOARD, _DASHBOARD),
    "history": (_DASHBOARD, _DASHBOARD),
    "history_results": (_DASHBOARD, _DASHBOARD),
}


def _page_url_names() -> list[tuple[str, str]]:
    """(url name, pk kwarg) of every page admin URL that takes only a page id."""
    from wagtail.admin.urls import pages

    found = []
    for pattern in pages.urlpatterns:
        converters = set(pattern.pattern.converters)
        for kwarg in ("page_id", "parent_page_id", "page_to_move_id", "pk"):
            if converters == {kwarg} and pattern.name:
                found.append((pattern.name, kwarg))
    return found


def _page_snapshot() -> dict:
    from wagtail.models import Page, Revision

    return {
        "pages": list(
            Page.objects.order_by("pk").values(
                "pk", "title", "slug", "path", "live", "locked", "latest_revision_id"
            )
        ),
        "revisions": Revision.objects.count(),
        **_snapshot(),
    }


@pytest.mark.django_db
def test_other_team_reaches_no_page_of_a_quarter(client, site_tree):
    from quartier.cms.models import QuarterPage
    from quartier.quarters.services import quarter_create
    from quartier.quarters.tests.factories import QuarterFactory

    own, other = (
        quarter_create(quarter=QuarterFactory.build(slug=slug, short_name=slug))
        for slug in ("schinkel", "dodesheide")
    )
    page = QuarterPage.objects.get(quarter=own, locale__language_code="de")
    owner = UserFactory(groups=[own.team])
    stranger = UserFactory(groups=[other.team])
    names = _page_url_names()
    assert {"edit", "delete", "copy", "move", "unpublish", "history"} <= {
        n for n, _ in names
    }
    client.force_login(owner)  # control: the team's own page opens
    assert (
        client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code
        == 200
    )

    client.force_login(stranger)
    before = _page_snapshot()
    walked = 0
    for name, _kwarg in names:
        url = reverse(f"wagtailadmin_pages:{name}", args=[page.pk])
        for method, expected in zip(
            (client.get, client.post), PAGE_ANSWERS[name], strict=True
        ):
            response = method(url)
            walked += 1
            assert response.status_code == expected[0], (name, method, url)
            if response.status_code == 302:
                location = expected[1].format(pk=page.pk)
                assert response["Location"] == location, (name, method, url)
            else:
                assert page.title not in response.content.decode(), (name, url)
    assert _page_snapshot() == before
    assert walked == 2 * len(names)
