"""The index against a small example computed by hand (see the comments for each step)."""

import datetime as dt
from decimal import Decimal

import pytest

from quartier.monitoring import index
from quartier.monitoring.models import (
    AreaIndex,
    IndexComponent,
    IndexScheme,
    Indicator,
    Level,
    Suppression,
    Value,
)
from quartier.monitoring.services import index_recompute

from .factories import AreaFactory, IndicatorFactory

pytestmark = pytest.mark.django_db

NOW, BEFORE = dt.date(2023, 12, 31), dt.date(2021, 12, 31)
# Indicator A (lower is better, weight 2) and B (higher is better, weight 1), 4 areas.
A_NOW, A_BEFORE = [10, 20, 30, 40], [12, 20, 26, 34]
B_NOW, B_BEFORE = [8, 8, 4, 0], [8, 6, 4, 2]
# By hand: z(A) = (x − 25) / 11.1803 = −1.3416, −0.4472, 0.4472, 1.3416
# z(B) = (x − 5) / 3.3166 = 0.9045, 0.9045, −0.3015, −1.5076, sign flipped (higher is better)
# raw = (2 z(A) − z(B)) / 3 = −1.1959, −0.5996, 0.3987, 1.3970; mean 0, sd 0.98746
STATUS = [-1.2111, -0.6073, 0.4037, 1.4147]
# Changes: A −2, 0, 4, 6 → z −1.2649, −0.6325, 0.6325, 1.2649
# B 0, 2, 0, −2 → z 0, 1.4142, 0, −1.4142, flipped; raw −0.8433, −0.8931, 0.4216, 1.3147
DYNAMICS = [-0.9127, -0.9665, 0.4563, 1.4229]


@pytest.fixture
def scheme():
    areas = [AreaFactory(code=f"pr-{n}", level=Level.PLANNING_AREA) for n in range(4)]
    a = IndicatorFactory(slug="a")
    b = IndicatorFactory(slug="b", direction=Indicator.Direction.HIGHER_IS_BETTER)
    for indicator, now, before in ((a, A_NOW, A_BEFORE), (b, B_NOW, B_BEFORE)):
        for area, x, y in zip(areas, now, before, strict=True):
            Value.objects.create(area=area, indicator=indicator, date=NOW, value=x)
            Value.objects.create(area=area, indicator=indicator, date=BEFORE, value=y)
    scheme = IndexScheme.objects.create(
        name="Berlin",
        slug="berlin",
        levels=[Level.PLANNING_AREA],
        status_thresholds=[-1.0, 1.0, 1.5],
        dynamics_thresholds=[-1.0, 1.0],
        method="Test",
        is_default=True,
    )
    IndexComponent.objects.create(scheme=scheme, indicator=a, weight=Decimal(2))
    IndexComponent.objects.create(scheme=scheme, indicator=b, weight=Decimal(1))
    return scheme


def test_status_and_dynamics_match_the_hand_computed_example(scheme):
    assert index_recompute() == 8  # 4 areas at two dates
    now = list(AreaIndex.objects.filter(date=NOW).order_by("area__code"))
    assert [r.status_score for r in now] == pytest.approx(STATUS, abs=1e-3)
    assert [r.dynamics_score for r in now] == pytest.approx(DYNAMICS, abs=1e-3)
    assert [r.status_class for r in now] == [1, 2, 2, 3]
    assert [r.dynamics_class for r in now] == [2, 2, 2, 3]
    assert [r.combined_class for r in now] == ["1±", "2±", "2±", "3−"]
    # The earlier date has no earlier period: status only.
    assert not AreaIndex.objects.filter(date=BEFORE, dynamics_class__isnull=False)


def test_weights_change_the_result(scheme):
    scheme.components.update(weight=Decimal(1))
    index_recompute()
    scores = AreaIndex.objects.filter(date=NOW).order_by("area__code")
    assert [r.status_score for r in scores] != pytest.approx(STATUS, abs=1e-3)


def test_area_with_suppressed_value_gets_no_index(scheme):
    Value.objects.filter(area__code="pr-0", date=NOW, indicator__slug="a").update(
        value=None, suppressed=Suppression.SECRET
    )
    index_recompute()
    assert not AreaIndex.objects.filter(area__code="pr-0", date=NOW).exists()
    assert AreaIndex.objects.filter(date=NOW).count() == 3


def test_other_levels_are_not_compared(scheme):
    AreaFactory(code="stadt", level=Level.CITY)
    index_recompute()
    assert not AreaIndex.objects.filter(area__code="stadt").exists()


@pytest.mark.parametrize(
    ("score", "expected"),
    [(-1.2, 1), (-1.0, 1), (0.0, 2), (1.0, 2), (1.2, 3), (1.6, 4)],
)
def test_classify_borders_stay_below(score, expected):
    assert index.classify(score, [-1.0, 1.0, 1.5]) == expected


def test_standardise_equal_values_gives_zero():
    assert index.standardise({1: 5.0, 2: 5.0}) == {1: 0.0, 2: 0.0}
