"""SVG map data for directory lists and details: quarters as background, numbered points."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from quartier.core.geo import MapFrame


def points_map(items: Sequence, quarters: Iterable, *, width: int = 600) -> dict | None:
    """Quarters outlined, each item with a point as a numbered marker (list order).

    `items` need `longitude`/`latitude`; those without a point are left out. Returns None
    when there is nothing to draw.
    """
    shapes = [q.shape for q in quarters]
    located = [item for item in items if item.longitude is not None]
    if not shapes and not located:
        return None
    from shapely.geometry import Point

    frame = MapFrame.around(
        shapes or [Point(i.longitude, i.latitude) for i in located],
        width=width,
        margin=0.08,
    )
    points = []
    for number, item in enumerate(items, start=1):
        if item.longitude is None:
            continue
        x, y = frame.xy(item.longitude, item.latitude)
        points.append({"item": item, "number": number, "x": x, "y": y})
    return {
        "frame": frame,
        "quarters": [frame.path(shape) for shape in shapes],
        "points": points,
    }
