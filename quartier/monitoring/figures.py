"""What the public pages show: figure tables, SVG chart geometry and map classes.

Every function reads with a fixed number of queries and returns plain data, so the
templates cause none (house style §4) and the table and the chart come from the same
numbers.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from quartier.core.geo import MapFrame, parse_geometry

from .models import Area, AreaIndex, IndexScheme, Indicator, Level, Value

# ColorBrewer YlGnBu, 5 classes: sequential and safe for the common colour-vision
# deficiencies; the lightest class stays readable with dark text.
PALETTE = ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"]
CLASS_METHODS = {
    "quantile": _("Quantile (gleich viele Gebiete je Klasse)"),
    "natuerlich": _("natürliche Klassengrenzen (Jenks)"),
}


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


@dataclass
class Figure:
    """One indicator of one area: latest value, change, and the city beside it."""

    indicator: Indicator
    latest: Value | None
    previous: Value | None
    city: Value | None

    @property
    def change(self) -> Decimal | None:
        if self.latest and self.previous and self.latest.value is not None:
            if self.previous.value is not None:
                return self.latest.value - self.previous.value
        return None

    @property
    def against_city(self) -> Decimal | None:
        """Difference to the city; none for counts (a quarter is smaller than a city)."""
        if self.indicator.unit == Indicator.Unit.COUNT:
            return None
        if self.latest and self.city and self.latest.value is not None:
            if self.city.value is not None:
                return self.latest.value - self.city.value
        return None


def area_figures(area: Area, *, key_only: bool = False) -> list[Figure]:
    """Latest value per indicator, the one before it, and the city's at that date.

    Three queries: indicators, the area's values, the city's values.
    """
    indicators = Indicator.objects.all()
    if key_only:
        indicators = indicators.filter(is_key=True)
    indicators = list(indicators)
    own: dict[int, list[Value]] = {}
    for value in Value.objects.filter(area=area, indicator__in=indicators).order_by(
        "indicator_id", "-date"
    ):
        own.setdefault(value.indicator_id, []).append(value)
    city_area = (
        Area.objects.filter(level=Level.CITY).first()
        if area.level != Level.CITY
        else None
    )
    city: dict[tuple[int, dt.date], Value] = {}
    if city_area is not None:
        latest_dates = {i: v[0].date for i, v in own.items()}
        for value in Value.objects.filter(
            area=city_area,
            indicator__in=list(latest_dates),
            date__in=set(latest_dates.values()),
        ):
            city[(value.indicator_id, value.date)] = value
    figures = []
    for indicator in indicators:
        values = own.get(indicator.pk)
        if not values:
            continue
        figures.append(
            Figure(
                indicator=indicator,
                latest=values[0],
                previous=values[1] if len(values) > 1 else None,
                city=city.get((indicator.pk, values[0].date)),
            )
        )
    return figures


def latest_index(area: Area) -> AreaIndex | None:
    return (
        AreaIndex.objects.filter(area=area, scheme__is_default=True)
        .select_related("scheme")
        .order_by("-date")
        .first()
    )


# --- Charts -------------------------------------------------------------------------


def _nice_step(span: float) -> float:
    """A round tick step (1, 2, 2.5 or 5 times a power of ten) for about five ticks."""
    if span <= 0:
        return 1.0
    raw = span / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


@dataclass
class Series:
    label: str
    points: list[tuple[dt.date, float | None]]
    css: str


def line_chart(
    series: Sequence[Series], *, width: int = 640, height: int = 280
) -> dict:
    """Geometry of a time-series line chart; gaps (suppressed values) break the line."""
    dates = sorted({d for s in series for d, _ in s.points})
    numbers = [v for s in series for _, v in s.points if v is not None]
    if not dates or not numbers:
        return {}
    left, right, top, bottom = 56, width - 16, 16, height - 32
    low, high = min(0.0, min(numbers)), max(numbers)
    step = _nice_step(high - low)
    high = step * (int(high / step) + 1)
    span = high - low or 1.0

    def x_of(date: dt.date) -> float:
        if len(dates) == 1:
            return (left + right) / 2
        return round(left + (right - left) * dates.index(date) / (len(dates) - 1), 1)

    def y_of(value: float) -> float:
        return round(bottom - (bottom - top) * (value - low) / span, 1)

    lines = []
    for s in series:
        segments, current = [], []
        for date, value in sorted(s.points):
            if value is None:
                if current:
                    segments.append(current)
                current = []
                continue
            current.append((x_of(date), y_of(value)))
        if current:
            segments.append(current)
        paths = [
            "M" + " L".join(f"{x} {y}" for x, y in segment) for segment in segments
        ]
        dots = [point for segment in segments for point in segment]
        lines.append({"label": s.label, "css": s.css, "paths": paths, "dots": dots})
    ticks = []
    value = low
    while value <= high + step / 1000:
        ticks.append({"value": round(value, 6), "y": y_of(value)})
        value += step
    every = max(1, len(dates) // 10)
    labels = [
        {
            "x": x_of(d),
            "text": d.year if d.month == 12 and d.day == 31 else d.isoformat(),
        }
        for i, d in enumerate(dates)
        if i % every == 0
    ]
    return {
        "width": width,
        "height": height,
        "left": left,
        "right": right,
        "baseline": bottom,
        "label_y": height - 10,
        "ticks": ticks,
        "labels": labels,
        "lines": lines,
    }


def comparison_chart(figures: Sequence[Figure], *, width: int = 640) -> dict:
    """Horizontal bars: the area's latest share beside the city's, percent indicators only."""
    rows = [
        f
        for f in figures
        if f.indicator.is_share and f.latest and f.latest.value is not None
    ]
    if not rows:
        return {}
    label_width, left, right, bar = 230, 236, width - 60, 12
    top, height_per_row = 8, 40
    top_value = max(
        [float(f.latest.value) for f in rows]
        + [float(f.city.value) for f in rows if f.city and f.city.value is not None]
    )
    scale_max = _nice_step(top_value) * (int(top_value / _nice_step(top_value)) + 1)
    items = []
    for index, figure in enumerate(rows):
        y = top + index * height_per_row
        own = float(figure.latest.value)
        city = (
            float(figure.city.value)
            if figure.city and figure.city.value is not None
            else None
        )
        items.append(
            {
                "label": figure.indicator.label,
                "label_y": y + bar + 2,
                "y": y,
                "own_width": round((right - left) * own / scale_max, 1),
                "own": own,
                "city_y": y + bar + 2,
                "city_width": None
                if city is None
                else round((right - left) * city / scale_max, 1),
                "city": city,
                "decimals": figure.indicator.decimals,
            }
        )
    return {
        "width": width,
        "height": top + len(rows) * height_per_row,
        "label_x": label_width,
        "left": left,
        "bar": bar,
        "items": items,
    }


# --- Map ----------------------------------------------------------------------------


def quantile_breaks(values: Sequence[float], classes: int) -> list[float]:
    """Upper bounds of `classes` classes with (about) equally many values in each."""
    ordered = sorted(values)
    n = len(ordered)
    breaks = []
    for k in range(1, classes):
        position = k * n / classes
        breaks.append(ordered[min(n - 1, max(0, round(position) - 1))])
    breaks.append(ordered[-1])
    return _dedupe(breaks)


def jenks_breaks(values: Sequence[float], classes: int) -> list[float]:
    """Fisher–Jenks natural breaks: minimal within-class variance, exact.

    The dynamic programme over "first k classes end at value e" is solved layer by
    layer with divide and conquer: the best start of the last class never moves left
    as e grows (the squared-deviation cost satisfies the quadrangle inequality), so
    each layer needs O(n log n) cost evaluations instead of O(n²). Each recursion
    depth is one numpy step over all its midpoints; with a thousand planning areas
    this takes milliseconds where the quadratic table took a tenth of a second.
    Ties go to the smallest start, as a full table scan would pick them.
    """
    import numpy as np

    data = np.sort(np.asarray(values, dtype=float))
    n = len(data)
    if n <= classes:
        return _dedupe(list(data))
    # Centred sums lose less to rounding in the difference of squares below.
    centred = data - data.mean()
    cumulative = np.concatenate([[0.0], np.cumsum(centred)])
    cumulative_sq = np.concatenate([[0.0], np.cumsum(centred**2)])

    def cost(start: np.ndarray, end: np.ndarray) -> np.ndarray:
        # Sum of squared deviations of data[start:end], elementwise.
        total = cumulative[end] - cumulative[start]
        return cumulative_sq[end] - cumulative_sq[start] - total**2 / (end - start)

    best = np.full(n + 1, np.inf)
    best[1:] = cost(np.zeros(n, dtype=int), np.arange(1, n + 1))
    choices = []
    for k in range(2, classes + 1):
        best, choice = _jenks_layer(best, cost, k, n)
        choices.append(choice)
    breaks, end = [], n
    for choice in reversed(choices):
        breaks.append(float(data[end - 1]))
        end = int(choice[end])
    breaks.append(float(data[end - 1]))
    return _dedupe(sorted(breaks))


def _jenks_layer(previous, cost, k: int, n: int):
    """Best cost of k classes over the first e values, for every e, and where the
    last class starts. Pending ranges of e are (low, high) with the window of starts
    (first, last) their best start must lie in."""
    import numpy as np

    best = np.full(n + 1, np.inf)
    choice = np.zeros(n + 1, dtype=int)
    low, high = np.array([k]), np.array([n])
    first, last = np.array([k - 1]), np.array([n - 1])
    while low.size:
        mid = (low + high) // 2
        lengths = np.minimum(last, mid - 1) - first + 1
        offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        # All (range, candidate start) pairs of this depth, flattened.
        owner = np.repeat(np.arange(low.size), lengths)
        starts = first[owner] + np.arange(lengths.sum()) - offsets[owner]
        totals = previous[starts] + cost(starts, mid[owner])
        minima = np.minimum.reduceat(totals, offsets)
        hits = np.flatnonzero(totals == minima[owner])
        leading = np.concatenate([[True], owner[hits][1:] != owner[hits][:-1]])
        picked = starts[hits[leading]]
        best[mid], choice[mid] = minima, picked
        left, right = low < mid, mid < high
        low, high, first, last = (
            np.concatenate([low[left], mid[right] + 1]),
            np.concatenate([mid[left] - 1, high[right]]),
            np.concatenate([first[left], picked[right]]),
            np.concatenate([picked[left], last[right]]),
        )
    return best, choice


def _dedupe(breaks: list[float]) -> list[float]:
    out: list[float] = []
    for value in breaks:
        if not out or value > out[-1]:
            out.append(value)
    return out


def class_of(value: float, breaks: Sequence[float]) -> int:
    for index, upper in enumerate(breaks):
        if value <= upper:
            return index
    return len(breaks) - 1


def choropleth(
    indicator: Indicator, level: str, date: dt.date, method: str, *, width: int = 640
) -> dict:
    """Areas of `level` coloured in classes of `indicator` at `date`, with the legend.

    Three queries (areas, values, city and quarter outlines), a fourth and a fifth
    when the projected boundaries are not cached yet (see `map_geometry`).
    """
    drawn = Area.objects.filter(boundary__isnull=False).defer("boundary")
    areas = list(drawn.filter(level=level))
    if not areas:
        return {}
    # Joined on the level rather than a list of a thousand ids: the (indicator, date)
    # index finds the rows, and the query stays one short statement. No ordering: the
    # default one joins the indicators and sorts in a temporary B-tree.
    values = {
        v.area_id: v
        for v in Value.objects.filter(
            indicator=indicator,
            date=date,
            area__level=level,
            area__boundary__isnull=False,
        )
        .order_by()
        .only("area_id", "value", "suppressed", "status")
    }
    numbers = [float(v.value) for v in values.values() if v.value is not None]
    classes = min(5, len(set(numbers)))
    if not numbers:
        breaks = []
    elif method == "natuerlich":
        breaks = jenks_breaks(numbers, classes)
    else:
        breaks = quantile_breaks(numbers, classes)
    colours = _palette_positions(len(breaks))
    outlines = [Level.CITY] if level == Level.QUARTER else [Level.CITY, Level.QUARTER]
    overlay = list(drawn.filter(level__in=outlines))
    city = next((a for a in overlay if a.level == Level.CITY), None)
    quarters = [a for a in overlay if a.level == Level.QUARTER]
    geometry = map_geometry(areas, city=city, quarters=quarters, width=width)
    # .get: an area deleted between the queries is drawn empty, not a 500.
    paths = geometry["paths"]
    shapes = []
    for area in areas:
        value = values.get(area.pk)
        number = _number(value.value) if value else None
        index = class_of(number, breaks) if number is not None else None
        shapes.append(
            {
                "area": area,
                "d": paths.get(area.pk, ""),
                "value": value,
                "class_index": index,
                "palette": colours[index] if index is not None else None,
            }
        )
    lower = min(numbers) if numbers else None
    legend = []
    for index, upper in enumerate(breaks):
        legend.append(
            {
                "palette": colours[index],
                "low": lower if index == 0 else breaks[index - 1],
                "high": upper,
                "count": sum(1 for s in shapes if s["class_index"] == index),
                "first": index == 0,
            }
        )
    return {
        "frame": geometry["frame"],
        "city_d": paths.get(city.pk, "") if city else "",
        "shapes": shapes,
        "quarters": [{"area": a, "d": paths.get(a.pk, "")} for a in quarters],
        "legend": legend,
        "missing": sum(1 for s in shapes if s["class_index"] is None),
        "method_label": CLASS_METHODS.get(method, CLASS_METHODS["quantile"]),
        "schematic": any(a.boundary_is_schematic for a in areas),
    }


MAP_CACHE_SECONDS = 7 * 24 * 3600


def map_geometry(
    areas: Sequence[Area],
    *,
    city: Area | None,
    quarters: Sequence[Area],
    width: int,
) -> dict:
    """The map's frame and SVG path data per area id, for the areas, city and quarters.

    Projecting a thousand planning-area boundaries costs more than all the rest of
    the page, and boundaries change seldom, so the result is cached. The key names
    every area drawn with its last change (`updated_at`) and the width: an edited,
    added or removed boundary, or a new city outline (it sets the frame), gives a new
    key, and an old entry is never read again. The areas come without their
    boundary; only a miss loads the boundaries, in one query.
    """
    drawn = [*areas, *([city] if city else []), *quarters]
    digest = hashlib.sha256(f"{width}|{city.pk if city else ''}".encode())
    for area in drawn:
        digest.update(f"|{area.pk}:{area.updated_at.isoformat()}".encode())
    key = f"monitoring:map-geometry:{digest.hexdigest()}"
    geometry = cache.get(key)
    if geometry is None:
        boundaries = dict(
            Area.objects.filter(pk__in={a.pk for a in drawn}).values_list(
                "pk", "boundary"
            )
        )
        shapes = {pk: parse_geometry(data) for pk, data in boundaries.items()}
        frame = MapFrame.around(
            [shapes[city.pk]] if city else [shapes[a.pk] for a in areas],
            width=width,
            margin=0.03,
        )
        geometry = {
            "frame": frame,
            "paths": {pk: frame.path(shape) for pk, shape in shapes.items()},
        }
        cache.set(key, geometry, MAP_CACHE_SECONDS)
    return geometry


def _palette_positions(count: int) -> list[int]:
    """Positions in PALETTE for `count` classes, spread out, lightest first.

    The colours live in the stylesheet (classes `choropleth--p0` … `p4`): no inline
    style, as the CSP wants.
    """
    if count <= 1:
        return [2]
    return [round(i * (len(PALETTE) - 1) / (count - 1)) for i in range(count)]


def default_scheme() -> IndexScheme | None:
    return (
        IndexScheme.objects.filter(is_default=True)
        .prefetch_related("components__indicator")
        .first()
    )


def quarter_panel(quarter) -> dict | None:
    """ "Das Quartier in Zahlen" on the quarter page: key indicators and the index class."""
    area = Area.objects.filter(quarter=quarter).first()
    if area is None:
        return None
    rows = area_figures(area, key_only=True)
    if not rows:
        return None
    return {"area": area, "figures": rows, "index": latest_index(area)}
