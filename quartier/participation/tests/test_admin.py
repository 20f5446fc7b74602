import pytest

from quartier.participation.models import PollOption
from quartier.quarters.permissions import QUARTER_TEAM, role_permissions

from .factories import PollFactory


@pytest.fixture
def team_perms(quarter, other_quarter):
    perms = role_permissions(QUARTER_TEAM)
    for q in (quarter, other_quarter):
        q.team.permissions.add(*perms)


@pytest.mark.django_db
def test_team_sees_only_its_polls(client, team_perms, manager, quarter, other_quarter):
    PollFactory(quarter=quarter, title="Unsere Umfrage", questions=False)
    PollFactory(quarter=other_quarter, title="Fremde Umfrage", questions=False)
    client.force_login(manager)
    body = client.get("/admin/umfragen/").content.decode()
    assert "Unsere Umfrage" in body and "Fremde Umfrage" not in body
    assert client.get("/admin/aufrufe/").status_code == 200


@pytest.mark.django_db
def test_saving_a_poll_syncs_options(client, team_perms, manager, quarter):
    poll = PollFactory(quarter=quarter, questions=False)
    client.force_login(manager)
    data = {
        "quarter": quarter.pk,
        "title": "Öffnungszeiten",
        "description": "",
        "starts_at": "2026-01-01 10:00",
        "ends_at": "2026-02-01 10:00",
        "questions-TOTAL_FORMS": "1",
        "questions-INITIAL_FORMS": "0",
        "questions-MIN_NUM_FORMS": "0",
        "questions-MAX_NUM_FORMS": "1000",
        "questions-0-text": "Wann?",
        "questions-0-kind": "single",
        "questions-0-option_lines": "Morgens\nAbends\n",
        "questions-0-sort_order": "0",
        "questions-0-ORDER": "1",
        "questions-0-id": "",
        "questions-0-DELETE": "",
    }
    response = client.post(f"/admin/umfragen/edit/{poll.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert list(
        PollOption.objects.filter(question__poll=poll).values_list("text", flat=True)
    ) == ["Morgens", "Abends"]
