"""Guard (issue 12, item 15): every place in the demo lies in its quarter.

Walks every model of our apps that has a quarter and a place (a point as
longitude/latitude, or a GeoJSON `location`): points, lines and areas alike must be
covered by the quarter's boundary, as the forms demand of what people enter. A demo
area 2.3 % outside its quarter passed before, because only points were held to it.
"""

import pytest
from django.apps import apps
from django.core.management import call_command
from shapely.geometry import Point

from quartier.core.geo import parse_geometry

pytestmark = pytest.mark.django_db


def placed_models():
    for model in apps.get_models():
        if not model.__module__.startswith("quartier."):
            continue
        names = {field.name for field in model._meta.get_fields()}
        if "quarter" in names and (
            {"longitude", "latitude"} <= names or "location" in names
        ):
            yield model


def _shape(row):
    if getattr(row, "location", None):
        return parse_geometry(row.location)
    if getattr(row, "longitude", None) is not None:
        return Point(row.longitude, row.latitude)
    return None


def test_the_walk_sees_every_kind_of_place():
    labels = {model._meta.label for model in placed_models()}
    assert {"measures.Measure", "participation.Idea", "community.Vacancy"} <= labels


def test_every_demo_place_lies_in_its_quarter(tmp_path):
    call_command("seed_demo", password_file=str(tmp_path / "password.txt"))
    outside, checked = [], 0
    for model in placed_models():
        for row in model._default_manager.select_related("quarter"):
            shape = _shape(row)
            if shape is None or row.quarter is None:
                continue
            checked += 1
            if not row.quarter.shape.covers(shape):
                outside.append(f"{model._meta.label} {row.pk} ({shape.geom_type})")
    assert checked > 30
    assert outside == []
