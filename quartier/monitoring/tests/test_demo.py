import datetime as dt

import pytest

from quartier.monitoring import demo as monitoring_demo
from quartier.monitoring.models import Area, AreaIndex, Indicator, Level, Value

pytestmark = pytest.mark.django_db


def test_demo_is_marked_uses_published_facts_and_runs_twice(demo, client):
    assert Area.objects.filter(level=Level.DISTRICT).count() == 23
    assert Area.objects.filter(level=Level.QUARTER, quarter__isnull=False).count() == 4
    assert Indicator.objects.filter(is_computed=False).count() == 11
    assert Indicator.objects.filter(is_computed=True).count() == 4
    fact = Value.objects.get(
        area__code="stadtteil-08",
        indicator__slug="einwohner",
        date=dt.date(2022, 12, 31),
    )
    assert fact.value == 9813 and not fact.is_demo and "wikipedia" in fact.source
    invented = Value.objects.filter(indicator__is_computed=False, is_demo=True)
    assert invented.count() > 3000
    assert Value.objects.exclude(suppressed="").filter(value__isnull=True).exists()
    assert AreaIndex.objects.exists()
    before = Value.objects.count()
    assert monitoring_demo.seed()["values"] == 0
    assert Value.objects.count() == before

    html = client.get("/quartiere/schinkel/").content.decode()
    assert "Das Quartier in Zahlen" in html
    assert "/sozialmonitoring/gebiete/quartier-schinkel/" in html
