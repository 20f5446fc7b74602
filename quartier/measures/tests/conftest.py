import pytest

from .factories import ActionFieldFactory, FundingLineFactory, MeasureFactory


@pytest.fixture
def measure(quarter):
    field = ActionFieldFactory(quarter=quarter, title="Grün- und Freiflächen")
    measure = MeasureFactory(quarter=quarter, title="Spielplatz", fields=[field])
    FundingLineFactory(
        measure=measure, source="bund", year=2024, planned=300, spent=100
    )
    FundingLineFactory(measure=measure, source="stadt", year=2025, planned=150, spent=0)
    return measure


@pytest.fixture
def draft_measure(quarter):
    return MeasureFactory(quarter=quarter, title="Entwurf", is_published=False)


def make_measures(quarter, count):
    """`count` measures with two funding lines each, in two fields of action."""
    fields = [ActionFieldFactory(quarter=quarter) for _ in range(2)]
    measures = []
    for i in range(count):
        measure = MeasureFactory(quarter=quarter, fields=[fields[i % 2]])
        FundingLineFactory(measure=measure, source="land", year=2024 + i % 3)
        FundingLineFactory(measure=measure, source="eu", year=2025, planned=500)
        measures.append(measure)
    return measures
