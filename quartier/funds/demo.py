"""Demo funds for Schinkel and Dodesheide/Nette with fictional applications in every state.

All projects, people and amounts are invented and marked as demo; the fund rules of
Schinkel (€5,000 a year, up to €1,000 per project) follow the published rules.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from quartier.accounts.demo import demo_account
from quartier.quarters.models import Quarter

from .models import (
    ConflictOfInterest,
    CostItem,
    Fund,
    FundApplication,
    JuryMember,
    Meeting,
    Payment,
    Status,
    Vote,
)
from .services import _next_letter_number

S = Status
MAIN_PATH = [
    S.SUBMITTED,
    S.IN_CHECK,
    S.READY,
    S.APPROVED,
    S.LETTER_SENT,
    S.PAID,
    S.PROOF_SUBMITTED,
    S.PROOF_CHECKED,
    S.CLOSED,
]

FUNDS = [
    {
        "quarter": "schinkel",
        "slug": "schinkel",
        "name": "Verfügungsfonds Schinkel",
        "intro": "Geld für Ideen aus der Nachbarschaft, die den Schinkel schnell und sichtbar lebendiger machen.",
        "yearly_budget": Decimal("5000"),
        "min_per_application": Decimal("0"),
        "max_per_application": Decimal("1000"),
        "eligible": "Bewohnerinnen und Bewohner, Vereine, Initiativen und Gewerbetreibende aus dem Sanierungsgebiet Schinkel.",
        "funded": "Projekte, die im Gebiet stattfinden, zu einem Handlungsfeld des Stadtteilkonzepts passen und schnell ein sichtbares Ergebnis zeigen: Feste, Aktionen, kleine Anschaffungen für alle.",
        "not_funded": "Dauerhafte Personalkosten, Projekte mit Gewinnabsicht und Ausgaben, die schon vor dem Antrag getätigt wurden.",
        "decision_body": "Die Jury des Verfügungsfonds",
        "intro_en": "Money for ideas from the neighbourhood that make the Schinkel livelier, quickly and visibly.",
        "eligible_en": "Residents, associations, initiatives and businesses from the Schinkel redevelopment area.",
        "funded_en": "Projects that take place in the area, fit a field of action of the district plan and quickly show a visible result: festivals, campaigns, small purchases for everyone.",
        "not_funded_en": "Permanent staff costs, profit-making projects and expenses made before the application.",
        "decision_body_en": "The fund's jury",
        "jury": [
            ("jury-schinkel-1@quartier.example", "Jurymitglied Ayşe (Demo)", True),
            ("jury-schinkel-2@quartier.example", "Jurymitglied Bernd (Demo)", False),
            ("jury-schinkel-3@quartier.example", "Jurymitglied Carla (Demo)", False),
        ],
    },
    {
        "quarter": "dodesheide",
        "slug": "dodesheide-nette",
        "name": "Quartiersfonds Dodesheide und Nette",
        "intro": "Ein jährlicher Topf für Nachbarschaftsprojekte zwischen Dodesheide-Ost und der Nette.",
        "yearly_budget": Decimal("10000"),
        "min_per_application": Decimal("500"),
        "max_per_application": Decimal("2500"),
        "eligible": "Gemeinnützige Vereine, Kirchengemeinden und Einrichtungen; Einzelpersonen gemeinsam mit einem Partner aus dem Quartier.",
        "funded": "Begegnung zwischen Generationen und Kulturen, Angebote für Kinder und Ältere, kleine Verschönerungen im öffentlichen Raum.",
        "not_funded": "Laufende Kosten von Einrichtungen und Vorhaben, die andere Förderungen ersetzen.",
        "decision_body": "Der Quartiersrat",
        "intro_en": "A yearly pot for neighbourhood projects between Dodesheide-Ost and the Nette.",
        "eligible_en": "Non-profit associations, parishes and institutions; individuals together with a partner from the quarter.",
        "funded_en": "Encounters between generations and cultures, offers for children and older people, small improvements to public space.",
        "not_funded_en": "Running costs of institutions and projects that replace other funding.",
        "decision_body_en": "The quarter council",
        "own_contribution_percent": 10,
        "jury": [
            ("rat-dodesheide-1@quartier.example", "Quartiersrat Dilek (Demo)", True),
            ("rat-dodesheide-2@quartier.example", "Quartiersrat Emil (Demo)", False),
            ("rat-dodesheide-3@quartier.example", "Quartiersrat Frieda (Demo)", False),
        ],
    },
]

APPLICANTS = [
    ("erika@quartier.example", "Erika M."),
    ("nachbar-goran@quartier.example", "Goran (Demo)"),
    ("nachbarin-hatice@quartier.example", "Hatice (Demo)"),
    ("verein-ingo@quartier.example", "Ingo (Demo)"),
]

# (fund slug, title, summary, category, applicant type, applicant index, status,
#  cost plan, approved amount or None, days ago the story started)
APPLICATIONS = [
    (
        "schinkel",
        "Hochbeete im Hinterhof",
        "Vier Hochbeete für den gemeinsamen Hinterhof, bepflanzt mit den Kindern aus dem Haus.",
        "green",
        "person",
        1,
        S.PAID,
        [("Holz und Schrauben", "520"), ("Erde und Pflanzen", "330")],
        "850",
        160,
    ),
    (
        "schinkel",
        "Kinderflohmarkt",
        "Ein Flohmarkt von Kindern für Kinder auf dem Schulhof, mit Waffelstand.",
        "youth",
        "club",
        3,
        S.SUBMITTED,
        [
            ("Tische leihen", "150"),
            ("Plakate und Flyer", "90"),
            ("Waffeleisen und Teig", "160"),
        ],
        None,
        6,
    ),
    (
        "schinkel",
        "Sprachcafé",
        "Jeden zweiten Mittwoch Deutsch üben bei Tee und Kuchen, mit ehrenamtlichen Begleiterinnen.",
        "neighbourhood",
        "club",
        3,
        S.READY,
        [
            ("Raummiete für ein Jahr", "600"),
            ("Lernmaterial", "250"),
            ("Tee und Gebäck", "150"),
        ],
        None,
        30,
    ),
    (
        "schinkel",
        "Werkzeugkiste für das Reparaturcafé",
        "Gutes Werkzeug, damit Toaster und Fahrräder ein zweites Leben bekommen.",
        "green",
        "club",
        3,
        S.CLOSED,
        [("Werkzeugsatz", "420"), ("Lötstation", "180")],
        "600",
        300,
    ),
    (
        "schinkel",
        "Fotoausstellung: Schinkel früher und heute",
        "Alte und neue Fotos aus dem Stadtteil, gesammelt von Nachbarinnen, ausgestellt im Stadtteilbüro.",
        "culture",
        "person",
        2,
        S.PROOF_CHECKED,
        [("Abzüge und Rahmen", "380"), ("Eröffnungsabend", "70")],
        "450",
        220,
    ),
    (
        "schinkel",
        "Lastenrad zum Ausleihen",
        "Ein Lastenrad, das Nachbarn kostenlos für Einkäufe und Umzüge leihen können.",
        "green",
        "club",
        3,
        S.PROOF_SUBMITTED,
        [("Anzahlung Lastenrad", "500")],
        "500",
        200,
    ),
    (
        "schinkel",
        "Balkonkino im Sommer",
        "Drei Filmabende im Innenhof, projiziert auf eine Hauswand.",
        "culture",
        "person",
        1,
        S.LETTER_SENT,
        [("Beamer-Miete", "300"), ("Leinwand", "150"), ("GEMA und Lizenzen", "250")],
        "700",
        40,
    ),
    (
        "schinkel",
        "Bücherkiste im Waschsalon",
        "Eine wetterfeste Kiste zum Tauschen von Büchern.",
        "neighbourhood",
        "business",
        2,
        S.APPROVED,
        [("Kiste und Schloss", "300")],
        "300",
        30,
    ),
    (
        "schinkel",
        "Straßenfest Tannenburgstraße",
        "Ein Nachmittag für die ganze Straße mit Musik und Spielen.",
        "culture",
        "person",
        0,
        S.DRAFT,
        [("Bühne und Technik", "500"), ("Spiele und Schminke", "300")],
        None,
        2,
    ),
    (
        "schinkel",
        "Gießkannen für den Nachbarschaftsgarten",
        "Gießkannen und eine Regentonne für die Beete am Spielplatz.",
        "green",
        "person",
        2,
        S.CHANGES_REQUESTED,
        [("Regentonne", "120")],
        None,
        12,
    ),
    (
        "schinkel",
        "Lesepaten-Ecke in der Bücherei",
        "Gemütliche Sitzsäcke und Bücher für eine Vorleseecke.",
        "youth",
        "institution",
        3,
        S.IN_CHECK,
        [("Sitzsäcke", "240"), ("Kinderbücher", "200")],
        None,
        8,
    ),
    (
        "schinkel",
        "Graffiti-Workshop in der Unterführung",
        "Jugendliche gestalten eine Wand mit einem Künstler.",
        "youth",
        "person",
        1,
        S.REJECTED,
        [("Honorar", "800"), ("Farben", "400")],
        None,
        90,
    ),
    (
        "schinkel",
        "Laternenumzug",
        "Ein Laternenumzug durch den Stadtteil im November.",
        "culture",
        "person",
        2,
        S.WITHDRAWN,
        [("Laternen und Musik", "260")],
        None,
        50,
    ),
    (
        "dodesheide-nette",
        "Geschirr für das Nachbarschaftsfrühstück",
        "Mehrweg-Geschirr für 60 Personen, damit das Frühstück ohne Müll auskommt.",
        "neighbourhood",
        "club",
        3,
        S.CLOSED,
        [("Geschirr und Besteck", "780"), ("Transportkisten", "120")],
        "800",
        320,
    ),
    (
        "dodesheide-nette",
        "Fußballturnier Am Limberg",
        "Ein Turnier für Kinder aus allen Straßen mit Grillfest für die Familien.",
        "youth",
        "club",
        3,
        S.PAID,
        [
            ("Tore und Bälle", "900"),
            ("Pokale und Urkunden", "250"),
            ("Grillgut", "520"),
        ],
        "1500",
        120,
    ),
    (
        "dodesheide-nette",
        "Offener Bücherschrank",
        "Ein Bücherschrank am Quartierstreff, betreut von Ehrenamtlichen.",
        "neighbourhood",
        "institution",
        2,
        S.APPROVED,
        [("Bücherschrank", "1450"), ("Fundament", "250")],
        "1200",
        25,
    ),
    (
        "dodesheide-nette",
        "Seniorennachmittag mit Musik",
        "Kaffee, Kuchen und ein Akkordeon-Duo für ältere Nachbarinnen und Nachbarn.",
        "seniors",
        "club",
        3,
        S.READY,
        [("Musik", "350"), ("Kaffee und Kuchen", "250"), ("Fahrdienst", "100")],
        None,
        20,
    ),
    (
        "dodesheide-nette",
        "Kulturfest der Nationen",
        "Musik, Tanz und Essen aus vielen Ländern auf der Wiese am Quartierstreff.",
        "culture",
        "club",
        3,
        S.SUBMITTED,
        [("Bühne", "1200"), ("Technik", "900"), ("Zelte", "600")],
        None,
        4,
    ),
    (
        "dodesheide-nette",
        "Tablets für die Technik-Sprechstunde 50+",
        "Zwei Tablets zum Üben für die Technik-Sprechstunde.",
        "seniors",
        "person",
        0,
        S.DRAFT,
        [("Zwei Tablets", "600")],
        None,
        1,
    ),
    (
        "dodesheide-nette",
        "Insektenhotel mit der Grundschule",
        "Kinder bauen ein großes Insektenhotel am Nette-Ufer.",
        "green",
        "institution",
        2,
        S.LETTER_SENT,
        [("Holz und Material", "620"), ("Schutzgitter", "160")],
        "700",
        45,
    ),
    (
        "dodesheide-nette",
        "Balkonkonzerte",
        "Konzerte von Balkon zu Balkon in der Siedlung.",
        "culture",
        "person",
        1,
        S.REJECTED,
        [("Gagen", "1800")],
        None,
        70,
    ),
    (
        "dodesheide-nette",
        "Wandbild am Quartierstreff",
        "Ein Wandbild, das Kinder und Jugendliche mit einer Künstlerin entwerfen.",
        "public_space",
        "club",
        3,
        S.PROOF_SUBMITTED,
        [("Honorar Künstlerin", "1300"), ("Farben und Gerüst", "900")],
        "1900",
        210,
    ),
]


def _path(target: str) -> list[str]:
    if target == S.DRAFT:
        return []
    if target == S.CHANGES_REQUESTED:
        return [S.SUBMITTED, S.IN_CHECK, S.CHANGES_REQUESTED]
    if target == S.REJECTED:
        return [S.SUBMITTED, S.IN_CHECK, S.READY, S.REJECTED]
    if target == S.WITHDRAWN:
        return [S.SUBMITTED, S.WITHDRAWN]
    return MAIN_PATH[: MAIN_PATH.index(target) + 1]


REASONS = {
    S.CHANGES_REQUESTED: "Bitte ergänzen Sie den Kostenplan um die Gießkannen und nennen Sie, wer die Beete pflegt.",
    S.REJECTED: "Das Vorhaben übersteigt den Rahmen des Fonds; das Quartiersbüro berät gern zu anderen Förderungen.",
    S.WITHDRAWN: "Der Termin hat sich zerschlagen.",
}


def seed(password: str) -> list[tuple[str, str]]:
    """Create the demo funds once (a second run changes nothing); returns jury logins."""
    if not Fund.objects.filter(slug__in=[f["slug"] for f in FUNDS]).exists():
        _seed_funds(password)
    return [
        (f"Jury {member.fund.name}", member.user.email)
        for member in JuryMember.objects.filter(fund__is_demo=True)
        .select_related("fund", "user")
        .order_by("fund__name", "user__email")
    ]


def _seed_funds(password: str) -> None:
    quarters = Quarter.objects.in_bulk([f["quarter"] for f in FUNDS], field_name="slug")
    applicants = [
        demo_account(email, name, password=password)[0] for email, name in APPLICANTS
    ]
    now = timezone.now()
    funds = {}
    for spec in FUNDS:
        spec = dict(spec)
        quarter = quarters.get(spec.pop("quarter"))
        jury = spec.pop("jury")
        if quarter is None:
            continue
        fund = Fund.objects.create(quarter=quarter, is_demo=True, **spec)
        for email, name, chair in jury:
            user = demo_account(email, name, password=password)[0]
            JuryMember.objects.create(fund=fund, user=user, is_chair=chair)
        funds[fund.slug] = fund
    for fund in funds.values():
        team_user = fund.quarter.team.user_set.first() if fund.quarter.team else None
        members = list(fund.jury.select_related("user"))
        meeting = Meeting.objects.create(
            fund=fund,
            held_on=timezone.localdate() - datetime.timedelta(days=35),
            guests="Quartiersmanagement (ohne Stimme)",
            notes="Demo-Sitzung: alle Anträge der Runde besprochen.",
            recorded_by=team_user,
        )
        meeting.attendees.set(members)
        for row in APPLICATIONS:
            if row[0] == fund.slug:
                _application(fund, row, applicants, members, meeting, team_user, now)


def _application(fund, row, applicants, members, meeting, team_user, now):
    (_slug, title, summary, category, kind, who, target, costs, approved, days) = row
    applicant = applicants[who]
    start = now - datetime.timedelta(days=days)
    application = FundApplication.objects.create(
        fund=fund,
        applicant=applicant,
        title=title,
        summary=summary,
        description=summary + " (Fiktiver Demo-Antrag.)",
        category=category,
        applicant_type=kind,
        organisation="Nachbarschaftsverein (Demo)" if kind != "person" else "",
        contact_name=applicant.display_name,
        address="Musterstraße 1, 49084 Osnabrück (Demo)",
        iban="DE02120300000000202051",
        is_demo=True,
    )
    application.created_at = start  # auto_now_add ignores the value on create
    FundApplication.objects.filter(pk=application.pk).update(created_at=start)
    CostItem.objects.bulk_create(
        CostItem(application=application, description=d, amount=Decimal(a), position=i)
        for i, (d, a) in enumerate(costs)
    )
    if fund.own_contribution_percent:
        total = sum(Decimal(a) for _d, a in costs)
        application.own_contribution = (
            total * fund.own_contribution_percent / 100
        ).quantize(Decimal("1"))
    at = start
    for step in _path(target):
        at += datetime.timedelta(days=max(1, days // 12))
        actor = (
            applicant
            if step in (S.SUBMITTED, S.PROOF_SUBMITTED, S.WITHDRAWN)
            else team_user
        )
        if step == S.SUBMITTED:
            application.submitted_at = at
        if step in (S.APPROVED, S.REJECTED):
            _decide(application, step, approved, members, meeting, at)
        if step == S.LETTER_SENT:
            application.letter_number = _next_letter_number(fund, at.year)
            application.letter_sent_on = at.date()
            application.proof_due_on = at.date() + datetime.timedelta(
                days=fund.proof_deadline_days
            )
        if step == S.PAID:
            Payment.objects.create(
                application=application,
                amount=application.approved_amount,
                paid_on=at.date(),
                recorded_by=team_user,
                note="Demo-Auszahlung",
            )
        if step == S.PROOF_SUBMITTED:
            application.proof_report = "Das Projekt hat stattgefunden; viele Nachbarinnen und Nachbarn haben mitgemacht. (Demo)"
            application.spent_total = application.approved_amount - Decimal("12.40")
        change = application.move_to(step, actor=actor, reason=REASONS.get(step, ""))
        change.at = at
        if step in (S.CLOSED, S.REJECTED, S.WITHDRAWN):
            application.closed_at = at
        application.save()
        change.save()


def _decide(application, step, approved, members, meeting, at):
    application.decided_at = at
    application.meeting = meeting
    choices = ["yes", "yes", "abstain"] if step == S.APPROVED else ["no", "no", "yes"]
    if application.title.startswith("Offener Bücherschrank"):
        # One member runs the café next door: declared, excluded from the vote.
        ConflictOfInterest.objects.create(
            application=application,
            member=members[-1],
            note="Betreibt das Café nebenan.",
        )
        choices = choices[:-1]
    for member, choice in zip(members, choices, strict=False):
        Vote.objects.create(application=application, member=member, choice=choice)
    application.votes_yes = choices.count("yes")
    application.votes_no = choices.count("no")
    application.votes_abstain = choices.count("abstain")
    if step == S.APPROVED:
        application.approved_amount = Decimal(approved)
        application.budget_year = timezone.localtime(at).year
        requested = sum((i.amount for i in application.cost_items.all()), Decimal(0))
        if application.approved_amount < requested - application.own_contribution:
            application.conditions = (
                "Der Standort wird vorher mit dem Grünflächenamt abgestimmt."
            )
            application.decision_reason = "Die Jury fördert einen Teil der Kosten."
    else:
        application.decision_reason = REASONS[S.REJECTED]
