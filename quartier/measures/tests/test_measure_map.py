import pytest
from django.urls import reverse

from .conftest import make_measures
from .factories import MeasureFactory


def url(quarter):
    return reverse("measures:map", kwargs={"quarter_slug": quarter.slug})


@pytest.mark.django_db
def test_map_numbers_each_located_measure_and_lists_it(client, quarter):
    line = MeasureFactory(
        quarter=quarter,
        title="Weg am Fluss",
        location={
            "type": "LineString",
            "coordinates": [
                list(quarter.shape.representative_point().coords[0]),
                list(quarter.shape.centroid.coords[0]),
            ],
        },
    )
    MeasureFactory(quarter=quarter, title="Ohne Ort", location=None)
    html = client.get(url(quarter)).text
    assert 'role="img"' in html and "<title" in html
    assert "map__measure--linestring" in html
    assert line.title in html
    assert "Ohne Ort" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("count", [2, 20])
def test_map_query_count_does_not_grow(
    client, quarter, count, django_assert_num_queries
):
    make_measures(quarter, count)
    with django_assert_num_queries(4):
        assert client.get(url(quarter)).status_code == 200
