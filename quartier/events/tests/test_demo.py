import pytest

from quartier.events.models import Event, Occurrence, Registration


@pytest.mark.django_db
def test_demo_programme_is_complete_and_idempotent(demo):
    from quartier.events import demo as events_demo

    assert Event.objects.count() == 10
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
