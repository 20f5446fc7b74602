import pytest
from django.core.exceptions import ValidationError
from shapely.geometry import Polygon, shape

from quartier.core.geo import MapFrame, area_hectares, clean_area

CLOCKWISE = {
    "type": "Polygon",
    "coordinates": [
        [[8.0, 52.0], [8.0, 52.01], [8.01, 52.01], [8.01, 52.0], [8.0, 52.0]]
    ],
}


def test_clean_area_turns_exterior_rings_counter_clockwise():
    cleaned = clean_area(CLOCKWISE)
    assert shape(cleaned).exterior.is_ccw


@pytest.mark.parametrize(
    "data",
    [
        {"type": "Point", "coordinates": [8.0, 52.0]},
        {
            "type": "Polygon",
            "coordinates": [[[8, 52], [8.01, 52.01], [8.01, 52], [8, 52.01], [8, 52]]],
        },  # bow tie
        {
            "type": "Polygon",
            "coordinates": [[[800, 52], [801, 52], [801, 53], [800, 52]]],
        },
        {"type": "Polygon", "coordinates": "nonsense"},
        "not even a dict",
    ],
)
def test_clean_area_rejects_what_is_not_a_valid_area(data):
    with pytest.raises(ValidationError):
        clean_area(data)


def test_area_hectares_of_schinkel_sized_square():
    # About 1 km x 1 km at Osnabrück's latitude is about 100 ha.
    square = Polygon([(8.05, 52.28), (8.0647, 52.28), (8.0647, 52.289), (8.05, 52.289)])
    assert 95 < area_hectares(square) < 105


def test_map_frame_keeps_scale_true_at_its_centre():
    square = Polygon([(8.05, 52.28), (8.0647, 52.28), (8.0647, 52.289), (8.05, 52.289)])
    frame = MapFrame.around([square], width=600, margin=0)
    # A ground square stays roughly square on the map.
    assert abs(frame.height - 600) < 20
    assert frame.xy(8.05, 52.289) == (0.0, 0.0)


def test_map_frame_path_draws_closed_rings():
    frame = MapFrame.around([shape(CLOCKWISE)])
    d = frame.path(shape(CLOCKWISE))
    assert d.startswith("M") and d.endswith("Z")
    assert frame.path(None) == ""
