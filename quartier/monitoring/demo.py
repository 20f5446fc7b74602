"""Sozialmonitoring demo: the city, its 23 Stadtteile and the four quarters, ten years.

Everything here is fictional but plausible and marked as demo (`is_demo`), except the
published facts from shared/osnabrueck.md, which stand as published with their source:
inhabitants of the Stadtteile Dodesheide and Schinkel (31.12.2022), of the city (2010)
and of the Sanierungsgebiet Schinkel (about 8,500, 2018). Stadtteil boundaries are
schematic: Voronoi cells around a hand-placed point per Stadtteil, cut to the city
outline; they are not the official ones. Running it twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from decimal import Decimal

from django.utils import timezone
from shapely import affinity
from shapely.geometry import MultiPoint, Point
from shapely.ops import voronoi_diagram

from quartier.core.geo import to_geojson
from quartier.quarters.models import CitySettings, Quarter

from .models import (
    Area,
    IndexComponent,
    IndexScheme,
    Indicator,
    Level,
    Suppression,
    Value,
)
from .services import index_recompute, portal_figures_compute

DEMO_SOURCE = "Demo-Daten (erfunden)"
PERCENT, COUNT = Indicator.Unit.PERCENT, Indicator.Unit.COUNT
LOWER, HIGHER, NEUTRAL = (
    Indicator.Direction.LOWER_IS_BETTER,
    Indicator.Direction.HIGHER_IS_BETTER,
    Indicator.Direction.NEUTRAL,
)
STATISTICS = "Stadt Osnabrück, Statistik (Demo)"
AGENCY = "Bundesagentur für Arbeit, Statistik (Demo)"

# (slug, name, short name, theme, unit, decimals, direction, is_key, definition, source)
INDICATORS = [
    (
        "einwohner",
        "Einwohner*innen",
        "Einwohner*innen",
        "population",
        COUNT,
        0,
        NEUTRAL,
        True,
        "Personen mit Hauptwohnsitz im Gebiet am Stichtag.",
        STATISTICS,
    ),
    (
        "unter-18",
        "Anteil unter 18 Jahren",
        "unter 18 Jahren",
        "population",
        PERCENT,
        1,
        NEUTRAL,
        False,
        "Einwohner*innen unter 18 Jahren je 100 Einwohner*innen.",
        STATISTICS,
    ),
    (
        "ab-65",
        "Anteil ab 65 Jahren",
        "ab 65 Jahren",
        "population",
        PERCENT,
        1,
        NEUTRAL,
        False,
        "Einwohner*innen ab 65 Jahren je 100 Einwohner*innen.",
        STATISTICS,
    ),
    (
        "haushalte-mit-kindern",
        "Haushalte mit Kindern",
        "Haushalte mit Kindern",
        "population",
        PERCENT,
        1,
        NEUTRAL,
        False,
        "Haushalte mit mindestens einem Kind unter 18 Jahren je 100 Haushalte.",
        STATISTICS,
    ),
    (
        "migrationshintergrund",
        "Anteil mit Migrationshintergrund",
        "mit Migrationshintergrund",
        "population",
        PERCENT,
        1,
        NEUTRAL,
        False,
        "Einwohner*innen mit ausländischer Staatsangehörigkeit oder Einbürgerung, auch der Eltern, je 100 Einwohner*innen.",
        STATISTICS,
    ),
    (
        "alleinerziehende",
        "Alleinerziehende Haushalte",
        "Alleinerziehende",
        "social",
        PERCENT,
        1,
        NEUTRAL,
        False,
        "Haushalte mit einem Elternteil je 100 Haushalte mit Kindern.",
        STATISTICS,
    ),
    (
        "sgb2-quote",
        "SGB-II-Quote (Transferbezug)",
        "SGB-II-Quote",
        "social",
        PERCENT,
        1,
        LOWER,
        True,
        "Personen in Bedarfsgemeinschaften nach SGB II je 100 Einwohner*innen unter 65 Jahren.",
        AGENCY,
    ),
    (
        "arbeitslosigkeit",
        "Arbeitslosenanteil",
        "Arbeitslosigkeit",
        "social",
        PERCENT,
        1,
        LOWER,
        True,
        "Arbeitslose nach SGB II und III je 100 Einwohner*innen von 15 bis unter 65 Jahren.",
        AGENCY,
    ),
    (
        "kinderarmut",
        "Kinderarmut",
        "Kinderarmut",
        "social",
        PERCENT,
        1,
        LOWER,
        True,
        "Kinder unter 15 Jahren in Bedarfsgemeinschaften nach SGB II je 100 Kinder unter 15 Jahren.",
        AGENCY,
    ),
    (
        "gruenflaeche",
        "Grünfläche je Einwohner*in",
        "Grünfläche",
        "environment",
        Indicator.Unit.M2_PER_INHABITANT,
        1,
        HIGHER,
        False,
        "Öffentlich zugängliche Grün- und Erholungsflächen in m² je Einwohner*in.",
        "Stadt Osnabrück, Grünflächenkataster (Demo)",
    ),
    (
        "wohnungsleerstand",
        "Wohnungsleerstand",
        "Wohnungsleerstand",
        "environment",
        PERCENT,
        1,
        LOWER,
        False,
        "Leer stehende Wohnungen je 100 Wohnungen (Stromzählermethode).",
        STATISTICS,
    ),
]

PORTAL_INDICATORS = [
    (
        "ideen-je-1000",
        "Ideen je 1.000 Einwohner*innen",
        "Ideen",
        "Veröffentlichte Ideen im Portal im Jahr je 1.000 Einwohner*innen des Quartiers.",
    ),
    (
        "termine-je-1000",
        "Veranstaltungstermine je 1.000 Einwohner*innen",
        "Termine",
        "Stattfindende öffentliche Veranstaltungstermine im Jahr je 1.000 Einwohner*innen.",
    ),
    (
        "engagement-je-1000",
        "Engagement-Angebote je 1.000 Einwohner*innen",
        "Engagement",
        "Im Jahr eingestellte Gesuche nach Ehrenamtlichen je 1.000 Einwohner*innen.",
    ),
    (
        "leerstand-gewerbe",
        "Leerstandsquote Gewerbe",
        "Leerstand Gewerbe",
        "Am Jahresende leer stehende Gewerbeeinheiten aus dem Leerstandsregister je 100 Gewerbeeinheiten.",
    ),
]

# Stadtteil: (number, name, lon, lat of the hand-placed point, inhabitants, deprivation 0–1)
STADTTEILE = [
    ("01", "Innenstadt", 8.047, 52.275, 9100, 0.60),
    ("02", "Weststadt", 8.024, 52.279, 11600, 0.50),
    ("03", "Westerberg", 8.030, 52.291, 12100, 0.20),
    ("04", "Eversburg", 8.000, 52.296, 8800, 0.50),
    ("05", "Hafen", 8.031, 52.306, 2500, 0.55),
    ("06", "Sonnenhügel", 8.054, 52.292, 7600, 0.45),
    ("07", "Haste", 8.050, 52.316, 8100, 0.35),
    ("08", "Dodesheide", 8.086, 52.305, 9813, 0.70),
    ("09", "Gartlage", 8.068, 52.294, 5200, 0.50),
    ("10", "Schinkel", 8.079, 52.281, 14717, 0.90),
    ("11", "Widukindland", 8.100, 52.292, 3600, 0.40),
    ("12", "Schinkel-Ost", 8.105, 52.277, 4300, 0.60),
    ("13", "Fledder", 8.070, 52.264, 4500, 0.65),
    ("14", "Schölerberg", 8.060, 52.250, 12000, 0.40),
    ("15", "Kalkhügel", 8.035, 52.256, 5600, 0.35),
    ("16", "Wüste", 8.024, 52.266, 15000, 0.45),
    ("17", "Sutthausen", 8.040, 52.236, 4300, 0.15),
    ("18", "Hellern", 7.990, 52.260, 8600, 0.20),
    ("19", "Atter", 7.966, 52.290, 5300, 0.25),
    ("20", "Pye", 7.985, 52.321, 3600, 0.30),
    ("21", "Darum-Gretesch-Lüstringen", 8.120, 52.266, 10000, 0.30),
    ("22", "Voxtrup", 8.100, 52.250, 7300, 0.20),
    ("23", "Nahne", 8.062, 52.236, 3500, 0.15),
]
# Quarter slug: (Stadtteil it lies in, inhabitants (demo base), deprivation)
QUARTERS = {
    "dodesheide": ("Dodesheide", 3100, 0.85),
    "rosenplatz": ("Schölerberg", 7700, 0.75),
    "schinkel": ("Schinkel", 8500, 0.95),
    "nette-quartier": ("Haste", 14000, 0.45),
}
# Published facts, used as they stand: (area code, indicator, date, value, source, note)
FACTS = [
    (
        "stadtteil-08",
        "einwohner",
        dt.date(2022, 12, 31),
        9813,
        "http://de.wikipedia.org/wiki/de:Dodesheide",
        "",
    ),
    (
        "stadtteil-10",
        "einwohner",
        dt.date(2022, 12, 31),
        14717,
        "https://wikiwand.com/de/Schinkel_(Osnab%C3%BCck)",
        "",
    ),
    (
        "stadt",
        "einwohner",
        dt.date(2010, 12, 31),
        164119,
        "https://de-academic.com/dic.nsf/dewiki/1059658",
        "",
    ),
    (
        "quartier-schinkel",
        "einwohner",
        dt.date(2018, 12, 31),
        8500,
        "https://www.noz.de/lokales/osnabrueck/artikel/1559747/soziale-stadt-wann-fliessen-die-millionen-in-den-schinkel",
        "etwa 8.500 Bewohner*innen im Sanierungsgebiet",
    ),
]

METHOD = """Verfahren nach dem Berliner Monitoring Soziale Stadtentwicklung (MSS): Die drei Index-Indikatoren Arbeitslosigkeit, Transferbezug (SGB-II-Quote) und Kinderarmut werden über die verglichenen Gebiete z-standardisiert (Abstand zum Mittelwert in Standardabweichungen), gewichtet gemittelt und noch einmal standardisiert.

Statusindex: unter −1,0 hoch, bis +1,0 mittel, bis +1,5 niedrig, darüber sehr niedrig. Dynamikindex: dasselbe mit der Veränderung über zwei Jahre; unter −1,0 positiv, bis +1,0 stabil, darüber negativ. Beide ergeben zusammen zwölf Klassen.

In der Demo werden die 23 Stadtteile und die vier Quartiere gemeinsam verglichen; die Zahlen sind erfunden."""


def _years() -> list[int]:
    last = timezone.localdate().year - 2  # the latest final figures are two years old
    return list(range(last - 9, last + 1))


def _stadtteil_cells(city_shape) -> dict[str, dict]:
    """Schematic Stadtteil boundaries: Voronoi cells in a locally true-to-scale plane."""
    scale = math.cos(math.radians(52.28))
    points = [Point(lon * scale, lat) for _, _, lon, lat, *_ in STADTTEILE]
    envelope = affinity.scale(city_shape, xfact=scale, yfact=1, origin=(0, 0)).buffer(
        0.05
    )
    cells = voronoi_diagram(MultiPoint(points), envelope=envelope)
    result = {}
    for number, _, lon, lat, *_ in STADTTEILE:
        point = Point(lon * scale, lat)
        cell = next(c for c in cells.geoms if c.contains(point))
        cell = affinity.scale(cell, xfact=1 / scale, yfact=1, origin=(0, 0))
        result[number] = to_geojson(cell.intersection(city_shape), precision=5)
    return result


def _series(rng: random.Random, slug: str, d: float, year: int, base: int) -> float:
    """A plausible value for deprivation `d` (0–1) in `year`; noise kept small."""
    t = year - 2015
    # SGB II fell until 2019, rose in 2020 (pandemic) and from 2022 (refugees from
    # Ukraine moved into SGB II): a shape as in many West German cities.
    wave = {
        2015: 0,
        2016: 0.02,
        2017: 0,
        2018: -0.04,
        2019: -0.07,
        2020: -0.02,
        2021: -0.04,
        2022: 0.01,
        2023: 0.04,
        2024: 0.05,
    }.get(year, 0.05)
    noise = rng.uniform(-1, 1)
    if slug == "einwohner":
        return base * (1 + 0.003 * (year - 2022)) + 40 * noise
    if slug == "unter-18":
        return 13.5 + 6 * d + 0.05 * t + 0.3 * noise
    if slug == "ab-65":
        return 25 - 7 * d + 0.1 * t + 0.3 * noise
    if slug == "haushalte-mit-kindern":
        return 15 + 7 * d + 0.3 * noise
    if slug == "migrationshintergrund":
        return 14 + 38 * d + 0.7 * t + 0.5 * noise
    if slug == "alleinerziehende":
        return 16 + 14 * d + 0.4 * noise
    if slug == "sgb2-quote":
        return (3 + 21 * d**1.3) * (1 + wave) + 0.3 * noise
    if slug == "arbeitslosigkeit":
        return (2.4 + 10 * d**1.2) * (1 + wave) + 0.2 * noise
    if slug == "kinderarmut":
        return (4 + 42 * d**1.3) * (1 + wave) + 0.6 * noise
    if slug == "gruenflaeche":
        return max(4.0, 62 - 48 * d + 2 * noise)
    if slug == "wohnungsleerstand":
        return 1.2 + 2.8 * d - 0.05 * t + 0.15 * noise
    raise ValueError(slug)


def seed() -> dict:
    """Create indicators, areas, ten years of values and the Berlin index scheme."""
    rng = random.Random(17)  # noqa: S311 - fixed seed: the same demo every time
    for order, (
        slug,
        name,
        short,
        theme,
        unit,
        decimals,
        direction,
        key,
        definition,
        source,
    ) in enumerate(INDICATORS):
        Indicator.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "short_name": short,
                "theme": theme,
                "unit": unit,
                "decimals": decimals,
                "direction": direction,
                "is_key": key,
                "definition": definition,
                "source": source,
                "is_demo": True,
                "sort_order": order,
            },
        )
    for order, (slug, name, short, definition) in enumerate(
        PORTAL_INDICATORS, start=50
    ):
        Indicator.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "short_name": short,
                "theme": Indicator.Theme.PORTAL,
                "unit": PERCENT
                if slug == "leerstand-gewerbe"
                else Indicator.Unit.PER_1000,
                "decimals": 1,
                "direction": LOWER if slug == "leerstand-gewerbe" else HIGHER,
                "is_key": slug in ("ideen-je-1000", "leerstand-gewerbe"),
                "definition": definition,
                "is_computed": True,
                "source": "Berechnet aus den Daten dieses Portals",
                "sort_order": order,
            },
        )
    indicators = {i.slug: i for i in Indicator.objects.all()}

    settings = CitySettings.load()
    city_shape = settings.outline_shape
    city, _ = Area.objects.update_or_create(
        code="stadt",
        defaults={
            "name": settings.name,
            "level": Level.CITY,
            "boundary": settings.outline,
            "boundary_is_schematic": True,
        },
    )
    cells = _stadtteil_cells(city_shape) if city_shape is not None else {}
    districts = {}
    for order, (number, name, _lon, _lat, inhabitants, d) in enumerate(STADTTEILE):
        area, _ = Area.objects.update_or_create(
            code=f"stadtteil-{number}",
            defaults={
                "name": name,
                "level": Level.DISTRICT,
                "parent": city,
                "boundary": cells.get(number),
                "boundary_is_schematic": True,
                "is_demo": True,
                "sort_order": order,
            },
        )
        districts[name] = (area, inhabitants, d)
    quarters = {}
    for order, (slug, (district, inhabitants, d)) in enumerate(QUARTERS.items()):
        quarter = Quarter.objects.filter(slug=slug).first()
        if quarter is None:
            continue
        area, _ = Area.objects.update_or_create(
            code=f"quartier-{slug}",
            defaults={
                "name": quarter.name,
                "level": Level.QUARTER,
                "parent": districts[district][0],
                "quarter": quarter,
                "boundary": quarter.boundary,
                "boundary_is_schematic": quarter.boundary_is_schematic,
                "sort_order": order,
            },
        )
        quarters[slug] = (area, inhabitants, d)

    years = _years()
    facts = {
        (code, slug, date): (value, source, note)
        for code, slug, date, value, source, note in FACTS
    }
    rows: dict[tuple, Value] = {}
    city_sums: dict[tuple[str, int], list[tuple[float, float]]] = {}
    for area, base, d in [*districts.values(), *quarters.values()]:
        for year in years:
            date = dt.date(year, 12, 31)
            population = _series(rng, "einwohner", d, year, base)
            for slug, *_ in INDICATORS:
                value = (
                    population
                    if slug == "einwohner"
                    else _series(rng, slug, d, year, base)
                )
                decimals = indicators[slug].decimals
                number = Decimal(str(round(value, decimals)))
                suppressed = ""
                # Small Stadtteile: child poverty below the disclosure threshold.
                if (
                    slug == "kinderarmut"
                    and base < 4000
                    and year in (years[1], years[4])
                ):
                    number, suppressed = None, Suppression.SECRET
                fact = facts.get((area.code, slug, date))
                rows[(area.pk, slug, date)] = Value(
                    area=area,
                    indicator=indicators[slug],
                    date=date,
                    value=Decimal(fact[0]) if fact else number,
                    suppressed="" if fact else suppressed,
                    status=Value.Status.PROVISIONAL
                    if year == years[-1]
                    else Value.Status.FINAL,
                    source=fact[1] if fact else "",
                    note=fact[2] if fact else "",
                    is_demo=not fact,
                )
                stored = rows[(area.pk, slug, date)].value
                if area.level == Level.DISTRICT and stored is not None:
                    city_sums.setdefault((slug, year), []).append(
                        (float(stored), population)
                    )
    for (slug, year), pairs in city_sums.items():
        if slug == "einwohner":
            value = sum(v for v, _ in pairs)
        else:
            value = sum(v * w for v, w in pairs) / sum(w for _, w in pairs)
        date = dt.date(year, 12, 31)
        rows[(city.pk, slug, date)] = Value(
            area=city,
            indicator=indicators[slug],
            date=date,
            value=Decimal(str(round(value, indicators[slug].decimals))),
            status=Value.Status.PROVISIONAL
            if year == years[-1]
            else Value.Status.FINAL,
            is_demo=True,
        )
    for (code, slug, date), (value, source, note) in facts.items():
        area = (
            Area.objects.get(code=code)
            if code == "stadt" or date.year not in years
            else None
        )
        if area is not None:
            rows[(area.pk, slug, date)] = Value(
                area=area,
                indicator=indicators[slug],
                date=date,
                value=Decimal(value),
                source=source,
                note=note,
            )
    existing = set(
        Value.objects.filter(
            indicator__in=[indicators[s] for s, *_ in INDICATORS]
        ).values_list("area_id", "indicator__slug", "date")
    )
    new = [v for key, v in rows.items() if key not in existing]
    Value.objects.bulk_create(new, batch_size=2000)

    scheme, _ = IndexScheme.objects.update_or_create(
        slug="berlin-mss",
        defaults={
            "name": "Berliner Verfahren (MSS)",
            "levels": [Level.DISTRICT, Level.QUARTER],
            "period_years": 2,
            "status_thresholds": [-1.0, 1.0, 1.5],
            "dynamics_thresholds": [-1.0, 1.0],
            "method": METHOD,
            "is_default": True,
        },
    )
    for slug in ("arbeitslosigkeit", "sgb2-quote", "kinderarmut"):
        IndexComponent.objects.get_or_create(
            scheme=scheme, indicator=indicators[slug], defaults={"weight": Decimal(1)}
        )
    results = index_recompute(scheme=scheme)
    portal = portal_figures_compute()
    return {"values": len(new), "index_results": results, "portal_values": portal}
