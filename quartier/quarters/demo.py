"""Osnabrück demo data: the four seed quarters, their offices and (fictional) teams.

Facts come from shared/osnabrueck.md with their sources; whatever is invented is marked
as demo (TeamMember.is_fictional, notes on offices). Running it twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

from shapely.geometry import shape

from .models import (
    CitySettings,
    District,
    FundingProgramme,
    Office,
    OfficeHours,
    Quarter,
    QuarterProgramme,
    TeamMember,
)
from .services import quarter_create

GEOJSON = Path(__file__).parent / "data" / "osnabrueck-quarters.geojson"

DISTRICTS = [
    {
        "name": "Dodesheide",
        "number": "08",
        "inhabitants": 9813,
        "inhabitants_as_of": dt.date(2022, 12, 31),
        "area_ha": Decimal("449"),
        "source": "http://de.wikipedia.org/wiki/de:Dodesheide",
    },
    {
        "name": "Schinkel",
        "number": "10",
        "inhabitants": 14717,
        "inhabitants_as_of": dt.date(2022, 12, 31),
        "area_ha": Decimal("233"),
        "source": "https://wikiwand.com/de/Schinkel_(Osnab%C3%BCck)",
    },
    {"name": "Innenstadt"},
    {"name": "Fledder"},
    {"name": "Schölerberg"},
    {"name": "Wüste"},
    {"name": "Haste"},
    {"name": "Sonnenhügel"},
]

PROGRAMMES = [
    {
        "name": "Soziale Stadt",
        "funder": "Bund, Land Niedersachsen und Stadt (Städtebauförderung)",
        "url": "https://www.staedtebaufoerderung.info/DE/ProgrammeVor2020/SozialeStadt/sozialestadt_node.html",
    },
    {
        "name": "Sozialer Zusammenhalt",
        "funder": "Bund, Land Niedersachsen und Stadt (Städtebauförderung)",
    },
    {"name": "Gute Nachbarschaft", "funder": "Land Niedersachsen"},
    {"name": "Quartiersarbeit der Stadt Osnabrück", "funder": "Stadt Osnabrück"},
]

QUARTERS = [
    {
        "slug": "dodesheide",
        "name": "Stadtquartier Dodesheide",
        "short_name": "Dodesheide",
        "kind": Quarter.Kind.STADTQUARTIER,
        "status": Quarter.Status.ACTIVE,
        "sort_order": 1,
        "started_year": 2012,
        "districts": ["Dodesheide"],
        "inhabitants_note": "",
        "facts_source": "https://entwickelt.osnabrueck.de/de/stadtquartiere/dodesheide/\n"
        "http://de.wikipedia.org/wiki/de:Dodesheide (Stadtteil: 9.813 Einwohner*innen am 31.12.2022, 4,49 km²)\n"
        "NOZ 2017: Stadt Osnabrück sieht weiter Bedarf an Beratung",
        "programmes": [
            (
                "Quartiersarbeit der Stadt Osnabrück",
                dt.date(2012, 12, 1),
                None,
                "Quartierstreff seit Ende 2012",
            )
        ],
        "team": [
            ("Can Beispiel", "youth", "Mobile Jugendarbeit/Streetwork"),
            ("Mara Demo", "management", "Stadt Osnabrück"),
        ],
        "offices": [
            {
                "slug": "quartierstreff-dodesheide-ost",
                "name": "Quartierstreff Dodesheide-Ost",
                "kind": Office.Kind.MEETING_PLACE,
                "street": "Dodeshausweg 73",
                "postcode": "49088",
                "opened_on": dt.date(2012, 12, 1),
                "email": "quartierstreff-dodesheide@example.org",
                "accessibility": "Wohnung im Erdgeschoss; eine Stufe am Hauseingang (Demo-Angabe).",
                "note": "Sprechzeiten wie 2016 veröffentlicht; bitte vor dem Besuch prüfen.",
                "hours": [
                    (0, "14:00", "18:00", "Deutsch, Arabisch, Türkisch"),
                    (2, "10:00", "13:00", ""),
                    (3, "14:00", "18:00", ""),
                ],
            },
        ],
    },
    {
        "slug": "rosenplatz",
        "name": "Stadtquartier Rosenplatz",
        "short_name": "Rosenplatz",
        "kind": Quarter.Kind.SOZIALE_STADT_FORMER,
        "status": Quarter.Status.CONTINUED,
        "sort_order": 2,
        "area_ha": Decimal("68"),
        "inhabitants": 7700,
        "inhabitants_note": "in etwa 5.300 Wohnungen",
        "started_year": 2001,
        "districts": ["Innenstadt", "Fledder", "Schölerberg", "Wüste"],
        "facts_source": "https://www.yumpu.com/de/document/view/21468324/osnabruck-rosenplatz-gfs-bremen\n"
        "NUSO-Zeitungsarchiv, Artikel 53309 (Ende der Förderung 2016)\nhttps://osna-live.de/?p=15804",
        "programmes": [
            (
                "Soziale Stadt",
                dt.date(2001, 1, 1),
                dt.date(2016, 6, 30),
                "als Sanierungsgebiet",
            )
        ],
        "team": [("Jana Probst", "community_work", "Quartiersarbeit Rosenplatz")],
        "offices": [
            {
                "slug": "quartierstreff-rosenplatz",
                "name": "Quartierstreff Rosenplatz",
                "kind": Office.Kind.MEETING_PLACE,
                "street": "Iburger Straße 24–26",
                "postcode": "49082",
                "email": "quartierstreff-rosenplatz@example.org",
                "note": "Öffnungszeiten sind Demo-Werte.",
                "hours": [(1, "10:00", "12:00", ""), (3, "15:00", "18:00", "")],
            },
            {
                "slug": "stadtteilbuero-rosenplatz",
                "name": "Stadtteilbüro Rosenplatz",
                "kind": Office.Kind.DISTRICT_OFFICE,
                "status": Office.Status.CLOSED,
                "street": "Iburger Straße 23",
                "postcode": "49082",
                "closed_on": dt.date(2016, 5, 31),
                "note": "Mit dem Ende der Förderung geschlossen.",
            },
        ],
    },
    {
        "slug": "schinkel",
        "name": "Sanierungsgebiet Schinkel",
        "short_name": "Schinkel",
        "kind": Quarter.Kind.SANIERUNGSGEBIET,
        "status": Quarter.Status.ACTIVE,
        "sort_order": 3,
        "area_ha": Decimal("94.01"),
        "inhabitants": 8500,
        "started_year": 2018,
        "budget_eur": Decimal("15000000"),
        "budget_note": "über etwa zehn Jahre, je ein Drittel Bund, Land und Stadt",
        "districts": ["Schinkel"],
        "facts_source": "https://entwickelt.osnabrueck.de/de/stadtquartiere/schinkel/fakten-ziele/\n"
        "https://www.noz.de/lokales/osnabrueck/artikel/1559747/soziale-stadt-wann-fliessen-die-millionen-in-den-schinkel\n"
        "https://www.noz.de/lokales/osnabrueck/artikel/1798250/programm-soziale-stadt-schinkel-hat-jetzt-ein-eigenes-stadtteilbuero",
        "programmes": [
            (
                "Sozialer Zusammenhalt",
                dt.date(2018, 8, 1),
                None,
                "Ratsbeschluss zur Bewerbung am 30.05.2017",
            )
        ],
        "team": [
            ("Ayla Beispiel", "management", "Quartiersmanagement Schinkel"),
            ("Theo Testfeld", "trustee", "BauBeCon Sanierungsträger GmbH"),
            ("Nils Muster", "energy", "Sanierungsmanagement"),
        ],
        "offices": [
            {
                "slug": "stadtteilbuero-schinkel",
                "name": "Stadtteilbüro Schinkel",
                "kind": Office.Kind.DISTRICT_OFFICE,
                "street": "Tannenburgstraße 61",
                "postcode": "49084",
                "opened_on": dt.date(2019, 7, 1),
                "email": "stadtteilbuero-schinkel@example.org",
                "accessibility": "Ebenerdiger Eingang (Demo-Angabe).",
                "note": "Hier arbeiten Quartiersmanagement, JUGEND STÄRKEN im Quartier, Eigentümerberatung und Städtebau. Sprechzeiten sind Demo-Werte.",
                "hours": [
                    (1, "09:00", "12:00", ""),
                    (3, "14:00", "18:00", "Deutsch, Türkisch"),
                    (4, "09:00", "12:00", ""),
                ],
            },
        ],
    },
    {
        "slug": "nette-quartier",
        "name": "Nette-Quartier",
        "short_name": "Nette",
        "kind": Quarter.Kind.GEMEINWESENARBEIT,
        "status": Quarter.Status.CONTINUED,
        "sort_order": 4,
        "started_year": 2020,
        "budget_eur": Decimal("180000"),
        "budget_note": "Landesprogramm „Gute Nachbarschaft“ für drei Jahre ab April 2021, städtischer Anteil 20 %",
        "districts": ["Dodesheide", "Haste", "Sonnenhügel"],
        "facts_source": "https://entwickelt.osnabrueck.de/de/stadtquartiere/nette-quartier/ueber-uns/\n"
        "https://osna-live.de/22427/nette-quartier-erhaelt-weitere-foerderung-fuer-drei-jahre/\n"
        "https://entwickelt.osnabrueck.de/de/stadtquartiere/nette-quartier/projekte/",
        "programmes": [
            ("Gute Nachbarschaft", dt.date(2021, 4, 1), dt.date(2024, 4, 30), ""),
            (
                "Quartiersarbeit der Stadt Osnabrück",
                dt.date(2024, 5, 1),
                None,
                "dauerhaft im städtischen Haushalt",
            ),
        ],
        "team": [
            (
                "Lea Exempel",
                "community_work",
                "Fachdienst Bürgerengagement und Seniorenbüro",
            ),
            ("Piotr Probe", "volunteer", "Technik-Lotse"),
        ],
        "offices": [
            {
                "slug": "projektbuero-nette",
                "name": "Projektbüro Nette-Quartier",
                "kind": Office.Kind.PROJECT_OFFICE,
                "street": "Anschrift beim Seniorenbüro erfragen",
                "postcode": "49090",
                "email": "nette-quartier@example.org",
                "note": "Die Anschrift des Projektbüros ist nicht veröffentlicht; Zeiten sind Demo-Werte.",
                "hours": [
                    (1, "10:00", "12:00", ""),
                    (3, "14:00", "16:00", "Technik-Sprechstunde 50+"),
                ],
            },
        ],
    },
]


# English twins of the demo's German facts (the `*_en` fields; docs/translation.md).
ENGLISH = {
    "in etwa 5.300 Wohnungen": "in about 5,300 homes",
    "über etwa zehn Jahre, je ein Drittel Bund, Land und Stadt": (
        "over about ten years, a third each from the federal government, the state "
        "and the city"
    ),
    "Landesprogramm „Gute Nachbarschaft“ für drei Jahre ab April 2021, städtischer Anteil 20 %": (
        "state programme “Gute Nachbarschaft” for three years from April 2021, "
        "city share 20 %"
    ),
    "Quartierstreff seit Ende 2012": "meeting place since late 2012",
    "als Sanierungsgebiet": "as a redevelopment area",
    "Ratsbeschluss zur Bewerbung am 30.05.2017": (
        "council decision to apply on 30 May 2017"
    ),
    "dauerhaft im städtischen Haushalt": "permanently in the city budget",
    "Wohnung im Erdgeschoss; eine Stufe am Hauseingang (Demo-Angabe).": (
        "Ground-floor flat; one step at the front door (demo entry)."
    ),
    "Sprechzeiten wie 2016 veröffentlicht; bitte vor dem Besuch prüfen.": (
        "Office hours as published in 2016; please check before you visit."
    ),
    "Öffnungszeiten sind Demo-Werte.": "Opening hours are demo values.",
    "Mit dem Ende der Förderung geschlossen.": "Closed when the funding ended.",
    "Ebenerdiger Eingang (Demo-Angabe).": "Step-free entrance (demo entry).",
    "Hier arbeiten Quartiersmanagement, JUGEND STÄRKEN im Quartier, Eigentümerberatung und Städtebau. Sprechzeiten sind Demo-Werte.": (
        "Home of the quarter management, JUGEND STÄRKEN im Quartier, advice for "
        "owners and urban planning. Office hours are demo values."
    ),
    "Die Anschrift des Projektbüros ist nicht veröffentlicht; Zeiten sind Demo-Werte.": (
        "The project office's address is not published; times are demo values."
    ),
    "Deutsch, Arabisch, Türkisch": "German, Arabic, Turkish",
    "Deutsch, Türkisch": "German, Turkish",
    "Technik-Sprechstunde 50+": "Tech help for people over 50",
}


def _with_english(data: dict, *fields: str) -> dict:
    """`data` plus `<field>_en` for each German text the demo translates."""
    return data | {
        f"{field}_en": ENGLISH[data[field]]
        for field in fields
        if data.get(field) in ENGLISH
    }


def _features() -> dict[tuple[str, str], dict]:
    """Features by (geometry type, slug): a quarter and a square may share a slug."""
    data = json.loads(GEOJSON.read_text(encoding="utf-8"))
    return {
        (f["geometry"]["type"], f["properties"]["slug"]): f for f in data["features"]
    }


def seed() -> list[str]:
    """Create what is missing; never overwrite what editors changed."""
    created: list[str] = []
    features = _features()
    city = CitySettings.load()
    if not city.outline:
        city.name, city.outline = (
            "Osnabrück",
            features[("Polygon", "osnabrueck")]["geometry"],
        )
        city.save()
    for data in DISTRICTS:
        District.objects.get_or_create(name=data["name"], defaults=data)
    for data in PROGRAMMES:
        FundingProgramme.objects.get_or_create(name=data["name"], defaults=data)
    for data in QUARTERS:
        if Quarter.objects.filter(slug=data["slug"]).exists():
            continue
        _create_quarter(data, features)
        created.append(data["name"])
    return created


def _create_quarter(data: dict, features: dict[tuple[str, str], dict]) -> Quarter:
    fields = _with_english(
        {
            k: v
            for k, v in data.items()
            if k not in {"districts", "programmes", "team", "offices"}
        },
        "inhabitants_note",
        "budget_note",
    )
    quarter = quarter_create(
        quarter=Quarter(
            boundary=features[("Polygon", data["slug"])]["geometry"], **fields
        )
    )
    quarter.districts.set(District.objects.filter(name__in=data["districts"]))
    for name, starts_on, ends_on, note in data["programmes"]:
        QuarterProgramme.objects.create(
            quarter=quarter,
            programme=FundingProgramme.objects.get(name=name),
            starts_on=starts_on,
            ends_on=ends_on,
            note=note,
            note_en=ENGLISH.get(note, ""),
        )
    for order, (name, role, organisation) in enumerate(data["team"]):
        TeamMember.objects.create(
            quarter=quarter,
            name=name,
            role=role,
            organisation=organisation,
            is_fictional=True,
            sort_order=order,
        )
    for office_data in data["offices"]:
        _create_office(quarter, dict(office_data), features)
    return quarter


def _create_office(
    quarter: Quarter, data: dict, features: dict[tuple[str, str], dict]
) -> Office:
    hours = data.pop("hours", [])
    feature = features.get(("Point", data.pop("slug")))
    point = (
        shape(feature["geometry"]) if feature else quarter.shape.representative_point()
    )
    office = Office.objects.create(
        quarter=quarter,
        longitude=point.x,
        latitude=point.y,
        **_with_english(data, "accessibility", "note"),
    )
    for weekday, opens, closes, languages in hours:
        OfficeHours.objects.create(
            office=office,
            weekday=weekday,
            opens=opens,
            closes=closes,
            languages=languages,
            languages_en=ENGLISH.get(languages, ""),
        )
    return office
