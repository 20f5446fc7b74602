"""Bounds for what a request may carry, shared by views, forms and the API.

Malformed input must give a clear error, never a 500. Three things reach the database
or the calendar code and break there unless checked first:

- integers beyond 64 bits (SQLite and PostgreSQL store at most 2**63 - 1),
- dates at the edge of Python's range (0001-01-01 cannot become a Berlin time,
  9999-12-31 has no next day),
- NUL characters, which PostgreSQL refuses in every text value.

The URL converter `id`, `parse_id`/`parse_month`, `BoundedDateField`, the ninja types
and `RejectNulMiddleware` all use the bounds below, so a view never repeats the check.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from django import forms
from django.core.exceptions import BadRequest, ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from pydantic import BeforeValidator, Field, WithJsonSchema

#: The largest value a BigAutoField (and any integer column) can hold.
DB_INT_MAX = 2**63 - 1
#: The dates the portal works with: anything else is a typing error, not a plan.
DATE_MIN = dt.date(1900, 1, 1)
DATE_MAX = dt.date(2199, 12, 31)
#: Free-text filters (slugs, names) are short; longer values are refused, not cut.
TEXT_MAX = 200

# --- URLs --------------------------------------------------------------------


class IdConverter:
    """`<id:pk>`: a database id. Up to 18 digits always fit in 64 bits; longer is 404."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


# --- plain query and form values ----------------------------------------------


def parse_int(
    value: str | None, *, minimum: int = 1, maximum: int = DB_INT_MAX
) -> int | None:
    """An integer in [minimum, maximum] from a query or form value, else None."""
    value = (value or "").strip()
    digits = value.removeprefix("-")
    if not digits.isascii() or not digits.isdigit() or len(digits) > 19:
        return None
    number = int(value)
    return number if minimum <= number <= maximum else None


def parse_id(value: str | None) -> int | None:
    """A database id (1 … 2**63 - 1) from a query or form value, or None."""
    return parse_int(value)


def parse_month(value: str | None) -> dt.date | None:
    """ "2026-11" → 1 November 2026; None for anything else or outside the bounds."""
    year, _sep, month = (value or "").partition("-")
    if not (year.isascii() and year.isdigit() and month.isascii() and month.isdigit()):
        return None
    if len(year) != 4 or len(month) > 2:
        return None
    try:
        first = dt.date(int(year), int(month), 1)
    except ValueError:
        return None
    if not DATE_MIN <= first <= DATE_MAX.replace(day=1):
        return None
    return first


def require_id(value: str | None) -> int | None:
    """Like `parse_id`, but a value that is there and not an id is a bad request (400)."""
    if not value:
        return None
    number = parse_id(value)
    if number is None:
        raise BadRequest("not an id")
    return number


class BoundedDateField(forms.DateField):
    """A date between DATE_MIN and DATE_MAX, with an error that names the range."""

    def validate(self, value):
        super().validate(value)
        if value and not DATE_MIN <= value <= DATE_MAX:
            raise ValidationError(
                _("Bitte ein Datum zwischen %(min)s und %(max)s angeben."),
                code="date_range",
                params={
                    "min": date_format(DATE_MIN, "SHORT_DATE_FORMAT"),
                    "max": date_format(DATE_MAX, "SHORT_DATE_FORMAT"),
                },
            )


# --- the API (ninja / pydantic) -------------------------------------------------

#: A database id in a path or query: 1 … 2**63 - 1, so the lookup cannot overflow.
ApiId = Annotated[int, Field(ge=1, le=DB_INT_MAX)]
#: An offset into a list.
ApiOffset = Annotated[int, Field(ge=0, le=DB_INT_MAX)]


def _iso_date(value):
    # pydantic would read "0" or "1700000000" as a Unix time: only YYYY-MM-DD is a date.
    if isinstance(value, str) and not re.fullmatch(
        r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value
    ):
        raise ValueError("expected a date as YYYY-MM-DD")
    return value


#: A date the calendar code can shift by a day and turn into Berlin time. The schema
#: says so with a pattern (JSON Schema has no minimum for dates): years 1900 to 2199.
ApiDate = Annotated[
    dt.date,
    BeforeValidator(_iso_date),
    Field(ge=DATE_MIN, le=DATE_MAX),
    WithJsonSchema(
        {
            "type": "string",
            "format": "date",
            "pattern": "^(19[0-9]{2}|2[01][0-9]{2})-[0-9]{2}-[0-9]{2}$",
        }
    ),
]
#: A short text filter (a slug, a name) without NUL characters.
ApiText = Annotated[str, Field(max_length=TEXT_MAX, pattern=r"^[^\x00]*$")]


# --- NUL characters anywhere ----------------------------------------------------


class RejectNulMiddleware:
    """400 for a NUL character in the path, a query or a form value (PostgreSQL refuses
    them in every text column, so they would end as a 500 deep in some query).

    The API is left to its own schema types (`ApiText`), which answer 422 and name the
    parameter, as API clients expect.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith("/api/") and _has_nul(request):
            raise BadRequest("NUL character in the request")
        return self.get_response(request)


def _has_nul(request) -> bool:
    if "\x00" in request.path_info:
        return True
    for query in (request.GET, request.POST if request.method == "POST" else None):
        if query is None:
            continue
        for key, values in query.lists():
            if "\x00" in key or any("\x00" in value for value in values):
                return True
    return False
