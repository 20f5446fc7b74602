"""The event map: quarters as background, one numbered point per place with dates."""

from __future__ import annotations

from collections.abc import Sequence

from quartier.core.geo import MapFrame


def venues_map(quarters: Sequence, occurrences: Sequence) -> dict | None:
    """Group `occurrences` by venue; points numbered in the order of the next date."""
    venues: dict[int, dict] = {}
    for occ in occurrences:
        venue = occ.event.venue
        entry = venues.setdefault(venue.pk, {"venue": venue, "occurrences": []})
        entry["occurrences"].append(occ)
    located = [v for v in venues.values() if v["venue"].longitude is not None]
    # Only areas: a quarter without a proper boundary would draw nothing anyway.
    quarters = [q for q in quarters if q.shape.geom_type in ("Polygon", "MultiPolygon")]
    shapes = [q.shape for q in quarters]
    if not shapes and not located:
        return None
    from shapely.geometry import Point

    frame = MapFrame.around(
        shapes + [Point(v["venue"].longitude, v["venue"].latitude) for v in located],
        width=600,
        margin=0.08,
    )
    for number, entry in enumerate(located, start=1):
        entry["number"] = number
        entry["x"], entry["y"] = frame.xy(
            entry["venue"].longitude, entry["venue"].latitude
        )
    return {
        "frame": frame,
        "quarters": [{"quarter": q, "d": frame.path(q.shape)} for q in quarters],
        "points": located,
        "unlocated": [v for v in venues.values() if v["venue"].longitude is None],
    }
