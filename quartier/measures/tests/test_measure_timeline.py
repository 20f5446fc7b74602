import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from .conftest import make_measures
from .factories import MeasureFactory


def url(quarter):
    return reverse("measures:timeline", kwargs={"quarter_slug": quarter.slug})


@pytest.mark.django_db
@time_machine.travel(dt.datetime(2025, 6, 1, 12, tzinfo=dt.UTC))
def test_timeline_has_svg_and_table_with_same_measures(client, quarter):
    MeasureFactory(
        quarter=quarter,
        title="Platz",
        planned_start=dt.date(2023, 1, 1),
        planned_end=dt.date(2024, 12, 31),
    )
    MeasureFactory(
        quarter=quarter,
        title="Ohne Ende",
        planned_start=dt.date(2024, 3, 1),
        planned_end=None,
    )
    MeasureFactory(
        quarter=quarter, title="Irgendwann", planned_start=None, planned_end=None
    )
    html = client.get(url(quarter)).text
    assert html.count('class="gantt__bar') == 2
    assert "gantt__bar--open" in html
    assert "Zeitplan als Tabelle" in html
    assert "gantt__today" in html
    # undated measures are listed separately, not drawn
    assert "Ohne Termin" in html and "Irgendwann" in html


@pytest.mark.django_db
@pytest.mark.parametrize("count", [2, 20])
def test_timeline_query_count_does_not_grow(
    client, quarter, count, django_assert_num_queries
):
    make_measures(quarter, count)
    with django_assert_num_queries(4):
        assert client.get(url(quarter)).status_code == 200
