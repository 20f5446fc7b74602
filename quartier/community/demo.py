"""Demo data for the community app: per quarter 15 actors, 20 businesses, 5 volunteering
roles, 10 Biete/Suche posts and 3 vacant units (plus one let unit for the history).

All invented and flagged `is_demo`; street names are real, house numbers and everything
else fictional. Points are placed at random inside the schematic quarter shape, with a
fixed seed, so a second run creates nothing and moves nothing.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.utils import timezone
from shapely.geometry import Point

from quartier.accounts.demo import demo_account
from quartier.accounts.models import User
from quartier.quarters.models import Quarter

from .models import (
    CommercialStock,
    HelpPost,
    Language,
    Membership,
    Opportunity,
    Organisation,
    OrganisationHours,
    TargetGroup,
    Vacancy,
)

STREETS = {
    "dodesheide": (
        "49088",
        ["Dodeshausweg", "Bierbaumsweg", "Vehrter Landstraße", "Am Limberg"],
    ),
    "rosenplatz": (
        "49082",
        ["Iburger Straße", "Meller Straße", "Rosenplatz", "Johannisstraße"],
    ),
    "schinkel": (
        "49084",
        ["Tannenburgstraße", "Heiligenweg", "Thomasburgstraße", "Bohmter Straße"],
    ),
    "nette-quartier": (
        "49090",
        ["Haster Weg", "Vehrter Landstraße", "Sonnenhügel", "Lerchenstraße"],
    ),
}

# (slug part, kind, name pattern, languages, target groups, step_free, description)
ACTORS = [
    (
        "buergerverein",
        "club",
        "Bürgerverein {q} Demo e. V.",
        "de",
        "alle",
        True,
        "Organisiert das Nachbarschaftsfest, pflegt Bänke und Beete und lädt monatlich zum Stammtisch ein.",
    ),
    (
        "sportverein",
        "club",
        "Turn- und Sportverein {q} (Demo)",
        "de en",
        "kinder jugendliche familien",
        True,
        "Fußball, Turnen und Rückenfit in der Halle am Quartiersrand; Schnupperstunden jederzeit.",
    ),
    (
        "kulturverein",
        "club",
        "Deutsch-Türkischer Kulturverein {q} (Demo)",
        "de tr",
        "alle familien",
        True,
        "Treffpunkt mit Teestube, Hausaufgabenhilfe und Saz-Kurs; Feste für alle Nachbarn.",
    ),
    (
        "schachclub",
        "club",
        "Schachfreunde {q} (Demo)",
        "de ru",
        "jugendliche senioren",
        False,
        "Spielabend jeden Donnerstag im Obergeschoss des Gemeindehauses; Bretter sind da.",
    ),
    (
        "garten",
        "initiative",
        "Gemeinschaftsgarten {q} (Demo)",
        "de ar",
        "alle",
        True,
        "Hochbeete, Kräuterspirale und Saatguttausch; wer mitgärtnert, erntet mit.",
    ),
    (
        "sprachcafe",
        "initiative",
        "Sprachcafé {q} (Demo)",
        "de ar tr uk fa",
        "neuzugewanderte",
        True,
        "Deutsch üben bei Kaffee und Keksen, ohne Anmeldung und ohne Kosten.",
    ),
    (
        "reparaturcafe",
        "initiative",
        "Reparaturcafé {q} (Demo)",
        "de pl",
        "alle",
        False,
        "Einmal im Monat reparieren Ehrenamtliche Toaster, Lampen, Fahrräder und Kleidung.",
    ),
    (
        "kirche",
        "church",
        "Ev. Gemeinde am {q}er Kirchplatz (Demo)",
        "de",
        "alle senioren",
        True,
        "Gottesdienste, Seniorenkreis und ein offener Mittagstisch am Mittwoch.",
    ),
    (
        "moschee",
        "church",
        "Moscheegemeinde {q} (Demo)",
        "de tr ar",
        "alle",
        False,
        "Gebetsräume, Frauenfrühstück und Beratung in mehreren Sprachen.",
    ),
    (
        "grundschule",
        "school",
        "Grundschule am Lindenhof {q} (Demo)",
        "de",
        "kinder familien",
        True,
        "Offene Ganztagsschule mit Schulgarten und Leseclub.",
    ),
    (
        "kita",
        "daycare",
        "Kita Pusteblume {q} (Demo)",
        "de tr ar",
        "kinder familien",
        True,
        "Kindertagesstätte mit Krippe; Elterncafé am Freitagmorgen.",
    ),
    (
        "familienzentrum",
        "social_service",
        "Familienzentrum {q} (Demo)",
        "de ar ru uk",
        "familien kinder neuzugewanderte",
        True,
        "Beratung zu Erziehung, Anträgen und Kinderbetreuung; Krabbelgruppe und Familienfrühstück.",
    ),
    (
        "seniorentreff",
        "social_service",
        "Seniorentreff {q} (Demo)",
        "de pl",
        "senioren behinderung",
        True,
        "Mittagstisch, Gymnastik im Sitzen und eine Technik-Sprechstunde für Menschen ab 50.",
    ),
    (
        "wohnungsbau",
        "housing",
        "Wohnungsgenossenschaft {q} (Demo)",
        "de en",
        "alle",
        True,
        "Vermietet Wohnungen im Quartier und stellt einen Gemeinschaftsraum für Nachbarschaftsgruppen.",
    ),
    (
        "bibliothek",
        "public",
        "Stadtteilbücherei {q} (Demo)",
        "de en tr ar",
        "alle kinder senioren",
        True,
        "Bücher, Zeitungen, Internetplätze und Vorlesestunden für Kinder.",
    ),
]

# (slug part, category, name pattern, languages, step_free, delivers, hours pattern)
BUSINESSES = [
    ("baeckerei", "shop", "Bäckerei Korn & Krume {q}", "de", True, False, "bakery"),
    ("kiosk", "shop", "Kiosk Eckpunkt {q}", "de tr", True, False, "kiosk"),
    ("supermarkt", "shop", "Frischemarkt {q}", "de", True, True, "shop"),
    ("feinkost", "shop", "Feinkost Anatolia {q}", "de tr ar", True, True, "shop"),
    ("blumen", "shop", "Blumen Wiesengrün {q}", "de", False, True, "shop"),
    ("buchladen", "shop", "Buchladen Seitenweise {q}", "de en", True, False, "shop"),
    ("friseur", "service", "Salon Schnittpunkt {q}", "de ar", True, False, "salon"),
    (
        "schneiderei",
        "service",
        "Änderungsschneiderei Nadelöhr {q}",
        "de tr ru",
        False,
        False,
        "shop",
    ),
    ("copyshop", "service", "Copy & Druck {q}", "de", True, False, "shop"),
    ("reisebuero", "service", "Reisebüro Fernweh {q}", "de pl", True, False, "office"),
    ("apotheke", "health", "Apotheke am Markt {q}", "de en tr", True, True, "shop"),
    ("physio", "health", "Physiotherapie Bewegt {q}", "de", True, False, "practice"),
    ("optiker", "health", "Optik Klarblick {q}", "de", True, False, "shop"),
    ("tischlerei", "craft", "Tischlerei Holzweg {q}", "de", False, False, "craft"),
    ("elektro", "craft", "Elektro Funke {q}", "de ru", False, False, "craft"),
    ("fahrrad", "craft", "Fahrradwerkstatt Speiche {q}", "de en", True, False, "craft"),
    ("maler", "craft", "Malerbetrieb Farbfroh {q}", "de pl", False, False, "craft"),
    ("cafe", "gastronomy", "Café Nachbarschaft {q}", "de en", True, False, "cafe"),
    ("imbiss", "gastronomy", "Imbiss Zur Ecke {q}", "de tr ar", True, True, "food"),
    ("eiscafe", "gastronomy", "Eiscafé Dolce {q}", "de", True, False, "cafe"),
]

HOURS = {
    "bakery": [(d, "06:30", "18:00") for d in range(5)] + [(5, "07:00", "13:00")],
    "kiosk": [(d, "07:00", "21:00") for d in range(6)] + [(6, "10:00", "18:00")],
    "shop": [(d, "09:00", "18:30") for d in range(5)] + [(5, "09:00", "14:00")],
    "salon": [(d, "09:00", "18:00") for d in range(1, 6)],
    "office": [(d, "10:00", "17:00") for d in range(5)],
    "practice": [(d, "08:00", "12:00") for d in range(5)]
    + [(d, "14:00", "18:00") for d in (0, 1, 3)],
    "craft": [(d, "07:30", "16:00") for d in range(5)],
    "cafe": [(d, "10:00", "19:00") for d in range(1, 7)],
    "food": [(d, "11:00", "22:00") for d in range(7)],
}

# (actor slug part, title, commitment, time needed, skills, description)
OPPORTUNITIES = [
    (
        "familienzentrum",
        "Hausaufgabenhilfe für Grundschulkinder",
        "regular",
        "zwei Nachmittage im Monat",
        "Geduld; Deutsch in Wort und Schrift",
        "Kinder erledigen ihre Hausaufgaben in kleinen Gruppen; Sie helfen beim Lesen, Rechnen und Nachfragen.",
    ),
    (
        "grundschule",
        "Lesepatin oder Lesepate",
        "regular",
        "eine Stunde pro Woche, vormittags",
        "Freude am Vorlesen",
        "Sie lesen mit einzelnen Kindern und hören zu, wenn die Kinder selbst lesen.",
    ),
    (
        "buergerverein",
        "Helfen beim Nachbarschaftsfest",
        "one_off",
        "ein Samstag, etwa vier Stunden",
        "",
        "Aufbau, Kuchentheke, Kinderschminken oder Abbau: jede Hand zählt.",
    ),
    (
        "reparaturcafe",
        "Reparieren im Reparaturcafé",
        "regular",
        "ein Samstag im Monat",
        "Handwerkliches Geschick; Elektrik oder Nähen sind willkommen",
        "Gemeinsam mit den Gästen schauen Sie, ob sich ein Gerät noch retten lässt.",
    ),
    (
        "seniorentreff",
        "Begleitung bei Spaziergängen",
        "regular",
        "eine Stunde pro Woche, frei wählbar",
        "Zeit und Zuverlässigkeit",
        "Ältere Nachbarinnen und Nachbarn freuen sich über Begleitung zum Markt oder in den Park.",
    ),
]

# (kind, category, title, text)
HELP_POSTS = [
    (
        "offer",
        "lending",
        "Bohrmaschine zu verleihen",
        "Schlagbohrmaschine mit Bohrersatz, gern für ein Wochenende. Abholen im Quartier.",
    ),
    (
        "request",
        "shopping",
        "Wer nimmt mir Getränkekisten mit?",
        "Ich komme schlecht die Treppe hoch. Einmal pro Woche zwei Kisten vom Markt wären eine große Hilfe.",
    ),
    (
        "offer",
        "tutoring",
        "Nachhilfe in Mathe bis Klasse 7",
        "Ich bin Studentin und helfe gern bei Bruchrechnung und Textaufgaben, kostenlos.",
    ),
    (
        "request",
        "company",
        "Begleitung für Spaziergänge gesucht",
        "Ich bin 78 und suche jemanden, der ab und zu eine Runde mit mir dreht.",
    ),
    (
        "offer",
        "garden",
        "Ableger von Zimmerpflanzen",
        "Grünlilien und Efeutute abzugeben, auch Töpfe dazu.",
    ),
    (
        "request",
        "tech",
        "Hilfe beim Einrichten des Smartphones",
        "Neues Handy, alte Kontakte: Wer zeigt mir, wie man sie überträgt?",
    ),
    (
        "offer",
        "lending",
        "Lastenrad für kleine Transporte",
        "Unser Lastenrad steht werktags oft still. Gern für Einkäufe ausleihen.",
    ),
    (
        "request",
        "tutoring",
        "Deutsch-Gesprächspartnerin gesucht",
        "Ich lerne Deutsch (B1) und möchte mich gern einmal pro Woche unterhalten.",
    ),
    (
        "offer",
        "shopping",
        "Ich gehe samstags zum Markt",
        "Wenn Sie etwas brauchen, bringe ich es mit. Bezahlen bei Übergabe.",
    ),
    (
        "request",
        "other",
        "Umzugskartons gesucht",
        "Wir ziehen innerhalb des Quartiers um und freuen uns über gebrauchte Kartons.",
    ),
]

# (title, use class, area m², rent min, rent max, interim use, description)
VACANCIES = [
    (
        "Ladenlokal mit Schaufenster",
        "retail",
        "85",
        "750",
        "900",
        True,
        "Ebenerdiges Ladenlokal mit großem Schaufenster, Lager und WC; Zwischennutzung bis zur Vermietung möglich.",
    ),
    (
        "Kleines Büro im Erdgeschoss",
        "office",
        "42",
        None,
        None,
        False,
        "Heller Raum mit Teeküche, geeignet als Büro oder Beratungsstelle.",
    ),
    (
        "Ehemaliges Café",
        "gastronomy",
        "120",
        "1100",
        "1300",
        True,
        "Gastraum mit Küche und Außenfläche; Küchenausstattung teilweise vorhanden.",
    ),
]

RESIDENTS = [
    ("erika@quartier.example", "Erika M."),
    ("nachbar-piotr@quartier.example", "Piotr P."),
    ("nachbarin-selin@quartier.example", "Selin K."),
]


def _point(quarter: Quarter, rng: random.Random) -> tuple[float, float]:
    shape = quarter.shape
    min_x, min_y, max_x, max_y = shape.bounds
    for _attempt in range(200):
        lon, lat = rng.uniform(min_x, max_x), rng.uniform(min_y, max_y)
        if shape.contains(Point(lon, lat)):
            return round(lon, 6), round(lat, 6)
    point = shape.representative_point()
    return round(point.x, 6), round(point.y, 6)


def _address(quarter: Quarter, rng: random.Random) -> tuple[str, str]:
    postcode, streets = STREETS.get(quarter.slug, ("49074", ["Musterweg"]))
    return f"{rng.choice(streets)} {rng.randint(1, 120)}", postcode


def _organisation(quarter, slug, defaults, languages, groups, rng, hours=()):
    lon, lat = _point(quarter, rng)
    street, postcode = _address(quarter, rng)
    org, created = Organisation.objects.get_or_create(
        slug=slug,
        defaults={
            **defaults,
            "street": street,
            "postcode": postcode,
            "longitude": lon,
            "latitude": lat,
            "is_demo": True,
        },
    )
    if created:
        org.quarters.add(quarter)
        org.languages.set(Language.objects.filter(code__in=languages.split()))
        org.target_groups.set(TargetGroup.objects.filter(slug__in=groups.split()))
        for weekday, opens, closes in hours:
            OrganisationHours.objects.create(
                organisation=org,
                weekday=weekday,
                opens=dt.time.fromisoformat(opens),
                closes=dt.time.fromisoformat(closes),
            )
    return org


def _resident(email: str, name: str, password: str | None) -> User:
    return demo_account(email, name, password=password)[0]


def seed(password: str | None = None) -> list[tuple[str, str]]:
    """Create what is missing; returns demo logins (role, email) to print."""
    today = timezone.localdate()
    residents = [_resident(email, name, None) for email, name in RESIDENTS]
    chair = _resident("max@quartier.example", "Max Mustermann", password)
    for quarter in Quarter.objects.public().filter(slug__in=STREETS):
        short = quarter.short_name
        rng = random.Random(f"community-{quarter.slug}")  # noqa: S311 - demo layout, not security
        actors = {}
        for part, kind, pattern, languages, groups, step_free, text in ACTORS:
            actors[part] = _organisation(
                quarter,
                f"{part}-{quarter.slug}",
                {
                    "name": pattern.format(q=short),
                    "kind": kind,
                    "description": text,
                    "step_free": step_free,
                    "website": "",
                    "contact_email": f"{part}-{quarter.slug}@example.org",
                },
                languages,
                groups,
                rng,
            )
        for (
            part,
            category,
            pattern,
            languages,
            step_free,
            delivers,
            hours,
        ) in BUSINESSES:
            _organisation(
                quarter,
                f"{part}-{quarter.slug}",
                {
                    "name": pattern.format(q=short),
                    "kind": Organisation.Kind.BUSINESS,
                    "business_category": category,
                    "description": "Erfundener Betrieb für die Demo.",
                    "step_free": step_free,
                    "delivers": delivers,
                    "contact_email": f"{part}-{quarter.slug}@example.org",
                },
                languages,
                "alle",
                rng,
                hours=HOURS[hours],
            )
        for part, title, commitment, time_needed, skills, text in OPPORTUNITIES:
            actor = actors[part]
            Opportunity.objects.get_or_create(
                organisation=actor,
                title=title,
                defaults={
                    "quarter": quarter,
                    "description": text,
                    "commitment": commitment,
                    "time_needed": time_needed,
                    "skills": skills,
                    "place": actor.address,
                    "contact_name": "Frau Beispiel (Demo)",
                    "expires_on": today + dt.timedelta(days=60),
                    "is_demo": True,
                },
            )
        for index, (kind, category, title, text) in enumerate(HELP_POSTS):
            HelpPost.objects.get_or_create(
                quarter=quarter,
                title=title,
                is_demo=True,
                defaults={
                    "author": residents[index % len(residents)],
                    "kind": kind,
                    "category": category,
                    "text": text,
                    "created_at": timezone.now() - dt.timedelta(days=index),
                    "expires_on": today + dt.timedelta(days=30 - index),
                },
            )
        for index, (title, use, area, rent_min, rent_max, interim, text) in enumerate(
            VACANCIES
        ):
            lon, lat = _point(quarter, rng)
            street, postcode = _address(quarter, rng)
            Vacancy.objects.get_or_create(
                quarter=quarter,
                title=title,
                is_demo=True,
                defaults={
                    "street": street,
                    "postcode": postcode,
                    "longitude": lon,
                    "latitude": lat,
                    "use_class": use,
                    "area_m2": Decimal(area),
                    "rent_min": Decimal(rent_min) if rent_min else None,
                    "rent_max": Decimal(rent_max) if rent_max else None,
                    "interim_use": interim,
                    "description": text,
                    "contact_email": f"leerstand-{quarter.slug}@example.org",
                    "vacant_since": today - dt.timedelta(days=90 + 120 * index),
                    "available_from": today + dt.timedelta(days=14 * index)
                    if index
                    else None,
                },
            )
        # A unit let last year: the staff history shows a finished vacancy too.
        lon, lat = _point(quarter, rng)
        street, postcode = _address(quarter, rng)
        Vacancy.objects.get_or_create(
            quarter=quarter,
            title="Früherer Kiosk",
            is_demo=True,
            defaults={
                "street": street,
                "postcode": postcode,
                "longitude": lon,
                "latitude": lat,
                "use_class": Vacancy.UseClass.RETAIL,
                "area_m2": Decimal("28"),
                "status": Vacancy.Status.LET,
                "contact_email": f"leerstand-{quarter.slug}@example.org",
                "vacant_since": today - dt.timedelta(days=540),
                "vacant_until": today - dt.timedelta(days=300),
            },
        )
        for year in (today.year - 1, today.year):
            CommercialStock.objects.get_or_create(
                quarter=quarter,
                year=year,
                defaults={
                    "units": rng.randint(60, 140),
                    "source": "Demo-Wert, erfunden",
                },
            )
        if quarter.slug == "schinkel":
            Membership.objects.get_or_create(
                organisation=actors["buergerverein"],
                user=chair,
                defaults={
                    "role": "Vorsitzender (Demo)",
                    "verified_at": timezone.now(),
                    "message": "Demo-Mitgliedschaft",
                },
            )
    return [("Verein (Max Mustermann, Bürgerverein Schinkel)", chair.email)]
