import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from quartier.participation.models import Idea

from .factories import CallFactory, CategoryFactory


@pytest.fixture
def call(quarter):
    start = timezone.now() + dt.timedelta(days=1)
    return CallFactory(
        quarter=quarter, starts_at=start, ends_at=start + dt.timedelta(days=7)
    )


def _post(client, call):
    return client.post(
        reverse("participation:call_idea_create", args=[call.pk, call.quarter.slug]),
        {
            "title": "Baum",
            "description": "Vor der Schule.",
            "category": CategoryFactory().pk,
        },
    )


@pytest.mark.parametrize(
    ("days", "created", "text"),
    [
        (0, False, "beginnt am"),  # before
        (3, True, "Idee zu diesem Aufruf einbringen"),  # during
        (9, False, "zu Ende gegangen"),  # after
    ],
)
@pytest.mark.django_db
def test_posting_only_within_the_period(client, resident, call, days, created, text):
    client.force_login(resident)
    with time_machine.travel(timezone.now() + dt.timedelta(days=days)):
        page = client.get(call.get_absolute_url()).content.decode()
        response = _post(client, call)
    assert text in page
    assert Idea.objects.filter(call=call).exists() is created
    if not created:
        assert response.status_code == 200


@pytest.mark.django_db
def test_call_list_and_detail_public(client, call):
    assert call.title in client.get(reverse("participation:call_list")).content.decode()
    assert client.get(call.get_absolute_url()).status_code == 200
