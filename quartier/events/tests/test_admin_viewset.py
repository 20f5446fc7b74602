import pytest
from django.urls import reverse

from quartier.events.models import Event
from quartier.quarters.permissions import QUARTER_TEAM, role_permissions

from .factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def team_rights(quarter, other_quarter):
    for team in (quarter.team, other_quarter.team):
        team.permissions.add(*role_permissions(QUARTER_TEAM))


def test_team_lists_only_its_quarter_events(
    client, team_rights, manager, quarter, other_quarter
):
    mine = EventFactory(quarters=[quarter], title="Unser Fest")
    EventFactory(quarters=[other_quarter], title="Fremdes Fest")
    both = EventFactory(quarters=[quarter, other_quarter], title="Gemeinsam")
    client.force_login(manager)
    response = client.get(reverse("event_admin:index"))
    assert response.status_code == 200
    body = response.content.decode()
    assert mine.title in body
    assert both.title in body
    assert "Fremdes Fest" not in body


@pytest.mark.parametrize(
    ("role", "status", "location"),
    [
        ("manager", 200, None),
        # Another quarter's team has admin access: its event does not exist for it.
        ("other_manager", 404, None),
        # No admin access at all: Wagtail's login page.
        ("resident", 302, "/admin/login/"),
    ],
)
def test_edit_is_scoped(client, login_as, team_rights, quarter, role, status, location):
    event = EventFactory(quarters=[quarter])
    login_as(role)
    for name in ("event_admin:edit", "event_admin:delete"):
        response = client.get(reverse(name, args=[event.pk]))
        assert response.status_code == status, name
        if location:
            assert response["Location"].startswith(location), name


def test_team_edit_resyncs_occurrences_and_bumps_sequence(
    client, team_rights, manager, quarter, venue
):
    event = EventFactory(quarters=[quarter], venue=venue)
    client.force_login(manager)
    url = reverse("event_admin:edit", args=[event.pk])
    form = client.get(url).context["form"]
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None:
            continue
        if hasattr(value, "pk"):
            value = value.pk
        if name == "quarters":
            value = [quarter.pk]
        data[name] = value
    data.update(
        title=event.title,
        description=event.description,
        status=Event.Status.PUBLISHED,
        category=event.category,
        venue=venue.pk,
        starts_at=event.starts_at.strftime("%Y-%m-%d %H:%M"),
        ends_at=event.ends_at.strftime("%Y-%m-%d %H:%M"),
        rrule="FREQ=WEEKLY;COUNT=3",
        exdates="[]",
        target_group_codes=["families"],
        language_codes=["de", "tr"],
        registration_deadline_hours=0,
    )
    for key in [k for k, v in data.items() if v is False]:
        del data[key]
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    event.refresh_from_db()
    assert event.occurrences.count() == 3
    assert event.sequence == 1
    assert event.target_groups == ",families,"
    assert event.languages == ",de,tr,"


def test_review_link_in_admin_menu_for_teams(client, team_rights, manager):
    client.force_login(manager)
    body = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("events:review_list") in body
