"""Demo participation: fields of action, calls, ideas in every status, comments, polls.

Everything here is invented and says so ("Demo-Beitrag"). Dates are relative to today.
Keys are (quarter, title), so a second run finds what the first created and changes nothing.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from quartier.accounts.demo import demo_account
from quartier.accounts.models import User
from quartier.quarters.models import Quarter

from .models import (
    CallForIdeas,
    Category,
    Comment,
    Idea,
    Poll,
    PollAnswer,
    PollOption,
    PollQuestion,
    PollResponse,
    QuarterParticipationSettings,
    Support,
)

DEMO_NOTE = "(Erfundener Demo-Beitrag.)"

# (German name, English name)
CATEGORIES = [
    ("Grün und Freiflächen", "Green and open spaces"),
    ("Verkehr und Wege", "Traffic and paths"),
    ("Nachbarschaft und Soziales", "Neighbourhood and social life"),
    ("Kultur und Freizeit", "Culture and leisure"),
    ("Lokale Wirtschaft", "Local business"),
    ("Kinder und Jugendliche", "Children and young people"),
]

PEOPLE = [
    ("piotr@quartier.example", "Piotr P."),
    ("max@quartier.example", "Max M. (Bürgerverein Demo)"),
    ("ayse@quartier.example", "Ayşe"),
    ("hannelore@quartier.example", "Hannelore, 78"),
]

# (title, description, category index, status, answer, days ago, point offset or None)
IDEAS = [
    (
        "Trinkbrunnen am Spielplatz",
        "Im Sommer haben die Kinder auf dem Spielplatz nichts zu trinken. Ein Trinkbrunnen mit Wasser aus der Leitung wäre eine einfache Hilfe, auch für Ältere auf dem Weg zum Einkaufen.",
        0,
        Idea.Status.ACCEPTED,
        "Danke für den Vorschlag! Die Stadtwerke prüfen mit uns einen Standort. Wir melden uns hier, sobald der Termin für den Einbau feststeht.",
        40,
        (0.0, 0.0),
    ),
    (
        "Bänke entlang des Fußwegs",
        "Zwischen Haltestelle und Supermarkt gibt es keine Sitzmöglichkeit. Für viele Ältere ist der Weg ohne Pause zu lang. Zwei oder drei Bänke würden reichen.",
        1,
        Idea.Status.IN_PROGRESS,
        "Drei Bänke sind bestellt und werden im kommenden Monat aufgestellt.",
        90,
        (0.0015, 0.001),
    ),
    (
        "Nachbarschaftsfest im Hof",
        "Ein Fest im Innenhof, bei dem jede Familie etwas zu essen mitbringt. So lernen sich neue und alte Nachbarinnen und Nachbarn kennen.",
        2,
        Idea.Status.DONE,
        "Das Fest hat mit rund 120 Gästen stattgefunden. Danke an alle, die mitgeholfen haben! Fotos gibt es im Quartiersbüro.",
        200,
        None,
    ),
    (
        "Tempo 30 vor der Grundschule",
        "Morgens fahren viele Autos zu schnell an der Schule vorbei. Tempo 30 und ein Zebrastreifen würden den Schulweg sicherer machen.",
        1,
        Idea.Status.REVIEW,
        "Wir haben die Idee an den Fachbereich Verkehr weitergegeben. Dort wird gerade gezählt, wie viele Autos morgens vorbeifahren.",
        20,
        (-0.001, -0.0008),
    ),
    (
        "Parkhaus statt Grünfläche",
        "Auf der Wiese hinter dem Markt könnte ein Parkhaus gebaut werden, damit weniger Autos in den Straßen parken.",
        1,
        Idea.Status.NOT_POSSIBLE,
        "Die Wiese ist im Bebauungsplan als öffentliche Grünfläche festgesetzt und für die Kühlung des Quartiers wichtig. Ein Parkhaus ist dort deshalb nicht möglich. Wir sammeln aber Ideen zum Parken im Ideenaufruf zur Mobilität.",
        60,
        None,
    ),
    (
        "Offener Bücherschrank",
        "Ein wetterfester Schrank, in den alle Bücher stellen und aus dem alle Bücher mitnehmen können. Vielleicht an der Haltestelle?",
        3,
        Idea.Status.NEW,
        "",
        3,
        (0.0008, -0.0012),
    ),
    (
        "Werkstatt für Fahrräder",
        "Ein Raum mit Werkzeug, in dem man gemeinsam Fahrräder reparieren kann. Einmal in der Woche, mit Ehrenamtlichen, die sich auskennen.",
        4,
        Idea.Status.NEW,
        "",
        1,
        None,
    ),
    (
        "Graffiti-Wand für Jugendliche",
        "Eine Wand, an der Jugendliche legal sprühen dürfen. Das macht die Unterführung bunter und gibt Jugendlichen einen eigenen Ort.",
        5,
        Idea.Status.NEW,
        "",
        8,
        (-0.0005, 0.0012),
    ),
]

COMMENTS = [
    "Gute Idee, das fehlt wirklich schon lange.",
    "Ich würde beim Aufbau helfen. Wer macht noch mit?",
    "Wichtig wäre, dass das auch im Winter funktioniert.",
]
REPLY = "Ich bin dabei – meldet euch gern im Quartiersbüro."


def _people() -> list[User]:
    people = []
    for email, name in PEOPLE:
        people.append(demo_account(email, name)[0])
    erika = User.objects.filter(email="erika@quartier.example").first()
    return [erika, *people] if erika else people


def _point(quarter: Quarter, offset):
    if offset is None:
        return None, None
    base = quarter.shape.representative_point()
    lon, lat = round(base.x + offset[0], 6), round(base.y + offset[1], 6)
    if not quarter.contains(lon, lat):
        lon, lat = round(base.x, 6), round(base.y, 6)
    return lon, lat


def _categories() -> list[Category]:
    return [
        Category.objects.update_or_create(
            quarter=None, name=name, defaults={"sort_order": i, "name_en": name_en}
        )[0]
        for i, (name, name_en) in enumerate(CATEGORIES)
    ]


def _calls(quarter: Quarter, now: dt.datetime) -> tuple[CallForIdeas, CallForIdeas]:
    running, _ = CallForIdeas.objects.get_or_create(
        quarter=quarter,
        title=f"Mehr Grün für {quarter.short_name}",
        defaults={
            "question": "Wo fehlen Bäume, Beete oder schattige Plätze?",
            "description": f"Wir sammeln Orte, an denen mehr Grün das Leben im Quartier angenehmer macht. Die besten Ideen setzen wir mit dem Budget um. {DEMO_NOTE}",
            "starts_at": now - dt.timedelta(days=10),
            "ends_at": now + dt.timedelta(days=20),
            "budget_eur": 5000,
        },
    )
    closed, _ = CallForIdeas.objects.get_or_create(
        quarter=quarter,
        title="Mobilität im Quartier",
        defaults={
            "question": "Wie kommen Sie sicher und bequem durchs Quartier?",
            "description": f"Der Aufruf ist beendet; die Ideen liegen beim Fachbereich Verkehr. {DEMO_NOTE}",
            "starts_at": now - dt.timedelta(days=120),
            "ends_at": now - dt.timedelta(days=60),
        },
    )
    return running, closed


def _polls(quarter: Quarter, now: dt.datetime, people: list[User]) -> None:
    specs = [
        (
            "Wann soll das Quartiersbüro länger öffnen?",
            now - dt.timedelta(days=5),
            now + dt.timedelta(days=25),
            True,
        ),
        (
            "Welches Fest wünschen Sie sich?",
            now - dt.timedelta(days=80),
            now - dt.timedelta(days=50),
            False,
        ),
    ]
    for title, starts, ends, anonymous in specs:
        poll, created = Poll.objects.get_or_create(
            quarter=quarter,
            title=title,
            defaults={
                "description": f"Kurze Umfrage des Quartiersteams. {DEMO_NOTE}",
                "starts_at": starts,
                "ends_at": ends,
                "allow_anonymous": anonymous,
                "live_results": anonymous,
            },
        )
        if not created:
            continue
        first = PollQuestion.objects.create(
            poll=poll, text="Was passt Ihnen am besten?", kind="single", sort_order=0
        )
        for i, text in enumerate(
            ["Dienstagabend", "Samstagvormittag", "Mittwochnachmittag"]
            if anonymous
            else ["Sommerfest", "Laternenumzug", "Flohmarkt"]
        ):
            PollOption.objects.create(question=first, text=text, sort_order=i)
        second = PollQuestion.objects.create(
            poll=poll,
            text="Was interessiert Sie außerdem?",
            kind="multiple",
            sort_order=1,
        )
        for i, text in enumerate(["Beratung", "Treffen", "Kurse"]):
            PollOption.objects.create(question=second, text=text, sort_order=i)
        free = PollQuestion.objects.create(
            poll=poll,
            text="Möchten Sie uns noch etwas sagen?",
            kind="text",
            sort_order=2,
        )
        _answer(poll, [first, second], free, people)


def _answer(
    poll: Poll, choices: list[PollQuestion], free: PollQuestion, people
) -> None:
    """Some demo residents have answered, so results show numbers."""
    for n, person in enumerate(people):
        response = PollResponse.objects.create(
            poll=poll, user=person, created_at=poll.starts_at + dt.timedelta(days=1)
        )
        for question in choices:
            options = list(question.options.all())
            picked = options[n % len(options) : n % len(options) + 1]
            if question.kind == PollQuestion.Kind.MULTIPLE:
                picked = options[: 1 + n % len(options)]
            PollAnswer.objects.bulk_create(
                PollAnswer(response=response, question=question, option=o)
                for o in picked
            )
        if n == 0:
            PollAnswer.objects.create(
                response=response, question=free, text=f"Gern mit Musik! {DEMO_NOTE}"
            )


def seed() -> int:
    """Idempotent: returns how many ideas were created."""
    now = timezone.now()
    categories = _categories()
    people = _people()
    created_count = 0
    for q_index, quarter in enumerate(Quarter.objects.public().order_by("pk")):
        QuarterParticipationSettings.objects.get_or_create(
            quarter=quarter,
            defaults={
                # One quarter shows pre-moderation in the demo.
                "moderation": "pre" if quarter.slug == "rosenplatz" else "post"
            },
        )
        running, closed = _calls(quarter, now)
        _polls(quarter, now, people)
        for i, (title, text, cat, status, answer, days, offset) in enumerate(IDEAS):
            lon, lat = _point(quarter, offset)
            author = people[(i + q_index) % len(people)]
            idea, created = Idea.objects.get_or_create(
                quarter=quarter,
                title=title,
                defaults={
                    "description": f"{text}\n\n{DEMO_NOTE}",
                    "category": categories[cat],
                    "status": status,
                    "answer": answer,
                    "answered_at": now - dt.timedelta(days=days // 2)
                    if answer
                    else None,
                    "author": author,
                    "longitude": lon,
                    "latitude": lat,
                    "created_at": now - dt.timedelta(days=days, hours=i),
                    "call": running if i == 0 else (closed if i == 3 else None),
                },
            )
            if not created:
                continue
            created_count += 1
            supporters = [p for p in people if p != author][: (len(IDEAS) - i) % 5]
            Support.objects.bulk_create(Support(idea=idea, user=p) for p in supporters)
            comments = []
            for j, body in enumerate(COMMENTS[: (i % 3) + 1]):
                comments.append(
                    Comment.objects.create(
                        idea=idea,
                        author=people[(i + j + 1) % len(people)],
                        body=body,
                        created_at=idea.created_at + dt.timedelta(hours=j + 1),
                    )
                )
            Comment.objects.create(
                idea=idea,
                parent=comments[0],
                author=author,
                body=REPLY,
                created_at=idea.created_at + dt.timedelta(hours=5),
            )
            Idea.objects.filter(pk=idea.pk).update(
                support_count=len(supporters), comment_count=len(comments) + 1
            )
    return created_count
