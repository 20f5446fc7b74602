"""Demo action plans for the four Osnabrück quarters. Running it twice changes nothing.

Facts (dates, the federal grant for Pastor-Karwehl-Platz, the Rosenplatz sum, the Nette
programme money) come from shared/osnabrueck.md. Everything else, above all the split of
money by year and source, is invented and the measure is flagged `is_demo`.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from decimal import Decimal
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

from quartier.quarters.models import Quarter

from .models import (
    ActionField,
    FundingLine,
    Goal,
    Measure,
    MeasureDocument,
    ProgressUpdate,
)
from .services import addresses_import, measure_record_changes, read_address_csv

GEOJSON = (
    Path(__file__).resolve().parent.parent
    / "quarters"
    / "data"
    / "osnabrueck-quarters.geojson"
)
ADDRESS_CSV = Path(__file__).parent / "data" / "demo-adressen-schinkel.csv"
S = Measure.Status


def _d(value: str) -> Decimal:
    return Decimal(value)


def _thirds(total: str, years: list[int], spent_until: int | None = None) -> list:
    """Städtebauförderung: Bund, Land and Stadt a third each, evenly over `years`."""
    per_year = Decimal(total) / len(years) / 3
    share = per_year.quantize(Decimal("0.01"))
    lines = []
    for year in years:
        spent = share if spent_until and year <= spent_until else Decimal("0")
        for source in ("bund", "land", "stadt"):
            lines.append((source, year, share, spent, ""))
    return lines


def _point(lon: float, lat: float) -> dict:
    return {"type": "Point", "coordinates": [lon, lat]}


def _box(lon: float, lat: float, half_lon: float, half_lat: float) -> dict:
    return {
        "type": "Polygon",
        "coordinates": [
            [
                [lon - half_lon, lat - half_lat],
                [lon + half_lon, lat - half_lat],
                [lon + half_lon, lat + half_lat],
                [lon - half_lon, lat + half_lat],
                [lon - half_lon, lat - half_lat],
            ]
        ],
    }


def _places() -> dict[str, tuple[float, float]]:
    data = json.loads(GEOJSON.read_text(encoding="utf-8"))
    return {
        f["properties"]["slug"]: tuple(f["geometry"]["coordinates"])
        for f in data["features"]
        if f["properties"].get("kind") in ("place", "office")
    }


def _plans(places: dict) -> dict[str, dict]:
    hasepark = places["hasepark-grossspielplatz"]
    karwehl = places["pastor-karwehl-platz"]
    rosenplatz = places["rosenplatz"]
    treff = places["quartierstreff-dodesheide-ost"]
    garden = places["friedensgarten"]
    office = places["stadtteilbuero-schinkel"]
    return {
        "schinkel": {
            "fields": [
                (
                    "Grün- und Freiflächen",
                    [
                        "Mehr Platz für Spiel und Bewegung",
                        "Plätze klimafest und grün umbauen",
                    ],
                ),
                ("Verkehr und Verbindungen", ["Nord- und Südschinkel verbinden"]),
                (
                    "Wohnen und Wohnumfeld",
                    ["Gebäude modernisieren und Energie sparen"],
                ),
                (
                    "Soziales, Bildung und Beteiligung",
                    ["Nachbarschaft stärken, Mitreden ermöglichen"],
                ),
            ],
            "measures": [
                {
                    "title": "Großspielplatz im Hasepark",
                    "summary": "Ein großer Spielplatz mit Calisthenics-Anlage und inklusiven Spielgeräten, geplant mit Kindern aus dem Stadtteil.",
                    "what_changes": "Kinder und Jugendliche haben auf über 10.000 m² Platz zum Spielen und Trainieren, auch mit Rollstuhl.",
                    "description": "<p>Kinder des Horts „Schinkelkids“ haben Ostern 2019 in einer dreitägigen Zukunftswerkstatt Ideen gesammelt. Die Bauarbeiten begannen im Mai 2020, eröffnet wurde der Spielplatz am 9. Dezember 2020.</p><p>Die Kosten und ihre Aufteilung sind für die Demo erfunden.</p>",
                    "status": S.COMPLETED,
                    "progress": 100,
                    "planned_start": dt.date(2020, 4, 1),
                    "planned_end": dt.date(2020, 11, 30),
                    "actual_start": dt.date(2020, 5, 4),
                    "actual_end": dt.date(2020, 12, 9),
                    "location": _point(*hasepark),
                    "location_label": "Hasepark, Buersche Straße / An der Rosenburg",
                    "responsible": "Stadt Osnabrück, Fachbereich Städtebau",
                    "fields": ["Grün- und Freiflächen"],
                    "goals": ["Mehr Platz für Spiel und Bewegung"],
                    "funding": _thirds("840000", [2020], spent_until=2020),
                    "images": ("hasepark", "Hasepark"),
                    "updates": [
                        (
                            dt.date(2019, 4, 20),
                            "Zukunftswerkstatt mit den Schinkelkids",
                            "Drei Tage lang haben Kinder gemalt, gebaut und abgestimmt, was auf den Spielplatz soll.",
                        ),
                        (
                            dt.date(2020, 5, 4),
                            "Die Bagger rollen",
                            "Die Bauarbeiten haben begonnen. Der Weg am Ufer bleibt offen.",
                        ),
                        (
                            dt.date(2020, 12, 9),
                            "Eröffnung",
                            "Der Großspielplatz ist fertig und offen für alle.",
                        ),
                    ],
                },
                {
                    "title": "Bahnunterführung Thomasburgstraße",
                    "summary": "Die Unterführung unter der „Schinkelkurve“ wird heller, sicherer und freundlicher gestaltet.",
                    "what_changes": "Zu Fuß und mit dem Rad kommen Sie angenehmer zwischen Nord- und Südschinkel hin und her.",
                    "description": "<p>Die Bahnstrecke teilt den Schinkel in Nord und Süd. Die Unterführung an der Thomasburgstraße wurde mit Mitteln der Städtebauförderung neu gestaltet. Zeitraum und Kosten sind für die Demo erfunden.</p>",
                    "status": S.COMPLETED,
                    "progress": 100,
                    "planned_start": dt.date(2021, 3, 1),
                    "planned_end": dt.date(2021, 10, 31),
                    "actual_start": dt.date(2021, 4, 12),
                    "actual_end": dt.date(2021, 11, 26),
                    "location": {
                        "type": "LineString",
                        "coordinates": [[8.0752, 52.2796], [8.0761, 52.2812]],
                    },
                    "location_label": "Thomasburgstraße, Unterführung der Bahnstrecke",
                    "responsible": "Stadt Osnabrück, Fachbereich Städtebau",
                    "fields": ["Verkehr und Verbindungen"],
                    "goals": ["Nord- und Südschinkel verbinden"],
                    "funding": _thirds("420000", [2021], spent_until=2021),
                },
                {
                    "title": "Pastor-Karwehl-Platz als grüner Schwammstadt-Platz",
                    "summary": "Der versiegelte Marktplatz wird entsiegelt, begrünt und speichert künftig Regenwasser.",
                    "what_changes": "Mehr Schatten und Bäume, weniger Hitze im Sommer. Der Wochenmarkt bleibt auf dem Platz.",
                    "description": "<p>Der Platz ist etwa 4.000 m² groß und fast vollständig versiegelt. 2023 gab es einen Gestaltungswettbewerb. Der Bund fördert den Umbau aus dem Programm „Anpassung urbaner Räume an den Klimawandel“ mit 1.812.200 Euro (Bescheid März 2023), das sind 85 % von rund 2,13 Millionen Euro. Die Aufteilung auf die Jahre ist für die Demo geschätzt.</p>",
                    "status": S.PREPARATION,
                    "progress": 25,
                    "planned_start": dt.date(2025, 9, 1),
                    "planned_end": dt.date(2026, 12, 31),
                    "location": _box(*karwehl, 0.00046, 0.00028),
                    "location_label": "Pastor-Karwehl-Platz",
                    "responsible": "Stadt Osnabrück, Fachbereich Städtebau",
                    "contact": "Stadtteilbüro Schinkel, Tannenburgstraße 61",
                    "fields": ["Grün- und Freiflächen"],
                    "goals": ["Plätze klimafest und grün umbauen"],
                    "funding": [
                        ("bund", 2023, _d("60000"), _d("60000"), "Planung"),
                        ("bund", 2025, _d("600000"), _d("0"), ""),
                        ("bund", 2026, _d("1152200"), _d("0"), ""),
                        ("stadt", 2023, _d("10600"), _d("10600"), "Planung"),
                        ("stadt", 2025, _d("105800"), _d("0"), ""),
                        ("stadt", 2026, _d("203400"), _d("0"), ""),
                    ],
                    "document": "Kurzinfo zur Bundesförderung (Demo-Dokument)",
                    "updates": [
                        (
                            dt.date(2023, 3, 2),
                            "Zusage des Bundes",
                            "Der Bund fördert den Umbau mit 1.812.200 Euro.",
                        ),
                    ],
                },
                {
                    "title": "Modernisierungsförderung für Eigentümer*innen",
                    "summary": "Zuschüsse für private Modernisierung nach der Modernisierungsrichtlinie, in Kraft seit 1. Januar 2024.",
                    "what_changes": "Eigentümer*innen im Sanierungsgebiet bekommen Geld und Beratung, wenn sie ihr Haus modernisieren.",
                    "description": "<p>Gefördert werden höchstens 100.000 Euro brutto je Gebäude, jedes Gebäude einmal, bei mindestens 5.000 Euro förderfähigen Kosten. Gutachten werden zu 50 % bezuschusst, höchstens mit 2.500 Euro. Die Jahresbeträge hier sind für die Demo erfunden.</p>",
                    "status": S.RUNNING,
                    "progress": 30,
                    "planned_start": dt.date(2024, 1, 1),
                    "planned_end": dt.date(2028, 12, 31),
                    "actual_start": dt.date(2024, 1, 1),
                    "responsible": "BauBeCon Sanierungsträger GmbH",
                    "contact": "Eigentümerberatung im Stadtteilbüro, Tannenburgstraße 61",
                    "fields": ["Wohnen und Wohnumfeld"],
                    "goals": ["Gebäude modernisieren und Energie sparen"],
                    "funding": _thirds(
                        "900000", [2024, 2025, 2026, 2027, 2028], spent_until=2024
                    ),
                },
                {
                    "title": "Stadtteilbüro und Quartiersmanagement",
                    "summary": "Anlaufstelle im Stadtteil für Fragen, Ideen und Beteiligung; das Quartiersmanagement arbeitet seit November 2019.",
                    "what_changes": "Sie haben eine Adresse vor Ort für Fragen zur Sanierung und für eigene Ideen.",
                    "status": S.RUNNING,
                    "progress": 60,
                    "planned_start": dt.date(2019, 7, 1),
                    "planned_end": dt.date(2028, 12, 31),
                    "actual_start": dt.date(2019, 7, 1),
                    "location": _point(*office),
                    "location_label": "Tannenburgstraße 61",
                    "responsible": "Stadt Osnabrück mit dem Sanierungsträger",
                    "fields": ["Soziales, Bildung und Beteiligung"],
                    "goals": ["Nachbarschaft stärken, Mitreden ermöglichen"],
                    "funding": _thirds(
                        "630000", list(range(2020, 2027)), spent_until=2025
                    ),
                },
                {
                    "title": "Verfügungsfonds Schinkel",
                    "summary": "Jedes Jahr 5.000 Euro für kleine Projekte von Bewohner*innen, Vereinen und Geschäften, bis 1.000 Euro je Projekt.",
                    "what_changes": "Sie können Geld für eine eigene kleine Idee im Quartier beantragen.",
                    "status": S.RUNNING,
                    "progress": 50,
                    "planned_start": dt.date(2020, 1, 1),
                    "planned_end": dt.date(2028, 12, 31),
                    "actual_start": dt.date(2020, 1, 1),
                    "responsible": "Quartiersmanagement Schinkel",
                    "fields": ["Soziales, Bildung und Beteiligung"],
                    "goals": ["Nachbarschaft stärken, Mitreden ermöglichen"],
                    "funding": [
                        (
                            "stadt",
                            year,
                            _d("5000"),
                            _d("5000") if year < 2026 else 0,
                            "",
                        )
                        for year in range(2020, 2027)
                    ],
                },
            ],
        },
        "rosenplatz": {
            "fields": [
                ("Öffentlicher Raum", ["Einen Platz für alle schaffen"]),
                ("Nachbarschaft und Kultur", ["Engagement nach der Förderung tragen"]),
            ],
            "measures": [
                {
                    "title": "Neugestaltung des Rosenplatzes",
                    "summary": "Aus einer Verkehrsfläche wurde ein Stadtplatz von 10.500 m²; wiedereröffnet am 11. Juli 2012.",
                    "what_changes": "Ein Platz zum Verweilen, mit Bäumen, Sitzplätzen und sicheren Wegen.",
                    "description": "<p>Ein Ideenwettbewerb mit zwölf Büros wurde im Dezember 2004 ausgelobt und im Juni 2005 entschieden. Nach rund einem Jahr Bauzeit wurde der Platz am 11. Juli 2012 wieder eröffnet. Er kostete etwa 3,5 Millionen Euro; die Aufteilung auf Jahre und Mittelgeber ist für die Demo geschätzt.</p>",
                    "status": S.COMPLETED,
                    "progress": 100,
                    "planned_start": dt.date(2011, 6, 1),
                    "planned_end": dt.date(2012, 6, 30),
                    "actual_start": dt.date(2011, 7, 1),
                    "actual_end": dt.date(2012, 7, 11),
                    "location": _box(*rosenplatz, 0.00075, 0.00047),
                    "location_label": "Rosenplatz",
                    "responsible": "Stadt Osnabrück mit dem Sanierungsträger",
                    "fields": ["Öffentlicher Raum"],
                    "goals": ["Einen Platz für alle schaffen"],
                    "funding": _thirds("3500000", [2011, 2012], spent_until=2012),
                    "images": ("rosenplatz", "Rosenplatz"),
                },
                {
                    "title": "Runder Tisch Rosenplatz",
                    "summary": "Seit März 2006 treffen sich etwa 15 Aktive regelmäßig – auch nach dem Ende der Förderung 2016.",
                    "what_changes": "Ihre Anliegen kommen bei einem festen Kreis von Aktiven an.",
                    "status": S.RUNNING,
                    "progress": 90,
                    "planned_start": dt.date(2006, 3, 1),
                    "actual_start": dt.date(2006, 3, 1),
                    "responsible": "Runder Tisch Rosenplatz",
                    "fields": ["Nachbarschaft und Kultur"],
                    "goals": ["Engagement nach der Förderung tragen"],
                    "funding": [],
                },
                {
                    "title": "Lichter in den Höfen",
                    "summary": "Ein Fest in Höfen und Gärten an bis zu 19 Orten, getragen von Bewohner*innen und Einrichtungen.",
                    "what_changes": "Einmal im Jahr öffnen Nachbar*innen ihre Höfe für alle.",
                    "status": S.RUNNING,
                    "progress": 80,
                    "planned_start": dt.date(2011, 9, 1),
                    "actual_start": dt.date(2011, 9, 1),
                    "location": _point(*places["quartierstreff-rosenplatz"]),
                    "location_label": "Programm im Quartierstreff, Iburger Straße 24–26",
                    "responsible": "Runder Tisch und Quartiersarbeit Rosenplatz",
                    "fields": ["Nachbarschaft und Kultur"],
                    "goals": ["Engagement nach der Förderung tragen"],
                    "funding": [
                        ("stadt", year, _d("2500"), _d("2500"), "")
                        for year in (2023, 2024, 2025)
                    ],
                },
            ],
        },
        "dodesheide": {
            "fields": [
                (
                    "Kinder, Jugend und Familie",
                    ["Treffpunkte und Beratung vor Ort"],
                ),
                ("Wohnen und Stadtentwicklung", ["Die Konversionsflächen einbinden"]),
            ],
            "measures": [
                {
                    "title": "Quartierstreff Dodesheide-Ost",
                    "summary": "Seit Ende 2012 ein Treffpunkt in einer Erdgeschosswohnung für Kinder, Jugendliche und Familien.",
                    "what_changes": "Beratung in mehreren Sprachen und Angebote für Kinder direkt in der Nachbarschaft.",
                    "status": S.RUNNING,
                    "progress": 70,
                    "planned_start": dt.date(2012, 12, 1),
                    "actual_start": dt.date(2012, 12, 1),
                    "location": _point(*treff),
                    "location_label": "Dodeshausweg 73",
                    "responsible": "Stadt Osnabrück, Mobile Jugendarbeit/Streetwork",
                    "fields": ["Kinder, Jugend und Familie"],
                    "goals": ["Treffpunkte und Beratung vor Ort"],
                    "funding": [
                        (
                            "stadt",
                            year,
                            _d("48000"),
                            _d("48000") if year < 2026 else 0,
                            "",
                        )
                        for year in (2023, 2024, 2025, 2026)
                    ],
                },
                {
                    "title": "Konversion der Kaserne am Limberg",
                    "summary": "Die früheren britischen Kasernen wurden 2009 übergeben; 685 Wohnungen Am Limberg werden erneuert.",
                    "what_changes": "Neue und modernisierte Wohnungen, neue Nachbar*innen – und Bedarf an Treffpunkten.",
                    "description": "<p>Das rund 70 ha große Gelände der Mercer- und Imphal-Kaserne wurde am 26. März 2009 übergeben. Die 685 Wohnungen Am Limberg gehörten 2017 einem Wohnungsunternehmen. Ort schematisch, Beträge für die Demo erfunden.</p>",
                    "status": S.RUNNING,
                    "progress": 55,
                    "planned_start": dt.date(2017, 1, 1),
                    "planned_end": dt.date(2027, 12, 31),
                    "actual_start": dt.date(2017, 6, 1),
                    "location": _box(8.0895, 52.3025, 0.0018, 0.0011),
                    "location_label": "Am Limberg (schematisch)",
                    "responsible": "Wohnungsunternehmen mit der Stadt Osnabrück",
                    "fields": ["Wohnen und Stadtentwicklung"],
                    "goals": ["Die Konversionsflächen einbinden"],
                    "funding": [
                        (
                            "private",
                            year,
                            _d("1500000"),
                            _d("1500000") if year < 2026 else 0,
                            "",
                        )
                        for year in range(2018, 2028)
                    ],
                },
                {
                    "title": "Spielplatz Am Bierbaumsweg",
                    "summary": "Spielplatz mit Ritterburg und Allwetter-Bolzplatz, Ort des jährlichen Anwohnerfests.",
                    "what_changes": "Ein Platz zum Spielen und Feiern für die ganze Nachbarschaft.",
                    "status": S.COMPLETED,
                    "progress": 100,
                    "planned_start": dt.date(2014, 3, 1),
                    "planned_end": dt.date(2014, 9, 30),
                    "actual_start": dt.date(2014, 4, 1),
                    "actual_end": dt.date(2014, 10, 15),
                    "location": _point(8.0842, 52.3005),
                    "location_label": "Bierbaumsweg",
                    "responsible": "Stadt Osnabrück",
                    "fields": ["Kinder, Jugend und Familie"],
                    "goals": ["Treffpunkte und Beratung vor Ort"],
                    "funding": [
                        ("stadt", 2014, _d("95000"), _d("95000"), ""),
                        ("private", 2014, _d("5000"), _d("5000"), "Spenden"),
                    ],
                },
            ],
        },
        "nette-quartier": {
            "fields": [
                ("Natur und Umwelt", ["Artenvielfalt im Quartier fördern"]),
                (
                    "Gute Nachbarschaft für alle Generationen",
                    ["Ältere digital und sozial einbinden", "Jung und Alt verbinden"],
                ),
            ],
            "measures": [
                {
                    "title": "Wildbienen-Biotop im Friedensgarten",
                    "summary": "Am 26. September 2020 bauten 15 Freiwillige zwischen 8 und 80 Jahren ein Biotop aus 15 t Sand und 5 t Sandstein.",
                    "what_changes": "Wildbienen finden Nistplätze; Schulklassen und Nachbar*innen können sie beobachten.",
                    "status": S.COMPLETED,
                    "progress": 100,
                    "planned_start": dt.date(2020, 9, 26),
                    "planned_end": dt.date(2020, 9, 26),
                    "actual_start": dt.date(2020, 9, 26),
                    "actual_end": dt.date(2020, 9, 26),
                    "location": _point(*garden),
                    "location_label": "Friedensgarten am Haster Weg",
                    "responsible": "Nette-Quartier mit Friedensgarten Osnabrück e. V.",
                    "fields": ["Natur und Umwelt"],
                    "goals": ["Artenvielfalt im Quartier fördern"],
                    "funding": [
                        ("land", 2020, _d("1800"), _d("1800"), ""),
                        ("private", 2020, _d("400"), _d("400"), "Spenden"),
                    ],
                },
                {
                    "title": "Projektbüro und Gemeinwesenarbeit (Gute Nachbarschaft)",
                    "summary": "Das Land fördert das Nette-Quartier ab April 2021 mit 180.000 Euro für drei Jahre; die Stadt trägt 20 %.",
                    "what_changes": "Ein Team vor Ort bringt Menschen aus Dodesheide, Haste und Sonnenhügel zusammen.",
                    "description": "<p>Seit Mai 2024 ist die Arbeit verstetigt. Die Aufteilung auf die Jahre ist geschätzt.</p>",
                    "status": S.RUNNING,
                    "progress": 75,
                    "planned_start": dt.date(2021, 4, 1),
                    "planned_end": dt.date(2024, 3, 31),
                    "actual_start": dt.date(2021, 4, 1),
                    "responsible": "Stadt Osnabrück, Fachdienst Bürgerengagement und Seniorenbüro",
                    "fields": ["Gute Nachbarschaft für alle Generationen"],
                    "goals": ["Jung und Alt verbinden"],
                    "funding": [
                        *[
                            ("land", year, _d("48000"), _d("48000"), "")
                            for year in (2021, 2022, 2023)
                        ],
                        *[
                            ("stadt", year, _d("12000"), _d("12000"), "")
                            for year in (2021, 2022, 2023)
                        ],
                    ],
                },
                {
                    "title": "Computer- und Technikstammtisch 50+",
                    "summary": "Ehrenamtliche Medien- und Technikbegleiter*innen helfen bei Smartphone, Tablet und Computer.",
                    "what_changes": "Hilfe bei Technikfragen, ohne Termin beim Fachhandel.",
                    "status": S.RUNNING,
                    "progress": 80,
                    "planned_start": dt.date(2021, 9, 1),
                    "actual_start": dt.date(2021, 9, 1),
                    "responsible": "Nette-Quartier",
                    "fields": ["Gute Nachbarschaft für alle Generationen"],
                    "goals": ["Ältere digital und sozial einbinden"],
                    "funding": [],
                },
                {
                    "title": "Hausaufgabenhilfe und Leihgroßeltern",
                    "summary": "Ältere Nachbar*innen begleiten Schulkinder beim Lernen.",
                    "what_changes": "Kinder bekommen Unterstützung, Ältere eine neue Aufgabe.",
                    "status": S.PLANNING,
                    "progress": 10,
                    "planned_start": dt.date(2026, 9, 1),
                    "responsible": "Nette-Quartier",
                    "fields": ["Gute Nachbarschaft für alle Generationen"],
                    "goals": ["Jung und Alt verbinden"],
                    "funding": [("stadt", 2026, _d("3000"), _d("0"), "")],
                },
            ],
        },
    }


def seed() -> int:
    """Create the demo action plans; returns how many measures were new."""
    plans = _plans(_places())
    created = 0
    for slug, plan in plans.items():
        quarter = Quarter.objects.filter(slug=slug).first()
        if quarter is None:
            continue
        fields, goals = _seed_fields(quarter, plan["fields"])
        for order, data in enumerate(plan["measures"]):
            created += _seed_measure(quarter, order, data, fields, goals)
    if ADDRESS_CSV.exists():
        addresses_import(rows=read_address_csv(ADDRESS_CSV))
    return created


# English titles of the demo's fields of action (the filter on the measure list).
FIELD_TITLES_EN = {
    "Grün- und Freiflächen": "Green and open spaces",
    "Gute Nachbarschaft für alle Generationen": "Good neighbourhood for all generations",
    "Kinder, Jugend und Familie": "Children, young people and families",
    "Nachbarschaft und Kultur": "Neighbourhood and culture",
    "Natur und Umwelt": "Nature and environment",
    "Soziales, Bildung und Beteiligung": "Social affairs, education and participation",
    "Verkehr und Verbindungen": "Traffic and connections",
    "Wohnen und Stadtentwicklung": "Housing and urban development",
    "Wohnen und Wohnumfeld": "Housing and residential surroundings",
    "Öffentlicher Raum": "Public space",
}


def _seed_fields(quarter: Quarter, spec) -> tuple[dict, dict]:
    fields, goals = {}, {}
    for order, (title, goal_titles) in enumerate(spec):
        field, _ = ActionField.objects.get_or_create(
            quarter=quarter,
            title=title,
            defaults={"sort_order": order, "title_en": FIELD_TITLES_EN.get(title, "")},
        )
        fields[title] = field
        for goal_order, goal_title in enumerate(goal_titles):
            goals[goal_title], _ = Goal.objects.get_or_create(
                action_field=field,
                title=goal_title,
                defaults={"sort_order": goal_order},
            )
    return fields, goals


MEASURE_FIELDS = [
    "summary",
    "what_changes",
    "description",
    "status",
    "progress",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "location",
    "location_label",
    "responsible",
    "contact",
]


def _seed_measure(quarter, order, data, fields, goals) -> int:
    measure = Measure.objects.filter(quarter=quarter, title=data["title"]).first()
    if measure is not None:
        return 0
    measure = Measure(
        quarter=quarter,
        title=data["title"],
        sort_order=order,
        is_demo=True,
        **{name: data[name] for name in MEASURE_FIELDS if name in data},
    )
    measure.full_clean()
    measure.save()
    measure.action_fields.set([fields[t] for t in data.get("fields", [])])
    measure.goals.set([goals[t] for t in data.get("goals", [])])
    measure.save()  # ParentalManyToManyField writes the relations on save
    FundingLine.objects.bulk_create(
        FundingLine(
            measure=measure,
            source=source,
            year=year,
            planned=planned,
            spent=spent,
            note=note,
        )
        for source, year, planned, spent, note in data.get("funding", [])
    )
    for date, title, text in data.get("updates", []):
        ProgressUpdate.objects.create(
            measure=measure, date=date, title=title, text=text
        )
    if "images" in data:
        key, label = data["images"]
        measure.image_before = _demo_image(quarter, key, label, after=False)
        measure.image_after = _demo_image(quarter, key, label, after=True)
        measure.save(update_fields=["image_before", "image_after"])
    if "document" in data:
        MeasureDocument.objects.create(
            measure=measure,
            title=data["document"],
            document=_demo_document(quarter, data["document"]),
        )
    measure_record_changes(measure=measure, before=None, user=None)
    return 1


def _demo_image(quarter: Quarter, key: str, label: str, *, after: bool):
    """A drawn, clearly schematic picture: we ship no photos we have no rights to."""
    from PIL import Image as PILImage
    from PIL import ImageDraw
    from wagtail.images.models import Image

    state = "nachher" if after else "vorher"
    title = f"{label} {state} (Demo-Grafik)"
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    picture = PILImage.new("RGB", (800, 500), "#d9d4c7" if not after else "#dcefe6")
    draw = ImageDraw.Draw(picture)
    if after:
        for i in range(7):
            x = 80 + i * 105
            draw.ellipse((x - 40, 120, x + 40, 200), fill="#3c7d4a")
            draw.rectangle((x - 6, 200, x + 6, 260), fill="#6b4e2e")
        draw.rectangle((0, 330, 800, 500), fill="#9fcf8f")
        draw.ellipse((300, 360, 500, 460), fill="#e8c170")
    else:
        draw.rectangle((0, 300, 800, 500), fill="#a39e92")
        for i in range(6):
            draw.rectangle((40 + i * 130, 380, 120 + i * 130, 420), fill="#7a7468")
    draw.text((20, 20), f"{label}: {state} – Demo-Grafik", fill="#1d2327")
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    description = f"Schematische Demo-Zeichnung von {label} {state}: " + (
        "Bäume, Wiese und ein Spielbereich."
        if after
        else "eine graue, versiegelte Fläche."
    )
    image = Image(title=title, collection=quarter.collection, description=description)
    image.file = ImageFile(buffer, name=f"demo-{key}-{state}.png")
    image.save()
    return image


def _demo_document(quarter: Quarter, title: str):
    from wagtail.documents.models import Document

    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    document = Document(title=title, collection=quarter.collection)
    document.file.save("demo-kurzinfo.pdf", ContentFile(_tiny_pdf(title)), save=False)
    document.file_size = document.file.size  # the admin's upload form does the same
    document.save()
    return document


def _tiny_pdf(text: str) -> bytes:
    """A one-page PDF with one line of text (ASCII only), written by hand."""
    safe = text.encode("ascii", "replace").decode().replace("(", "").replace(")", "")
    stream = f"BT /F1 14 Tf 50 780 Td ({safe}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
