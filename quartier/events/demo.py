"""Demo programme: three months of fictional events in the four seed quarters.

Places come from the quarters' GeoJSON (offices and known places); every event and the
one invented place say "Demo" in their text. Dates count from the day of the first run;
running again changes nothing (events are keyed by their iCal UID).
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

from django.utils import timezone

from quartier.quarters.demo import GEOJSON
from quartier.quarters.models import Quarter

from .models import BERLIN, Category, Event, Registration, Venue
from .services import event_save, occurrence_cancel

DEMO_NOTE = "\n\n[Demo] Erfundene Veranstaltung zum Ausprobieren des Portals."

# slug in the GeoJSON → venue facts. Accessibility facts are invented for the demo.
VENUES = {
    "quartierstreff-dodesheide-ost": {
        "name": "Quartierstreff Dodesheide-Ost",
        "street": "Dodeshausweg 73",
        "postcode": "49088",
        "quarter": "dodesheide",
        "step_free": True,
        "accessible_toilet": True,
    },
    "quartierstreff-rosenplatz": {
        "name": "Quartierstreff Rosenplatz",
        "street": "Iburger Straße 24–26",
        "postcode": "49082",
        "quarter": "rosenplatz",
        "step_free": True,
        "hearing_loop": True,
    },
    "stadtteilbuero-schinkel": {
        "name": "Stadtteilbüro Schinkel",
        "street": "Tannenburgstraße 61",
        "postcode": "49084",
        "quarter": "schinkel",
        "step_free": False,
        "accessibility_note": "Zwei Stufen am Eingang; eine Rampe wird auf Nachfrage angelegt (Demo-Angabe).",
    },
    "heinz-fitschen-haus": {
        "name": "Heinz-Fitschen-Haus",
        "street": "Heiligenweg 40",
        "postcode": "49084",
        "quarter": "schinkel",
        "step_free": True,
        "accessible_toilet": True,
    },
    "hasepark-grossspielplatz": {
        "name": "Großspielplatz Hasepark",
        "street": "Hasepark",
        "postcode": "49084",
        "quarter": "schinkel",
        "step_free": True,
    },
    "rosenplatz": {
        "name": "Rosenplatz (Treffpunkt am Brunnen)",
        "street": "Rosenplatz",
        "postcode": "49082",
        "quarter": "rosenplatz",
        "step_free": True,
    },
    "friedensgarten": {
        "name": "Friedensgarten am Haster Weg",
        "street": "Haster Weg",
        "postcode": "49090",
        "quarter": "nette-quartier",
        "step_free": False,
        "accessibility_note": "Wiesenwege, bei Nässe schwer befahrbar (Demo-Angabe).",
    },
}
INVENTED_VENUE = {
    "name": "Gemeinschaftsraum Nette (Demo-Ort)",
    "street": "Adresse erfunden",
    "postcode": "49090",
    "quarter": "nette-quartier",
    "step_free": True,
    "accessible_toilet": True,
    "hearing_loop": True,
}


def _next_weekday(start: dt.date, weekday: int) -> dt.date:
    return start + dt.timedelta(days=(weekday - start.weekday()) % 7)


def _second_saturday(today: dt.date) -> dt.date:
    """The next second Saturday of a month, so DTSTART matches BYDAY=2SA."""
    month = today.replace(day=1)
    while True:
        day = _next_weekday(month, 5) + dt.timedelta(weeks=1)
        if day > today:
            return day
        month = (month + dt.timedelta(days=32)).replace(day=1)


def _last_sunday(year: int, month: int) -> dt.date:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=(following.weekday() + 1) % 7 or 7)


def _across_both_changes(today: dt.date) -> tuple[dt.date, dt.date]:
    """First and last Sunday of a weekly series spanning the next spring and autumn
    clock changes (last Sundays of March and October), one week past the later one.
    At most about a year, so all its dates are within the materialised horizon."""
    first = _next_weekday(today + dt.timedelta(days=1), 6)

    def next_change(month: int) -> dt.date:
        change = _last_sunday(first.year, month)
        return change if change > first else _last_sunday(first.year + 1, month)

    return first, max(next_change(3), next_change(10)) + dt.timedelta(weeks=1)


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), BERLIN)


def _until(day: dt.date) -> str:
    last = dt.datetime.combine(day, dt.time(23, 59, 59), BERLIN)
    return f"UNTIL={last.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}"


def _programme(today: dt.date) -> list[dict]:
    end = today + dt.timedelta(days=91)
    tue = _next_weekday(today + dt.timedelta(days=1), 1)
    wed = _next_weekday(today + dt.timedelta(days=1), 2)
    thu = _next_weekday(today + dt.timedelta(days=1), 3)
    fri = _next_weekday(today + dt.timedelta(days=1), 4)
    sat = _next_weekday(today + dt.timedelta(days=1), 5)
    mon = _next_weekday(today + dt.timedelta(days=1), 0)
    festival = sat + dt.timedelta(weeks=5)
    second_saturday = _second_saturday(today)
    sun, last_sun = _across_both_changes(today)
    return [
        {
            # Runs through both clock changes, so feeds and pages show 10 h all year.
            "key": "nette-sonntagsspaziergang",
            "quarters": ["nette-quartier"],
            "venue": "Friedensgarten am Haster Weg",
            "title": "Sonntagsspaziergang an der Nette",
            "description": "Jeden Sonntag um 10 Uhr gehen wir gemeinsam eine Stunde an "
            "der Nette entlang, in gemütlichem Tempo und bei jedem Wetter. "
            "Treffpunkt ist das Tor zum Friedensgarten.",
            "category": Category.LEISURE,
            "target_groups": ",everyone,seniors,",
            "languages": ",de,",
            "start": _at(sun, 10),
            "end": _at(sun, 11),
            "rrule": f"FREQ=WEEKLY;BYDAY=SU;{_until(last_sun)}",
        },
        {
            "key": "dodesheide-offener-treff",
            "quarters": ["dodesheide"],
            "venue": "Quartierstreff Dodesheide-Ost",
            "title": "Offener Treff im Quartierstreff",
            "description": "Jeden Dienstagnachmittag ist der Treff offen: Kaffee, Zeitung, "
            "ein Spiel oder einfach ein Gespräch mit den Nachbarinnen und Nachbarn. "
            "Das Quartiersteam ist da und hilft bei Fragen.",
            "category": Category.MEETING,
            "target_groups": ",everyone,",
            "languages": ",de,tr,ar,",
            "start": _at(tue, 15),
            "end": _at(tue, 17),
            "rrule": f"FREQ=WEEKLY;BYDAY=TU;{_until(end)}",
        },
        {
            "key": "dodesheide-hausaufgabenhilfe",
            "quarters": ["dodesheide"],
            "venue": "Quartierstreff Dodesheide-Ost",
            "title": "Hausaufgabenhilfe für Grundschulkinder",
            "description": "Ehrenamtliche helfen bei Hausaufgaben und beim Lesen üben. "
            "Bitte Hefte und Bücher mitbringen. Nicht in den Schulferien.",
            "category": Category.EDUCATION,
            "target_groups": ",children,",
            "languages": ",de,",
            "start": _at(mon, 14, 30),
            "end": _at(mon, 16),
            "rrule": f"FREQ=WEEKLY;BYDAY=MO,WE;{_until(end)}",
            "registration": {"capacity": 8, "deadline": 2},
        },
        {
            "key": "dodesheide-fest",
            "quarters": ["dodesheide"],
            "venue": "Quartierstreff Dodesheide-Ost",
            "title": "Nachbarschaftsfest Dodesheide",
            "description": "Musik von Bands aus dem Stadtteil, Spiele für Kinder, ein "
            "Büfett, zu dem alle etwas beitragen. Wer einen Stand machen möchte, "
            "meldet sich beim Quartiersteam.",
            "category": Category.FESTIVAL,
            "target_groups": ",everyone,families,",
            "languages": ",de,",
            "start": _at(festival, 14),
            "end": _at(festival, 19),
        },
        {
            "key": "schinkel-reparaturcafe",
            "quarters": ["schinkel"],
            "venue": "Stadtteilbüro Schinkel",
            "title": "Reparaturcafé Schinkel",
            "description": "Toaster, Fahrradlicht, Hosennaht: Ehrenamtliche reparieren "
            "gemeinsam mit Ihnen. Ersatzteile bitte selbst mitbringen, Spenden für "
            "Kaffee willkommen.",
            "category": Category.VOLUNTEERING,
            "target_groups": ",everyone,",
            "languages": ",de,",
            "start": _at(second_saturday, 10),
            "end": _at(second_saturday, 13),
            "rrule": f"FREQ=MONTHLY;BYDAY=2SA;{_until(end)}",
        },
        {
            "key": "schinkel-sprachcafe",
            "quarters": ["schinkel"],
            "venue": "Heinz-Fitschen-Haus",
            "title": "Sprachcafé: Deutsch sprechen im Alltag",
            "description": "In kleinen Runden üben wir Deutsch über Alltagsthemen: "
            "Einkaufen, Arzt, Schule. Alle Niveaus willkommen.",
            "category": Category.EDUCATION,
            "target_groups": ",everyone,",
            "languages": ",de,tr,ar,uk,",
            "start": _at(thu, 17),
            "end": _at(thu, 18, 30),
            "rrule": f"FREQ=WEEKLY;BYDAY=TH;{_until(end)}",
            "registration": {"capacity": 12, "deadline": 3},
        },
        {
            "key": "schinkel-spielnachmittag",
            "quarters": ["schinkel"],
            "venue": "Großspielplatz Hasepark",
            "title": "Spielnachmittag im Hasepark",
            "description": "Das Spielmobil kommt: Seifenblasen, Stelzen, Kreide. "
            "Eltern bringen eine Decke mit, Getränke gibt es vor Ort.",
            "category": Category.LEISURE,
            "target_groups": ",children,families,",
            "languages": ",de,",
            "start": _at(sat + dt.timedelta(weeks=2), 14),
            "end": _at(sat + dt.timedelta(weeks=2), 17),
        },
        {
            "key": "rosenplatz-spaziergang",
            "quarters": ["rosenplatz"],
            "venue": "Rosenplatz (Treffpunkt am Brunnen)",
            "title": "Stadtteilspaziergang „Rosenplatz einst und jetzt“",
            "description": "Ein Rundgang über den umgebauten Platz und durch die Höfe: "
            "Was hat sich verändert, was fehlt noch? Etwa 90 Minuten, langsames Tempo.",
            "category": Category.CULTURE,
            "target_groups": ",everyone,seniors,",
            "languages": ",de,",
            "start": _at(sat + dt.timedelta(weeks=1), 11),
            "end": _at(sat + dt.timedelta(weeks=1), 12, 30),
            "registration": {"capacity": 15, "deadline": 24, "taken": 14},
        },
        {
            "key": "rosenplatz-seniorenfruehstueck",
            "quarters": ["rosenplatz"],
            "venue": "Quartierstreff Rosenplatz",
            "title": "Seniorenfrühstück",
            "description": "Gemeinsam frühstücken und den Tag in Gesellschaft beginnen. "
            "Ein Kostenbeitrag deckt Brötchen und Aufschnitt.",
            "category": Category.MEETING,
            "target_groups": ",seniors,",
            "languages": ",de,ru,",
            "cost": Decimal("3.00"),
            "start": _at(fri, 9),
            "end": _at(fri, 11),
            "rrule": f"FREQ=WEEKLY;BYDAY=FR;{_until(end)}",
            "registration": {"capacity": 16, "deadline": 24},
            "cancel_nth": 2,
        },
        {
            "key": "nette-technik-sprechstunde",
            "quarters": ["nette-quartier"],
            "venue": INVENTED_VENUE["name"],
            "title": "Technik-Sprechstunde 50+",
            "description": "Ehrenamtliche Technikbegleiterinnen und -begleiter erklären "
            "Smartphone, Tablet und Videotelefonie, in Ruhe und ohne Fachwörter.",
            "category": Category.ADVICE,
            "target_groups": ",seniors,",
            "languages": ",de,pl,",
            "start": _at(wed, 10),
            "end": _at(wed, 12),
            "rrule": f"FREQ=WEEKLY;BYDAY=WE;{_until(end)}",
        },
        {
            "key": "nette-wildbienen",
            "quarters": ["nette-quartier"],
            "venue": "Friedensgarten am Haster Weg",
            "title": "Führung am Wildbienen-Biotop",
            "description": "Was brauchen Wildbienen zum Leben? Eine kurze Führung im "
            "Friedensgarten, danach pflanzen wir gemeinsam.",
            "category": Category.LEISURE,
            "target_groups": ",families,everyone,",
            "languages": ",de,",
            "start": _at(sat + dt.timedelta(weeks=3), 15),
            "end": _at(sat + dt.timedelta(weeks=3), 16, 30),
        },
    ]


def _venues() -> dict[str, Venue]:
    features = {
        f["properties"]["slug"]: f
        for f in json.loads(GEOJSON.read_text(encoding="utf-8"))["features"]
    }
    quarters = {q.slug: q for q in Quarter.objects.all()}
    venues = {}
    for slug, data in [*VENUES.items(), ("", INVENTED_VENUE)]:
        data = dict(data)
        quarter = quarters.get(data.pop("quarter"))
        if slug in features:
            lon, lat = features[slug]["geometry"]["coordinates"]
        elif quarter is not None:
            point = quarter.shape.representative_point()
            lon, lat = point.x, point.y
        else:
            lon = lat = None
        venue, _ = Venue.objects.get_or_create(
            name=data.pop("name"),
            defaults={**data, "quarter": quarter, "longitude": lon, "latitude": lat},
        )
        venues[venue.name] = venue
    return venues


def seed() -> int:
    """Create the demo programme once; returns how many events were created."""
    today = timezone.localdate()
    venues = _venues()
    quarters = {q.slug: q for q in Quarter.objects.all()}
    created = 0
    for item in _programme(today):
        uid = f"demo-{item['key']}@quartier"
        if Event.objects.filter(uid=uid).exists():
            continue
        registration = item.get("registration")
        event = Event(
            uid=uid,
            title=item["title"],
            description=item["description"] + DEMO_NOTE,
            venue=venues[item["venue"]],
            category=item["category"],
            target_groups=item["target_groups"],
            languages=item["languages"],
            cost_eur=item.get("cost"),
            starts_at=item["start"],
            ends_at=item["end"],
            rrule=item.get("rrule", ""),
            status=Event.Status.PUBLISHED,
            contact_name="Quartiersteam (Demo)",
            registration_enabled=bool(registration),
            capacity=registration["capacity"] if registration else None,
            registration_deadline_hours=registration["deadline"] if registration else 0,
        )
        event_save(
            event=event,
            quarters=[quarters[s] for s in item["quarters"] if s in quarters],
            notify=False,
        )
        if registration and registration.get("taken"):
            _fill(event, registration["taken"])
        if item.get("cancel_nth"):
            nth = event.occurrences.order_by("starts_at")[item["cancel_nth"]]
            occurrence_cancel(
                occurrence=nth, note="Der Treff ist an diesem Tag geschlossen (Demo)."
            )
        created += 1
    return created


def _fill(event: Event, seats: int) -> None:
    """Seats taken by fictional guests, so the demo shows "noch 1 Platz frei"."""
    occurrence = event.occurrences.get()
    now = timezone.now()
    for number in range(seats // 2):
        Registration.objects.create(
            occurrence=occurrence,
            name=f"Demo-Gast {number + 1}",
            email=f"demo-gast-{number + 1}@example.invalid",
            seats=2,
            status=Registration.Status.CONFIRMED,
            consent_at=now,
            queued_at=now,
        )
