import datetime as dt
from types import SimpleNamespace

import pytest

from quartier.core.opening_hours import BERLIN, opening_state


def period(weekday, opens, closes):
    p = SimpleNamespace(weekday=weekday, opens=dt.time(*opens), closes=dt.time(*closes))
    p.contains = lambda m: m.weekday() == p.weekday and p.opens <= m.time() < p.closes
    return p


def closure(start, end):
    c = SimpleNamespace(starts_on=start, ends_on=end, reason="Ferien")
    c.covers = lambda day: c.starts_on <= day <= c.ends_on
    return c


# Dodesheide-Ost 2016: Mon 14-18, Wed 10-13, Thu 14-18.
HOURS = [
    period(0, (14, 0), (18, 0)),
    period(2, (10, 0), (13, 0)),
    period(3, (14, 0), (18, 0)),
]
MONDAY = dt.date(2026, 11, 30)


def at(day, hour, minute=0):
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=BERLIN)


@pytest.mark.parametrize(
    ("moment", "is_open"),
    [
        (at(MONDAY, 13, 59), False),
        (at(MONDAY, 14, 0), True),
        (at(MONDAY, 17, 59), True),
        (at(MONDAY, 18, 0), False),
        (at(MONDAY + dt.timedelta(days=1), 15), False),
    ],
)
def test_open_state_follows_weekly_hours(moment, is_open):
    assert opening_state(HOURS, [], moment).is_open is is_open


def test_open_state_reports_closing_time():
    assert opening_state(HOURS, [], at(MONDAY, 15)).closes_at == dt.time(18, 0)


def test_open_state_is_computed_in_berlin_time_from_utc():
    # 13:30 UTC on a winter Monday is 14:30 in Osnabrück.
    utc_moment = dt.datetime(2026, 11, 30, 13, 30, tzinfo=dt.UTC)
    assert opening_state(HOURS, [], utc_moment).is_open


def test_next_opening_later_the_same_week():
    state = opening_state(HOURS, [], at(MONDAY, 19))
    assert state.next_opening == at(MONDAY + dt.timedelta(days=2), 10)


def test_next_opening_wraps_into_next_week():
    state = opening_state(HOURS, [], at(MONDAY + dt.timedelta(days=3), 18, 30))
    assert state.next_opening == at(MONDAY + dt.timedelta(days=7), 14)


def test_closure_closes_and_moves_next_opening_past_it():
    holidays = closure(MONDAY, MONDAY + dt.timedelta(days=9))
    state = opening_state(HOURS, [holidays], at(MONDAY, 15))
    assert not state.is_open
    assert state.closure is holidays
    assert state.next_opening == at(MONDAY + dt.timedelta(days=10), 14)  # Thursday


def test_no_hours_means_no_next_opening():
    assert opening_state([], [], at(MONDAY, 12)).next_opening is None
