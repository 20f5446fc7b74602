"""An idea and the measure it led to link to each other."""

import pytest
from django.urls import reverse

from quartier.participation.models import Visibility
from quartier.participation.tests.factories import IdeaFactory

from .factories import MeasureFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def idea(quarter):
    return IdeaFactory(quarter=quarter, title="Bänke am Spielplatz")


def test_measure_and_idea_show_each_other(client, quarter, idea):
    measure = MeasureFactory(quarter=quarter, title="Neue Bänke am Hasepark")
    measure.source_ideas.add(idea)
    measure.save()  # parental many-to-many: stored on save
    html = client.get(reverse("measures:detail", args=[measure.pk])).content.decode()
    assert "Aus Ihrer Idee wurde diese Maßnahme" in html
    assert reverse("participation:idea_detail", args=[idea.pk]) in html
    html = client.get(
        reverse("participation:idea_detail", args=[idea.pk])
    ).content.decode()
    assert "Aus dieser Idee wurde eine Maßnahme" in html
    assert reverse("measures:detail", args=[measure.pk]) in html


def test_unpublished_measures_and_hidden_ideas_stay_unlinked(client, quarter, idea):
    measure = MeasureFactory(quarter=quarter, is_published=False)
    measure.source_ideas.add(idea)
    measure.save()
    html = client.get(
        reverse("participation:idea_detail", args=[idea.pk])
    ).content.decode()
    assert "Aus dieser Idee wurde eine Maßnahme" not in html
    hidden = IdeaFactory(quarter=quarter, visibility=Visibility.HIDDEN)
    public = MeasureFactory(quarter=quarter)
    public.source_ideas.add(hidden)
    public.save()
    html = client.get(reverse("measures:detail", args=[public.pk])).content.decode()
    assert "Aus Ihrer Idee wurde diese Maßnahme" not in html


def test_admin_form_offers_only_ideas_of_the_teams_quarters(
    client, manager, quarter, other_quarter, idea
):
    from quartier.quarters.permissions import QUARTER_TEAM, role_permissions

    quarter.team.permissions.add(*role_permissions(QUARTER_TEAM))
    foreign = IdeaFactory(quarter=other_quarter, title="Fremde Idee")
    measure = MeasureFactory(quarter=quarter)
    client.force_login(manager)
    html = client.get(reverse("measure:edit", args=[measure.pk])).content.decode()
    assert "Bänke am Spielplatz" in html
    assert foreign.title not in html


def test_measure_shows_its_next_events_and_the_event_its_measure(client, quarter):
    from quartier.events.tests.factories import EventFactory

    measure = MeasureFactory(quarter=quarter, title="Großspielplatz Hasepark")
    event = EventFactory(
        title="Spielplatzfest im Hasepark", measure=measure, quarters=[quarter]
    )
    html = client.get(reverse("measures:detail", args=[measure.pk])).content.decode()
    assert "Termine zu dieser Maßnahme" in html
    assert "Spielplatzfest im Hasepark" in html
    html = client.get(event.get_absolute_url()).content.decode()
    assert reverse("measures:detail", args=[measure.pk]) in html
