"""Bench: the measures list, map, timeline, finance page and API at 5,000 measures.

Run: DEBUG=1 uv run python bench/measures.py [--count 5000] [--runs 7]
Uses its own SQLite file (var/bench-measures.sqlite3) so the dev database stays as is.
Prints the median wall time and query count of each page, rendered via the test client.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB = ROOT / "var" / "bench-measures.sqlite3"
os.environ.setdefault("DATABASE_URL", f"sqlite:///{DB}")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")


def setup(count: int) -> str:
    import datetime as dt
    import random
    from decimal import Decimal

    from django.core.management import call_command

    from quartier.measures.models import ActionField, FundingLine, Measure
    from quartier.quarters.models import Quarter

    DB.parent.mkdir(exist_ok=True)
    if DB.exists():
        DB.unlink()
    call_command("migrate", verbosity=0)
    call_command(
        "seed_demo",
        password_file=str(ROOT / "var" / "bench-password.txt"),
        stdout=open(os.devnull, "w", encoding="utf-8"),
    )
    quarter = Quarter.objects.get(slug="schinkel")
    fields = list(ActionField.objects.filter(quarter=quarter))
    shape = quarter.shape
    min_x, min_y, max_x, max_y = shape.bounds
    rng = random.Random(6)  # noqa: S311 - fixed seed: repeatable bench data, not crypto
    statuses = [s.value for s in Measure.Status if s != "stopped"]
    measures = []
    while len(measures) < count:
        lon, lat = rng.uniform(min_x, max_x), rng.uniform(min_y, max_y)
        if not quarter.contains(lon, lat):
            continue
        start = dt.date(rng.randint(2018, 2027), rng.randint(1, 12), 1)
        measures.append(
            Measure(
                quarter=quarter,
                title=f"Bench-Maßnahme {len(measures) + 1}",
                summary="Erzeugt für den Lasttest.",
                status=rng.choice(statuses),
                progress=rng.randint(0, 100),
                planned_start=start,
                planned_end=start + dt.timedelta(days=rng.randint(30, 900)),
                location={"type": "Point", "coordinates": [lon, lat]},
                is_demo=True,
            )
        )
    created = Measure.objects.bulk_create(measures, batch_size=500)
    through = Measure.action_fields.through
    through.objects.bulk_create(
        [
            through(measure_id=m.pk, actionfield_id=fields[i % len(fields)].pk)
            for i, m in enumerate(created)
        ],
        batch_size=1000,
    )
    FundingLine.objects.bulk_create(
        [
            FundingLine(
                measure=m,
                source=source,
                year=m.planned_start.year,
                planned=Decimal(rng.randint(1000, 500000)),
                spent=Decimal(rng.randint(0, 1000)),
            )
            for m in created
            for source in ("bund", "land", "stadt")
        ],
        batch_size=1000,
    )
    return quarter.slug


def measure(path: str, runs: int) -> tuple[float, int, int]:
    from django.db import connection, reset_queries
    from django.test import Client

    client = Client()
    client.get(path)  # warm caches and templates
    times = []
    queries = 0
    size = 0
    from django.conf import settings

    settings.DEBUG = True
    for _ in range(runs):
        reset_queries()
        started = time.perf_counter()
        response = client.get(path)
        times.append(time.perf_counter() - started)
        if response.status_code != 200:
            raise SystemExit(f"{path}: HTTP {response.status_code}")
        queries = len(connection.queries)
        size = len(response.content)
    return statistics.median(times) * 1000, queries, size


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    import django

    django.setup()
    from django.test.utils import setup_test_environment

    setup_test_environment()  # allows the test client's "testserver" host
    started = time.perf_counter()
    slug = setup(args.count)
    print(f"setup: {args.count} measures in {time.perf_counter() - started:.1f} s")
    base = f"/massnahmen/{slug}"
    pages = [
        f"{base}/",
        f"{base}/liste/",
        f"{base}/liste/?stand=running&jahr=2024",
        f"{base}/karte/",
        f"{base}/zeitplan/",
        f"{base}/finanzen/",
        f"{base}/finanzen/massnahmen.csv",
        f"/api/v1/measures/?quarter={slug}",
        f"/api/v1/measures/locations.geojson?quarter={slug}",
    ]
    print(f"{'page':<52} {'median ms':>10} {'queries':>8} {'KiB':>8}")
    for path in pages:
        ms, queries, size = measure(path, args.runs)
        print(f"{path:<52} {ms:>10.0f} {queries:>8} {size / 1024:>8.0f}")


if __name__ == "__main__":
    main()
