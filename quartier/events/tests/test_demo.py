import datetime as dt

import pytest

from quartier.events.models import Event, Occurrence, Registration


@pytest.mark.django_db
def test_demo_programme_is_complete_and_idempotent(demo):
    from quartier.events import demo as events_demo

    assert Event.objects.count() == 11
    assert Occurrence.objects.filter(status=Occurrence.Status.CANCELLED).count() == 1
    for slug in ["dodesheide", "schinkel", "rosenplatz", "nette-quartier"]:
        assert (
            Occurrence.objects.public()
            .upcoming()
            .filter(event__quarters__slug=slug)
            .exists()
        )
    walk = Event.objects.get(uid="demo-rosenplatz-spaziergang@quartier")
    assert (
        sum(r.seats for r in Registration.objects.filter(occurrence__event=walk)) == 14
    )
    counts = (
        Event.objects.count(),
        Occurrence.objects.count(),
        Registration.objects.count(),
    )
    assert events_demo.seed() == 0
    assert counts == (
        Event.objects.count(),
        Occurrence.objects.count(),
        Registration.objects.count(),
    )


@pytest.mark.django_db
def test_demo_has_a_weekly_offer_across_both_clock_changes(demo):
    from quartier.events.models import BERLIN

    walk = Event.objects.get(uid="demo-nette-sonntagsspaziergang@quartier")
    starts = [o.starts_at.astimezone(BERLIN) for o in walk.occurrences.all()]
    days = {start.date() for start in starts}
    last_sundays = {
        day
        for day in days
        if day.month in (3, 10) and (day + dt.timedelta(weeks=1)).month != day.month
    }
    # The last Sunday of March and of October, and the Sundays on either side.
    assert {day.month for day in last_sundays} == {3, 10}
    for day in last_sundays:
        assert day - dt.timedelta(weeks=1) in days or day == min(days)
        assert day + dt.timedelta(weeks=1) in days
    assert {(start.hour, start.minute) for start in starts} == {(10, 0)}
    assert len({start.utcoffset() for start in starts}) == 2  # CET and CEST
