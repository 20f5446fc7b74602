import pytest
from django.urls import reverse

from quartier.measures.models import Measure

from .conftest import make_measures
from .factories import MeasureFactory


def url(quarter):
    return reverse("measures:list", kwargs={"quarter_slug": quarter.slug})


@pytest.mark.django_db
def test_filter_by_status(client, quarter):
    MeasureFactory(quarter=quarter, title="Fertig", status=Measure.Status.COMPLETED)
    MeasureFactory(quarter=quarter, title="Geplant", status=Measure.Status.PLANNING)
    html = client.get(url(quarter), {"stand": "completed"}).text
    assert "Fertig" in html and "Geplant" not in html


@pytest.mark.django_db
def test_filter_by_field_of_action(client, quarter):
    first, _second = make_measures(quarter, 2)
    field = first.action_fields.get()
    html = client.get(url(quarter), {"feld": field.pk}).text
    assert first.title in html and _second.title not in html


@pytest.mark.django_db
def test_filter_by_year_uses_actual_dates_first(client, quarter):
    import datetime as dt

    MeasureFactory(
        quarter=quarter,
        title="Verschoben",
        planned_start=dt.date(2020, 1, 1),
        planned_end=dt.date(2020, 12, 31),
        actual_start=dt.date(2023, 1, 1),
        actual_end=dt.date(2023, 6, 30),
    )
    assert "Verschoben" in client.get(url(quarter), {"jahr": 2023}).text
    assert "Verschoben" not in client.get(url(quarter), {"jahr": 2020}).text


@pytest.mark.django_db
def test_invalid_filter_shows_error_not_500(client, quarter):
    response = client.get(url(quarter), {"stand": "quatsch"})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.text


@pytest.mark.django_db
def test_list_shows_planned_total_from_funding_lines(client, measure):
    assert "450 €" in client.get(url(measure.quarter)).text


@pytest.mark.django_db
@pytest.mark.parametrize("count", [2, 20])
def test_list_query_count_does_not_grow(
    client, quarter, count, django_assert_num_queries
):
    make_measures(quarter, count)
    with django_assert_num_queries(7):
        assert client.get(url(quarter)).status_code == 200
