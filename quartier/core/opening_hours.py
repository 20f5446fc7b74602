"""Weekly opening hours with "open now", computed in the city's time zone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

BERLIN = ZoneInfo("Europe/Berlin")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Montag")
    TUESDAY = 1, _("Dienstag")
    WEDNESDAY = 2, _("Mittwoch")
    THURSDAY = 3, _("Donnerstag")
    FRIDAY = 4, _("Freitag")
    SATURDAY = 5, _("Samstag")
    SUNDAY = 6, _("Sonntag")


class OpeningPeriod(models.Model):
    """One weekly time slot. Subclasses add the foreign key to what opens."""

    weekday = models.PositiveSmallIntegerField(_("Wochentag"), choices=Weekday.choices)
    opens = models.TimeField(_("von"))
    closes = models.TimeField(_("bis"))
    languages = models.CharField(
        _("Sprachen"),
        max_length=200,
        blank=True,
        help_text=_("z. B. Arabisch, Türkisch"),
    )
    languages_en = models.CharField(
        _("Sprachen (englisch)"),
        max_length=200,
        blank=True,
        help_text=_("Leer lassen: Englische Seiten zeigen dann den deutschen Text."),
    )
    note = models.CharField(_("Hinweis"), max_length=200, blank=True)
    note_en = models.CharField(
        _("Hinweis (englisch)"),
        max_length=200,
        blank=True,
        help_text=_("Leer lassen: Englische Seiten zeigen dann den deutschen Text."),
    )

    class Meta:
        abstract = True
        ordering = ["weekday", "opens"]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"

    def contains(self, moment: dt.datetime) -> bool:
        return (
            moment.weekday() == self.weekday
            and self.opens <= moment.time() < self.closes
        )


class Closure(models.Model):
    """A temporary closure (holidays, renovation). Subclasses add the foreign key."""

    starts_on = models.DateField(_("geschlossen ab"))
    ends_on = models.DateField(_("geschlossen bis einschließlich"))
    reason = models.CharField(_("Grund"), max_length=200, blank=True)

    class Meta:
        abstract = True
        ordering = ["starts_on"]

    def __str__(self) -> str:
        return f"{self.starts_on:%d.%m.%Y}–{self.ends_on:%d.%m.%Y}"

    def covers(self, day: dt.date) -> bool:
        return self.starts_on <= day <= self.ends_on


@dataclass(frozen=True)
class OpeningState:
    is_open: bool
    closes_at: dt.time | None = None
    next_opening: dt.datetime | None = None
    closure: Closure | None = None


def opening_state(
    periods: Iterable[OpeningPeriod],
    closures: Iterable[Closure] = (),
    at: dt.datetime | None = None,
) -> OpeningState:
    """Say whether something is open at `at` (default: now) and when it opens next."""
    moment = (at or timezone.now()).astimezone(BERLIN)
    periods, closures = list(periods), list(closures)
    current_closure = next((c for c in closures if c.covers(moment.date())), None)
    if current_closure is None:
        for period in periods:
            if period.contains(moment):
                return OpeningState(is_open=True, closes_at=period.closes)
    return OpeningState(
        is_open=False,
        next_opening=_next_opening(periods, closures, moment),
        closure=current_closure,
    )


def _next_opening(
    periods: list[OpeningPeriod], closures: list[Closure], moment: dt.datetime
) -> dt.datetime | None:
    # Look ahead far enough to step over a long closure, but never loop forever.
    for days_ahead in range(0, 120):
        day = moment.date() + dt.timedelta(days=days_ahead)
        if any(c.covers(day) for c in closures):
            continue
        starts = sorted(p.opens for p in periods if p.weekday == day.weekday())
        for opens in starts:
            candidate = dt.datetime.combine(day, opens, tzinfo=BERLIN)
            if candidate > moment:
                return candidate
    return None
