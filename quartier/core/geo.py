"""GeoJSON (RFC 7946) in and out, and server-rendered SVG maps without tile servers."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from shapely import geometry as sg
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient

AREA_TYPES = ("Polygon", "MultiPolygon")


def parse_geometry(data: dict | None) -> BaseGeometry | None:
    return sg.shape(data) if data else None


def clean_area(data: dict) -> dict:
    """Validate a GeoJSON (Multi)Polygon and return it with RFC 7946 ring orientation."""
    if not isinstance(data, dict) or data.get("type") not in AREA_TYPES:
        raise ValidationError(
            _("Bitte eine GeoJSON-Fläche (Polygon oder MultiPolygon) angeben.")
        )
    try:
        shape = sg.shape(data)
    except (ValueError, TypeError, AttributeError, IndexError) as error:
        raise ValidationError(_("Die Geometrie ist kein gültiges GeoJSON.")) from error
    if shape.is_empty or not shape.is_valid:
        raise ValidationError(_("Die Fläche ist leer oder überschneidet sich selbst."))
    min_x, min_y, max_x, max_y = shape.bounds
    if not (-180 <= min_x <= max_x <= 180 and -90 <= min_y <= max_y <= 90):
        raise ValidationError(
            _("Koordinaten bitte als Längengrad, Breitengrad (WGS 84).")
        )
    return to_geojson(shape)


def to_geojson(shape: BaseGeometry, precision: int = 6) -> dict:
    """Exterior rings counter-clockwise, as RFC 7946 asks; ~10 cm precision."""
    if isinstance(shape, sg.Polygon):
        shape = orient(shape, sign=1.0)
    elif isinstance(shape, sg.MultiPolygon):
        shape = sg.MultiPolygon([orient(p, sign=1.0) for p in shape.geoms])
    return _rounded(sg.mapping(shape), precision)


def _rounded(value, precision: int):
    if isinstance(value, float):
        return round(value, precision)
    if isinstance(value, list | tuple):
        return [_rounded(v, precision) for v in value]
    if isinstance(value, dict):
        return {k: _rounded(v, precision) for k, v in value.items()}
    return value


def area_hectares(shape: BaseGeometry) -> float:
    """Approximate area of a small WGS 84 shape in hectares (local equirectangular)."""
    lat0 = math.radians(shape.centroid.y)
    metres_per_degree = 111_320.0
    return shape.area * metres_per_degree**2 * math.cos(lat0) / 10_000


def feature_collection(features: Iterable[dict], **members) -> dict:
    return {"type": "FeatureCollection", **members, "features": list(features)}


@dataclass(frozen=True)
class MapFrame:
    """Projects WGS 84 into an SVG viewBox: equirectangular, true to scale at its centre."""

    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float
    width: int = 600

    @classmethod
    def around(
        cls, shapes: Iterable[BaseGeometry], *, width: int = 600, margin: float = 0.06
    ):
        bounds = [s.bounds for s in shapes if s is not None and not s.is_empty]
        if not bounds:
            raise ValueError("A map needs at least one shape.")
        min_lon = min(b[0] for b in bounds)
        min_lat = min(b[1] for b in bounds)
        max_lon = max(b[2] for b in bounds)
        max_lat = max(b[3] for b in bounds)
        # A single point has no extent: give it about 150 m around.
        pad_lon = (max_lon - min_lon) * margin if max_lon > min_lon else 0.002
        pad_lat = (max_lat - min_lat) * margin if max_lat > min_lat else 0.002
        return cls(
            min_lon - pad_lon,
            min_lat - pad_lat,
            max_lon + pad_lon,
            max_lat + pad_lat,
            width,
        )

    @property
    def _x_scale(self) -> float:
        return math.cos(math.radians((self.min_lat + self.max_lat) / 2))

    @property
    def _factor(self) -> float:
        return self.width / ((self.max_lon - self.min_lon) * self._x_scale)

    @property
    def height(self) -> int:
        return max(1, round((self.max_lat - self.min_lat) * self._factor))

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        x = (lon - self.min_lon) * self._x_scale * self._factor
        y = (self.max_lat - lat) * self._factor
        return round(x, 1), round(y, 1)

    def path(self, shape: BaseGeometry | None) -> str:
        """SVG path data for a polygon, multipolygon or line."""
        if shape is None or shape.is_empty:
            return ""
        if isinstance(
            shape, sg.MultiPolygon | sg.MultiLineString | sg.GeometryCollection
        ):
            return " ".join(self.path(part) for part in shape.geoms)
        if isinstance(shape, sg.Polygon):
            rings = [shape.exterior, *shape.interiors]
            return " ".join(self._ring(ring.coords, closed=True) for ring in rings)
        if isinstance(shape, sg.LineString):
            return self._ring(shape.coords, closed=False)
        return ""

    def _ring(self, coords, *, closed: bool) -> str:
        points = [self.xy(lon, lat) for lon, lat, *_ in coords]
        head, *tail = points
        d = f"M{head[0]} {head[1]}" + "".join(f"L{x} {y}" for x, y in tail)
        return d + ("Z" if closed else "")


def optional_point_constraint(name: str):
    """Check constraint for a model's optional `longitude`/`latitude` pair in WGS 84."""
    from django.db import models

    return models.CheckConstraint(
        condition=models.Q(longitude__isnull=True, latitude__isnull=True)
        | models.Q(longitude__range=(-180, 180), latitude__range=(-90, 90)),
        name=name,
    )
