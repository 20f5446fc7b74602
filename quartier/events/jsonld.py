"""schema.org `Event` data for a `<script type="application/ld+json">` block."""

from __future__ import annotations

import json

from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe

from .models import Event

# Replaced by their JSON escapes, so no value can close the script element
# ("</script>") or open a comment ("<!--"); JSON parsers read them back unchanged.
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}
_SCRIPT_TABLE = str.maketrans(_SCRIPT_ESCAPES)
MAX_DATES = 10


def script_json(data) -> SafeString:
    """`data` as JSON that is safe to place verbatim inside a `<script>` element."""
    text = json.dumps(data, ensure_ascii=False).translate(_SCRIPT_TABLE)
    return mark_safe(text)  # noqa: S308 - every <, > and & is escaped above


def _place(event: Event) -> dict:
    venue = event.venue
    place = {
        "@type": "Place",
        "name": venue.name,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": venue.street,
            "postalCode": venue.postcode,
            "addressLocality": venue.city,
            "addressCountry": "DE",
        },
    }
    if venue.latitude is not None:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": venue.latitude,
            "longitude": venue.longitude,
        }
    return place


def _organiser(event: Event) -> dict:
    if event.organisation:
        return {"@type": "Organization", "name": event.organisation.name}
    return {
        "@type": "Organization",
        "name": ", ".join(
            f"Quartiersteam {q.short_name}" for q in event.quarters.all()
        ),
    }


def _status(occ) -> str:
    if occ.is_cancelled:
        return "https://schema.org/EventCancelled"
    if occ.is_modified:
        return "https://schema.org/EventRescheduled"
    return "https://schema.org/EventScheduled"


def event_json_ld(event: Event, occurrences, request: HttpRequest) -> SafeString:
    """schema.org Event, one per upcoming date (what search engines understand)."""
    place = _place(event)
    organiser = _organiser(event)
    url = request.build_absolute_uri(event.get_absolute_url())
    items = []
    for occ in occurrences[:MAX_DATES]:
        item = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": event.title,
            "description": event.description,
            "startDate": occ.local_start.isoformat(),
            "endDate": occ.local_end.isoformat(),
            "eventStatus": _status(occ),
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": place,
            "organizer": organiser,
            "url": url,
            "inLanguage": [c for c in event.languages.split(",") if c],
            "isAccessibleForFree": event.is_free,
            "offers": {
                "@type": "Offer",
                "price": str(event.cost_eur or 0),
                "priceCurrency": "EUR",
                "url": url,
                "availability": "https://schema.org/InStock",
            },
        }
        if event.image_id:
            item["image"] = request.build_absolute_uri(event.image.file.url)
        items.append(item)
    return script_json(items[0] if len(items) == 1 else items)
