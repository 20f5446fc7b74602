"""Query pins for the moderators' help-board queue: 2 rows and 20 cost the same."""

import pytest
from django.urls import reverse

from quartier.community.models import HelpPostReport

from .factories import HelpPostFactory

pytestmark = pytest.mark.django_db


def test_help_moderation_queue(
    client, quarter, resident, moderator, django_assert_num_queries
):
    def add(rows):
        for post in HelpPostFactory.create_batch(rows, quarter=quarter):
            HelpPostReport.objects.create(
                post=post, reporter=resident, reason="commercial"
            )

    add(2)
    client.force_login(moderator)
    url = reverse("community:help_moderation")
    client.get(url)  # sessions, site root and translations are cached from here on
    with django_assert_num_queries(12):
        assert client.get(url).status_code == 200
    add(18)
    with django_assert_num_queries(12):
        assert client.get(url).status_code == 200
