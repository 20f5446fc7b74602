import pytest

from quartier.monitoring.models import Indicator, Level

from .factories import AreaFactory, IndicatorFactory


@pytest.fixture
def city(db):
    return AreaFactory(code="stadt", name="Teststadt", level=Level.CITY)


@pytest.fixture
def districts(city):
    return [
        AreaFactory(code=f"stadtteil-{n}", name=f"Stadtteil {n}", parent=city)
        for n in range(1, 4)
    ]


@pytest.fixture
def sgb2(db):
    return IndicatorFactory(slug="sgb2", name="SGB-II-Quote")


@pytest.fixture
def inhabitants(db):
    return IndicatorFactory(
        slug="einwohner",
        name="Einwohner*innen",
        unit=Indicator.Unit.COUNT,
        direction=Indicator.Direction.NEUTRAL,
        decimals=0,
    )


@pytest.fixture(autouse=True)
def _german():
    # A request to /en/ leaves English active in this thread, and reverse() would
    # then build /en/ URLs for the next test.
    from django.utils import translation

    with translation.override("de"):
        yield


@pytest.fixture(autouse=True)
def _empty_cache():
    # The map caches projected boundaries: each test draws from a cold cache.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
