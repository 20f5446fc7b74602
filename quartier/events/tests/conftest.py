import pytest

from .factories import EventFactory, VenueFactory


@pytest.fixture
def venue(db):
    return VenueFactory(name="Quartierstreff Teststraße")


@pytest.fixture
def event(quarter, venue):
    return EventFactory(quarters=[quarter], venue=venue)


@pytest.fixture
def limited_event(quarter, venue):
    """Two seats, registration open, waitlist on."""
    return EventFactory(
        quarters=[quarter], venue=venue, registration_enabled=True, capacity=2
    )
