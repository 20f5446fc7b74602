"""Query pins for the staff queues and lists: 2 rows and 20 cost the same."""

import pytest
from django.urls import reverse

from quartier.participation.models import ModerationAction, Report, Visibility
from quartier.quarters.permissions import QUARTER_TEAM, role_permissions

from .factories import CallFactory, CommentFactory, IdeaFactory, PollFactory

pytestmark = pytest.mark.django_db


def _pin(client, url, queries, add_rows, django_assert_num_queries):
    client.get(url)  # sessions, site root and translations are cached from here on
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200
    add_rows(18)
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200


def _flagged(quarter, resident, moderator):
    """A reported idea, a pending comment and a moderation record for each."""
    idea = IdeaFactory(quarter=quarter)
    Report.objects.create(idea=idea, reporter=resident, reason="Werbung")
    comment = CommentFactory(idea=idea, visibility=Visibility.PENDING)
    Report.objects.create(comment=comment, reporter=resident, reason="Beleidigung")
    ModerationAction.objects.create(idea=idea, moderator=moderator, action="hide")
    ModerationAction.objects.create(comment=comment, moderator=moderator, action="hide")


def test_moderation_queue(
    client, quarter, manager, resident, moderator, django_assert_num_queries
):
    def add(rows):
        for _ in range(rows):
            _flagged(quarter, resident, moderator)

    add(2)
    client.force_login(manager)
    _pin(
        client, reverse("participation:moderation"), 15, add, django_assert_num_queries
    )


def test_call_list(client, quarter, django_assert_num_queries):
    def add(rows):
        CallFactory.create_batch(rows, quarter=quarter)

    add(2)
    _pin(client, reverse("participation:call_list"), 3, add, django_assert_num_queries)


def test_poll_list(client, quarter, django_assert_num_queries):
    def add(rows):
        for _ in range(rows):
            PollFactory(quarter=quarter)

    add(2)
    _pin(client, reverse("participation:poll_list"), 3, add, django_assert_num_queries)


@pytest.mark.parametrize(
    ("viewset", "factory", "queries"),
    [("aufrufe", CallFactory, 14), ("umfragen", PollFactory, 14)],
)
def test_team_admin_listing(
    client, quarter, manager, viewset, factory, queries, django_assert_num_queries
):
    quarter.team.permissions.add(*role_permissions(QUARTER_TEAM))

    def add(rows):
        for _ in range(rows):
            factory(quarter=quarter)

    add(2)
    client.force_login(manager)
    _pin(client, reverse(f"{viewset}:index"), queries, add, django_assert_num_queries)
