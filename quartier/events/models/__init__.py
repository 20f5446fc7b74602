"""Events (Veranstaltungen) and regular offers, their occurrences and registrations.

A regular offer is one Event with an RFC 5545 RRULE; its dates are materialised as
Occurrence rows, so lists, calendars and seat counts are plain indexed queries. A single
occurrence can be cancelled or moved without touching the series.
"""

# `_token` is named by path in a migration (the registration token default).
from .dates import (  # noqa: F401
    Occurrence,
    OccurrenceQuerySet,
    Registration,
    RegistrationQuerySet,
    _token,
)
from .events import (  # noqa: F401
    BERLIN,
    Category,
    Event,
    EventQuerySet,
    Language,
    TargetGroup,
    Venue,
    VenueQuerySet,
    join_codes,
    split_codes,
)
