"""Query pins for the review queue and "my events": 2 rows and 20 cost the same."""

import pytest
from django.urls import reverse

from quartier.events.models import Event
from quartier.quarters.permissions import QUARTER_TEAM, role_permissions

from .factories import EventFactory

pytestmark = pytest.mark.django_db


def _pin(client, url, queries, add_rows, django_assert_num_queries):
    client.get(url)  # sessions, site root and translations are cached from here on
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200
    add_rows(18)
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200


def _submissions(quarter, venue, organisation, org_rep):
    def add(rows):
        for _ in range(rows):
            EventFactory(
                quarters=[quarter],
                venue=venue,
                organisation=organisation,
                submitted_by=org_rep,
                status=Event.Status.SUBMITTED,
            )

    return add


def test_review_queue(
    client, quarter, venue, organisation, org_rep, manager, django_assert_num_queries
):
    quarter.team.permissions.add(*role_permissions(QUARTER_TEAM))
    add = _submissions(quarter, venue, organisation, org_rep)
    add(2)
    client.force_login(manager)
    _pin(client, reverse("events:review_list"), 13, add, django_assert_num_queries)


def test_my_events(
    client, quarter, venue, organisation, org_rep, django_assert_num_queries
):
    add = _submissions(quarter, venue, organisation, org_rep)
    add(2)
    client.force_login(org_rep)
    _pin(client, reverse("events:mine"), 7, add, django_assert_num_queries)
