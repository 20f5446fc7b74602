"""Bench: the Sozialmonitoring pages with 1,000,000 stored values.

Run: DEBUG=1 uv run python bench/monitoring.py [--values 1000000] [--runs 7] [--reuse]
Uses its own SQLite file (var/bench-monitoring.sqlite3): migrate, seed_demo, then
planning areas (a grid over the city outline) × indicators × ten years until the
value table holds `--values` rows. Prints the median wall time and query count of each
page, rendered in-process via the test client; the target is under 100 ms for the
quarter figures page and the map.
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
DB = ROOT / "var" / "bench-monitoring.sqlite3"
os.environ.setdefault("DATABASE_URL", f"sqlite:///{DB}")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")

YEARS = range(2015, 2025)
BENCH_INDICATORS = 85


def setup(target: int) -> None:
    import datetime as dt
    import math
    import random

    from django.core.management import call_command
    from django.db import connection, transaction
    from shapely.geometry import box

    from quartier.core.geo import to_geojson
    from quartier.monitoring.models import Area, Indicator, Level, Value

    DB.parent.mkdir(exist_ok=True)
    if DB.exists():
        DB.unlink()
    call_command("migrate", verbosity=0)
    call_command(
        "seed_demo",
        password_file=str(ROOT / "var" / "bench-password.txt"),
        stdout=open(os.devnull, "w", encoding="utf-8"),
    )
    existing = Value.objects.count()
    indicators = list(Indicator.objects.filter(is_computed=False))
    for n in range(BENCH_INDICATORS):
        indicators.append(
            Indicator.objects.create(
                slug=f"bench-{n}",
                name=f"Lasttest-Indikator {n}",
                theme=Indicator.Theme.SOCIAL,
                definition="Erzeugt für den Lasttest.",
                unit=Indicator.Unit.PERCENT,
                source="Lasttest",
                is_demo=True,
                sort_order=100 + n,
            )
        )
    per_area = len(indicators) * len(YEARS)
    count = math.ceil((target - existing) / per_area)
    city = Area.objects.get(level=Level.CITY)
    outline = city.shape
    min_x, min_y, max_x, max_y = outline.bounds
    side = math.ceil(math.sqrt(count * 1.5))
    cells = []
    step_x, step_y = (max_x - min_x) / side, (max_y - min_y) / side
    for i in range(side):
        for j in range(side):
            cell = box(
                min_x + i * step_x,
                min_y + j * step_y,
                min_x + (i + 1) * step_x,
                min_y + (j + 1) * step_y,
            ).intersection(outline)
            if cell.area > step_x * step_y * 0.3 and cell.geom_type == "Polygon":
                cells.append(cell)
    areas = Area.objects.bulk_create(
        [
            Area(
                code=f"pr-{n:04d}",
                name=f"Planungsraum {n + 1}",
                level=Level.PLANNING_AREA,
                parent=city,
                boundary=to_geojson(cell, precision=5),
                is_demo=True,
            )
            for n, cell in enumerate(cells[:count])
        ]
    )
    rng = random.Random(1)  # noqa: S311 - repeatable bench data
    dates = [dt.date(year, 12, 31).isoformat() for year in YEARS]
    rows = []
    for area in areas:
        for indicator in indicators:
            base = rng.uniform(2, 60)
            for date in dates:
                rows.append(
                    (area.pk, indicator.pk, date, round(base + rng.uniform(-1, 1), 2))
                )
    rows = rows[: target - existing]
    # Raw executemany: a million model instances would take minutes to build.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.executemany(
            "INSERT INTO monitoring_value (area_id, indicator_id, date, value, "
            "suppressed, status, note, source, is_demo) "
            "VALUES (%s, %s, %s, %s, '', 'final', '', '', 1)",
            rows,
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"values: {Value.objects.count():,}; planning areas: {len(areas)}")


def measure(path: str, runs: int) -> tuple[float, float, int, int]:
    from django.conf import settings
    from django.db import connection, reset_queries
    from django.test import Client

    client = Client()
    client.get(path)  # warm caches and templates
    settings.DEBUG = True
    times, cpu, queries, size = [], [], 0, 0
    for _ in range(runs):
        reset_queries()
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.get(path)
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
        if response.status_code != 200:
            raise SystemExit(f"{path}: HTTP {response.status_code}")
        queries = len(connection.queries)
        size = len(response.content)
    return statistics.median(times) * 1000, statistics.median(cpu) * 1000, queries, size


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--values", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--reuse", action="store_true", help="keep the database of the last run"
    )
    args = parser.parse_args()

    import django

    django.setup()
    from django.test.utils import setup_test_environment

    setup_test_environment()  # allows the test client's "testserver" host
    if not (args.reuse and DB.exists()):
        started = time.perf_counter()
        setup(args.values)
        print(f"setup: {time.perf_counter() - started:.0f} s")
    pages = [
        "/impressum/",  # baseline: a plain Wagtail page, nothing of the monitoring
        "/sozialmonitoring/gebiete/quartier-schinkel/",
        "/sozialmonitoring/gebiete/pr-0100/",
        "/sozialmonitoring/karte/",
        "/sozialmonitoring/karte/?indikator=bench-3&ebene=planning_area",
        "/sozialmonitoring/karte/?indikator=bench-3&ebene=planning_area&klassen=natuerlich",
        "/sozialmonitoring/indikatoren/kinderarmut/",
        "/sozialmonitoring/",
        "/quartiere/schinkel/",
        "/api/v1/monitoring/values/?indicator=kinderarmut&area=quartier-schinkel",
        "/api/v1/monitoring/areas.geojson?level=quarter",
    ]
    print(f"{'page':<80} {'median ms':>9} {'CPU ms':>7} {'queries':>7} {'KiB':>5}")
    for path in pages:
        ms, cpu, queries, size = measure(path, args.runs)
        print(f"{path:<80} {ms:>9.0f} {cpu:>7.0f} {queries:>7} {size / 1024:>5.0f}")
    # Wall time depends on everything else the machine does; CPU time hardly does.
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
