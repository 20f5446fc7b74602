import csv
import datetime as dt
import io

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from quartier.participation.models import PollAnswer, PollResponse

from .factories import PollFactory


def _answers(poll, text="Mehr Bänke"):
    single, multiple, free = poll.questions.all()
    return {
        f"frage_{single.pk}": single.options.first().pk,
        f"frage_{multiple.pk}": [o.pk for o in multiple.options.all()],
        f"frage_{free.pk}": text,
    }


@pytest.mark.django_db
def test_one_answer_per_account(client, resident, quarter):
    poll = PollFactory(quarter=quarter)
    client.force_login(resident)
    client.post(poll.get_absolute_url(), _answers(poll))
    client.post(poll.get_absolute_url(), _answers(poll))
    assert PollResponse.objects.count() == 1
    assert PollAnswer.objects.count() == 4  # one single, two multiple, one text
    assert (
        "Sie haben an dieser Umfrage teilgenommen"
        in client.get(poll.get_absolute_url()).content.decode()
    )


@pytest.mark.django_db
def test_anonymous_needs_permission_then_one_per_device(client, quarter):
    closed = PollFactory(quarter=quarter)
    client.post(closed.get_absolute_url(), _answers(closed))
    assert not PollResponse.objects.exists()
    poll = PollFactory(quarter=quarter, allow_anonymous=True)
    client.post(poll.get_absolute_url(), _answers(poll))
    client.post(poll.get_absolute_url(), _answers(poll))
    assert PollResponse.objects.filter(poll=poll).count() == 1
    assert PollResponse.objects.get(poll=poll).device_token


@pytest.mark.django_db
def test_results_hidden_until_closed_unless_live(client, resident, quarter):
    poll = PollFactory(quarter=quarter)
    client.force_login(resident)
    client.post(poll.get_absolute_url(), _answers(poll))
    assert "Zwischenstand" not in client.get(poll.get_absolute_url()).content.decode()
    with time_machine.travel(timezone.now() + dt.timedelta(days=8)):
        body = client.get(poll.get_absolute_url()).content.decode()
    assert "Ergebnisse" in body and "Mehr Bänke" in body
    live = PollFactory(quarter=quarter, live_results=True)
    assert "Zwischenstand" in client.get(live.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("resident", 404),
        ("moderator", 404),
        ("manager", 200),
        ("other_manager", 404),
        ("city_admin", 200),
    ],
)
@pytest.mark.django_db
def test_csv_export_matrix(client, login_as, resident, quarter, role, status):
    poll = PollFactory(quarter=quarter)
    client.force_login(resident)
    client.post(poll.get_absolute_url(), _answers(poll, text="=SUMME(A1)"))
    client.logout()
    login_as(role)
    response = client.get(
        reverse("participation:poll_export", args=[poll.pk]),
        {"variante": "maschinenlesbar"},
    )
    assert response.status_code == status
    if status == 200:
        rows = list(csv.reader(io.StringIO(response.content.decode())))
        assert rows[0] == ["response", "question", "kind", "option", "text"]
        assert len(rows) == 5
        assert [r[4] for r in rows[1:] if r[4]] == ["'=SUMME(A1)"]
