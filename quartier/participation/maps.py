"""Server-rendered SVG map of ideas in a quarter: no tiles, no JavaScript."""

from __future__ import annotations

from collections.abc import Iterable

from quartier.core.geo import MapFrame
from quartier.quarters.maps import _city_shape, _frame_box

MAX_POINTS = 300  # beyond this a map of dots says nothing; the list pages the rest


def ideas_map(quarter, ideas: Iterable) -> dict:
    """The quarter's outline with one numbered dot per idea that has a point."""
    frame = MapFrame.around([quarter.shape], width=600, margin=0.12)
    city = _city_shape()
    points = []
    for idea in ideas:
        if idea.longitude is None or idea.latitude is None:
            continue
        x, y = frame.xy(idea.longitude, idea.latitude)
        points.append({"idea": idea, "x": x, "y": y})
        if len(points) >= MAX_POINTS:
            break
    return {
        "frame": frame,
        "city_d": frame.path(city.intersection(_frame_box(frame))) if city else "",
        "quarter_d": frame.path(quarter.shape),
        "points": points,
    }
