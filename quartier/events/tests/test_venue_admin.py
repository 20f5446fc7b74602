"""Venues in the admin: a venue belongs to its quarter's team; shared ones to the city."""

import pytest
from django.urls import reverse

from quartier.events.models import Venue
from quartier.quarters.permissions import QUARTER_TEAM, role_permissions

from .factories import EventFactory, VenueFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def team_rights(quarter, other_quarter):
    for team in (quarter.team, other_quarter.team):
        team.permissions.add(*role_permissions(QUARTER_TEAM))


def _data(venue, **changes):
    data = {
        "name": venue.name,
        "street": venue.street,
        "postcode": venue.postcode,
        "city": venue.city,
        "quarter": venue.quarter_id or "",
        "longitude": venue.longitude,
        "latitude": venue.latitude,
        "accessibility_note": "",
    }
    return data | changes


@pytest.mark.parametrize("name", ["edit", "copy", "delete", "history"])
def test_other_team_cannot_open_or_save_a_venue(
    client, team_rights, other_manager, quarter, other_quarter, name
):
    venue = VenueFactory(quarter=quarter, name="Schinkeltreff")
    EventFactory(quarters=[quarter], venue=venue)
    client.force_login(other_manager)
    url = reverse(f"venue_admin:{name}", args=[venue.pk])
    assert client.get(url).status_code == 404
    posted = client.post(url, _data(venue, name="Übernommen"))
    assert posted.status_code == 404
    venue.refresh_from_db()
    assert venue.name == "Schinkeltreff"


def test_team_edits_its_venue_but_cannot_move_it_or_share_it(
    client, team_rights, manager, quarter, other_quarter
):
    venue = VenueFactory(quarter=quarter, name="Schinkeltreff")
    client.force_login(manager)
    url = reverse("venue_admin:edit", args=[venue.pk])
    assert client.post(url, _data(venue, name="Neuer Name")).status_code == 302
    for quarter_value in (other_quarter.pk, ""):
        response = client.post(url, _data(venue, quarter=quarter_value))
        assert response.status_code == 200  # form error
    venue.refresh_from_db()
    assert (venue.name, venue.quarter) == ("Neuer Name", quarter)


def test_shared_venues_are_the_city_editors(client, team_rights, manager, city_admin):
    shared = VenueFactory(quarter=None, name="Stadtbibliothek")
    client.force_login(manager)
    assert "Stadtbibliothek" not in client.get(reverse("venue_admin:index")).text
    edit = reverse("venue_admin:edit", args=[shared.pk])
    assert client.get(edit).status_code == 404
    client.force_login(city_admin)
    assert (
        client.post(edit, _data(shared, name="Stadtbibliothek Mitte")).status_code
        == 302
    )
    assert Venue.objects.get(pk=shared.pk).name == "Stadtbibliothek Mitte"
