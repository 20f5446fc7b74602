"""Guard over every file field of ours: stored names cannot be guessed.

A guessable name (the uploader's own file name, or a counter) lets anyone who
learns one URL try its neighbours: receipts, floor plans, photos of residents.
Each field must name its files randomly, whatever code saves them.
"""

import re
from unittest import mock

import pytest
from django.apps import apps
from django.db import models

OWN_APPS = [
    config for config in apps.get_app_configs() if config.name.startswith("quartier.")
]
FILE_FIELDS = [
    pytest.param(model, field, id=f"{model._meta.label}.{field.name}")
    for config in OWN_APPS
    for model in config.get_models()
    for field in model._meta.get_fields()
    if isinstance(field, models.FileField)
]
RANDOM_PART = re.compile(r"[0-9a-f]{32}")


def test_the_walk_finds_the_file_fields():
    assert len(FILE_FIELDS) >= 3


@pytest.mark.parametrize(("model", "field"), FILE_FIELDS)
def test_stored_names_are_random(model, field):
    instance = mock.MagicMock(spec=model)
    first = field.generate_filename(instance, "Kontoauszug Müller.pdf")
    second = field.generate_filename(instance, "Kontoauszug Müller.pdf")
    assert first != second
    assert "Kontoauszug" not in first and "Muller" not in first
    assert RANDOM_PART.search(first.rsplit("/", 1)[-1]), first
