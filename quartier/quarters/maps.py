"""Data for the server-rendered SVG maps: the overview, the cards and one quarter."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from quartier.core.geo import MapFrame

from .models import CitySettings, Office


def _city_shape():
    return CitySettings.load().outline_shape


def overview_map(quarter_pages: Iterable) -> dict | None:
    """All quarters on the city outline; each shape links to its page. Also feeds the cards."""
    pages = list(quarter_pages)
    if not pages:
        return None
    city = _city_shape()
    frame = MapFrame.around(
        [city] if city else [p.quarter.shape for p in pages], width=600
    )
    shapes = []
    for page in pages:
        x, y = frame.xy(*page.quarter.shape.representative_point().coords[0])
        shapes.append(
            {
                "page": page,
                "d": frame.path(page.quarter.shape),
                "label_x": x,
                "label_y": y,
            }
        )
    return {"frame": frame, "city_d": frame.path(city), "shapes": shapes}


def quarter_map(quarter, offices: Sequence[Office]) -> dict:
    """One quarter with its offices, and the city outline around it faintly."""
    frame = MapFrame.around([quarter.shape], width=400, margin=0.12)
    city = _city_shape()
    points = []
    for office in offices:
        if office.longitude is None:
            continue
        x, y = frame.xy(office.longitude, office.latitude)
        points.append({"office": office, "x": x, "y": y})
    return {
        "frame": frame,
        "city_d": frame.path(city.intersection(_frame_box(frame))) if city else "",
        "quarter_d": frame.path(quarter.shape),
        "points": points,
    }


def _frame_box(frame: MapFrame):
    from shapely.geometry import box

    return box(frame.min_lon, frame.min_lat, frame.max_lon, frame.max_lat)
