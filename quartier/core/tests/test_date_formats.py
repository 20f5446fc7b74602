"""Dates and times come from the locale's formats, not from patterns in templates."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import translation

WHEN = dt.datetime(2026, 11, 12, 17, 0, tzinfo=ZoneInfo("Europe/Berlin"))


@pytest.mark.parametrize(
    ("language", "template", "expected"),
    [
        ("de", '{{ when|date:"DATE_FORMAT" }}', "12. November 2026"),
        ("en", '{{ when|date:"DATE_FORMAT" }}', "12 November 2026"),
        ("de", "{{ when|time }}", "17:00"),
        ("en", "{{ when|time }}", "17:00"),
        (
            "de",
            '{% load core_tags %}{{ when|local_date:"WEEKDAY_DATE_FORMAT" }}',
            "Donnerstag, 12. November 2026",
        ),
        (
            "en",
            '{% load core_tags %}{{ when|local_date:"WEEKDAY_DATE_FORMAT" }}',
            "Thursday, 12 November 2026",
        ),
        (
            "en",
            '{% load core_tags %}{{ when|local_date:"SHORT_WEEKDAY_DAY_FORMAT" }}',
            "Thu 12 Nov",
        ),
        (
            "de",
            "{% blocktranslate with start=when|time end=when|time %}"
            "{{ start }}–{{ end }} Uhr{% endblocktranslate %}",
            "17:00–17:00 Uhr",
        ),
        (
            "en",
            "{% blocktranslate with start=when|time end=when|time %}"
            "{{ start }}–{{ end }} Uhr{% endblocktranslate %}",
            "17:00–17:00",
        ),
    ],
)
def test_dates_in_each_language(language, template, expected, settings):
    settings.TIME_ZONE = "Europe/Berlin"
    with translation.override(language):
        assert Template(template).render(Context({"when": WHEN})) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("de", "Sie sind angemeldet (1 Person)."),
        ("en", "You are registered (1 person)."),
    ],
)
def test_one_seat_is_one_person(language, expected):
    template = (
        "{% blocktranslate trimmed count seats=n %}Sie sind angemeldet ({{ seats }}"
        " Person).{% plural %}Sie sind angemeldet ({{ seats }} Personen)."
        "{% endblocktranslate %}"
    )
    with translation.override(language):
        assert Template(template).render(Context({"n": 1})) == expected
        assert "/en" not in Template(template).render(Context({"n": 2}))
