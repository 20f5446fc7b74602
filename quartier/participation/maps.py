"""Server-rendered SVG map of ideas in a quarter: no tiles, no JavaScript.

The linked dots are joined in Python: up to 300 of them through the template
language cost more than the rest of the list page.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.html import format_html_join

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
        "linked_points": format_html_join(
            "",
            '<a href="{}" class="map__point map__point--idea" aria-label="{}">'
            '<circle cx="{}" cy="{}" r="8"/></a>',
            (
                (p["idea"].get_absolute_url(), p["idea"].title, p["x"], p["y"])
                for p in points
            ),
        ),
        "city_d": frame.path(city.intersection(_frame_box(frame))) if city else "",
        "quarter_d": frame.path(quarter.shape),
        "points": points,
    }
