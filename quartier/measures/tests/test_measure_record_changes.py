from decimal import Decimal

import pytest

from quartier.measures.models import Measure, MeasureChange
from quartier.measures.services import measure_record_changes, measure_snapshot

from .factories import FundingLineFactory, ProgressUpdateFactory


@pytest.mark.django_db
def test_records_status_money_and_new_updates(measure, manager):
    before = measure_snapshot(measure.pk)
    measure.status = Measure.Status.RUNNING
    measure.save()
    FundingLineFactory(measure=measure, source="land", year=2025, planned=Decimal("50"))
    ProgressUpdateFactory(measure=measure)
    changes = measure_record_changes(measure=measure, before=before, user=manager)
    fields = {c.field: (c.old_value, c.new_value) for c in changes}
    assert fields["status"] == ("planning", "running")
    assert fields["planned:land"] == ("0.00", "50.00")
    assert fields["updates"] == ("0", "1")
    assert all(c.changed_by == manager for c in changes)


@pytest.mark.django_db
def test_nothing_changed_records_nothing(measure):
    before = measure_snapshot(measure.pk)
    assert measure_record_changes(measure=measure, before=before, user=None) == []
    assert not MeasureChange.objects.exists()


@pytest.mark.django_db
def test_new_measure_records_its_starting_status(measure):
    (change,) = measure_record_changes(measure=measure, before=None, user=None)
    assert (change.field, change.old_value, change.new_value) == (
        "status",
        "",
        "planning",
    )
