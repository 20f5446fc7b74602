import datetime as dt
from decimal import Decimal

import pytest

from quartier.monitoring.models import Area, Indicator, Level, Value
from quartier.monitoring.services import portal_figures_compute
from quartier.participation.tests.factories import IdeaFactory

from .factories import IndicatorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def portal(quarter, inhabitants):
    area = Area.objects.create(code="q", name="Q", level=Level.QUARTER, quarter=quarter)
    Value.objects.create(
        area=area, indicator=inhabitants, date=dt.date(2023, 12, 31), value=2000
    )
    IndicatorFactory(
        slug="ideen-je-1000",
        unit=Indicator.Unit.PER_1000,
        direction=Indicator.Direction.HIGHER_IS_BETTER,
        is_computed=True,
    )
    return area


def test_ideas_per_1000_inhabitants(portal, quarter):
    for _ in range(3):
        IdeaFactory(quarter=quarter, created_at=dt.datetime(2024, 3, 1, tzinfo=dt.UTC))
    written = portal_figures_compute(years=[2024], today=dt.date(2025, 2, 1))
    assert written == 1
    value = Value.objects.get(indicator__slug="ideen-je-1000")
    # 3 ideas / 2,000 inhabitants × 1,000 = 1.5; the year is over: final.
    assert value.value == Decimal("1.5")
    assert (value.date, value.status) == (dt.date(2024, 12, 31), Value.Status.FINAL)


def test_running_year_is_provisional_and_replaced(portal, quarter):
    IdeaFactory(quarter=quarter, created_at=dt.datetime(2025, 1, 10, tzinfo=dt.UTC))
    portal_figures_compute(years=[2025], today=dt.date(2025, 2, 1))
    portal_figures_compute(years=[2025], today=dt.date(2025, 3, 1))
    value = Value.objects.get(indicator__slug="ideen-je-1000")
    assert (value.date, value.status) == (dt.date(2025, 3, 1), Value.Status.PROVISIONAL)


def test_imports_refuse_portal_indicators(portal):
    from quartier.monitoring.services import values_import

    report = values_import(
        data=b"gebiet;indikator;stichtag;wert\nq;ideen-je-1000;31.12.2023;1\n",
        filename="x",
    )
    assert "berechnet das Portal selbst" in report.parsed.errors[0].message
