"""Event list ("Was ist los?") with 20,000 occurrences: p50/p95 per view, cache off.

Usage:  uv run python bench/events_list.py [--occurrences 20000] [--runs 60]
Uses its own database (var/bench-events.sqlite3, or BENCH_DATABASE_URL) and prints
one line per URL. Requests go through Django's test client: no network, no server.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ["DATABASE_URL"] = os.environ.get(
    "BENCH_DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench-events.sqlite3'}"
)
os.environ.setdefault(
    "QUARTIER_TESTING", "1"
)  # plain static storage, no manifest needed


def build(occurrence_count: int) -> None:
    from django.core.management import call_command

    from quartier.events.models import BERLIN, Category, Event, Occurrence, Venue
    from quartier.quarters.models import Quarter

    call_command("migrate", verbosity=0)
    if Occurrence.objects.count() >= occurrence_count:
        return
    Occurrence.objects.all().delete()
    Event.objects.all().delete()
    quarters = []
    for n in range(4):
        lon = 8.0 + n * 0.02
        quarters.append(
            Quarter.objects.get_or_create(
                slug=f"bench-{n}",
                defaults={
                    "name": f"Benchquartier {n}",
                    "short_name": f"Bench {n}",
                    "kind": Quarter.Kind.STADTQUARTIER,
                    "boundary": {
                        "type": "Polygon",
                        "coordinates": [
                            [
                                [lon, 52.2],
                                [lon + 0.01, 52.2],
                                [lon + 0.01, 52.21],
                                [lon, 52.21],
                                [lon, 52.2],
                            ]
                        ],
                    },
                },
            )[0]
        )
    venues = [
        Venue.objects.create(
            name=f"Ort {n}",
            street="Weg 1",
            postcode="49074",
            longitude=8.0,
            latitude=52.2,
            step_free=n % 2 == 0,
        )
        for n in range(20)
    ]
    categories = Category.values
    groups = [",everyone,", ",families,", ",seniors,", ",children,youth,"]
    # 400 weekly offers with 50 dates each: 20,000 occurrences over a year.
    per_event = 50
    start_day = dt.datetime.now(tz=BERLIN).date() - dt.timedelta(days=60)
    events = []
    for n in range(occurrence_count // per_event):
        start = dt.datetime.combine(
            start_day + dt.timedelta(days=n % 7), dt.time(9 + n % 10), BERLIN
        )
        events.append(
            Event(
                title=f"Angebot {n}",
                description="Bench",
                venue=venues[n % len(venues)],
                category=categories[n % len(categories)],
                target_groups=groups[n % len(groups)],
                languages=",de,tr," if n % 3 == 0 else ",de,",
                cost_eur=None if n % 4 else 2,
                starts_at=start,
                ends_at=start + dt.timedelta(hours=2),
                rrule="FREQ=WEEKLY",
                status=Event.Status.PUBLISHED,
                uid=f"bench-{n}@quartier",
            )
        )
    Event.objects.bulk_create(events)
    links, occurrences = [], []
    for n, event in enumerate(Event.objects.order_by("pk")):
        links.append(
            Event.quarters.through(event_id=event.pk, quarter_id=quarters[n % 4].pk)
        )
        for week in range(per_event):
            begins = event.starts_at + dt.timedelta(weeks=week)
            occurrences.append(
                Occurrence(
                    event=event,
                    original_start=begins,
                    starts_at=begins,
                    ends_at=begins + dt.timedelta(hours=2),
                )
            )
    Event.quarters.through.objects.bulk_create(links)
    Occurrence.objects.bulk_create(occurrences, batch_size=2000)


def measure(runs: int) -> None:
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    urls = [
        "/veranstaltungen/",
        "/veranstaltungen/?quartier=bench-1&wann=woche&fuer=families&kostenlos=on",
        "/veranstaltungen/?kategorie=education&sprache=tr&barrierefrei=on",
        "/veranstaltungen/?seite=40",
        "/veranstaltungen/?wann=archiv",
        "/veranstaltungen/kalender/",
    ]
    for url in urls:
        client.get(url)  # warm up: imports, template loading
        timings = []
        for _ in range(runs):
            began = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - began) * 1000)
            if response.status_code != 200:
                raise SystemExit(f"{url}: HTTP {response.status_code}")
        timings.sort()
        p95 = timings[max(0, round(0.95 * len(timings)) - 1)]
        print(f"{url:<80} p50 {statistics.median(timings):6.1f} ms  p95 {p95:6.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--occurrences", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=60)
    args = parser.parse_args()
    import django

    django.setup()
    from django.conf import settings

    # The event views cache nothing: every request below hits the database.
    from quartier.events.models import Occurrence

    build(args.occurrences)
    print(
        f"{Occurrence.objects.count()} occurrences, database {settings.DATABASES['default']['ENGINE']}"
    )
    measure(args.runs)


if __name__ == "__main__":
    main()
