import pytest
from django.urls import reverse

from .conftest import make_measures


def url(quarter):
    return reverse("measures:report", kwargs={"quarter_slug": quarter.slug})


@pytest.mark.django_db
def test_report_lists_measures_with_money(client, measure):
    html = client.get(url(measure.quarter)).text
    assert "Sachstandsbericht" in html
    assert "Spielplatz" in html and "450 €" in html
    assert "Mittel je Jahr" in html


@pytest.mark.django_db
@pytest.mark.parametrize("count", [2, 20])
def test_report_query_count_does_not_grow(
    client, quarter, count, django_assert_num_queries
):
    make_measures(quarter, count)
    with django_assert_num_queries(9):
        assert client.get(url(quarter)).status_code == 200
