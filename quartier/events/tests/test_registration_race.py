import threading

import pytest
from django.db import connection, connections

from quartier.accounts.tests.factories import UserFactory
from quartier.events.models import Registration
from quartier.events.services import registration_create

from .factories import EventFactory


@pytest.mark.postgres
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks need PostgreSQL"
)
# serialized_rollback: the flush would delete Wagtail's root page for later tests.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_people_for_the_last_seat_one_gets_it(quarter):
    event = EventFactory(
        quarters=[quarter], registration_enabled=True, capacity=1, waitlist_enabled=True
    )
    occurrence = event.occurrences.get()
    people = [UserFactory(), UserFactory()]
    barrier = threading.Barrier(2)
    errors = []

    def register(person):
        try:
            barrier.wait()
            registration_create(occurrence=occurrence, user=person)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    statuses = sorted(Registration.objects.values_list("status", flat=True))
    assert statuses == [Registration.Status.CONFIRMED, Registration.Status.WAITLISTED]
