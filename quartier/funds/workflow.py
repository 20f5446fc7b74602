"""The application workflow as the status page offers it: next steps and buttons.

The state machine itself (which status may follow which, and who moves it) is
`TRANSITIONS` on the model; this module says what each role sees of it.
"""

from __future__ import annotations

from typing import NamedTuple

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from .models import FundApplication, Status


class Action(NamedTuple):
    """A button: the status it moves to, who presses it, and whether it asks why."""

    target: str
    role: str
    label: Promise
    needs_reason: bool


# The permission a role needs to press a button (see permissions.py).
ROLE_PERMISSIONS = {
    "applicant": "funds.act_as_applicant",
    "team": "funds.manage_application",
}

# "What happens next", as the applicant reads it on the status page.
NEXT_STEPS = {
    Status.DRAFT: gettext_lazy(
        "Ihr Antrag ist als Entwurf gespeichert. Ergänzen Sie ihn in Ruhe und reichen "
        "Sie ihn ein, wenn alles vollständig ist. Erst dann sieht ihn das Quartiersteam."
    ),
    Status.SUBMITTED: gettext_lazy(
        "Ihr Antrag ist eingegangen. Das Quartiersteam prüft als Nächstes, ob er "
        "vollständig ist und zu den Regeln des Fonds passt."
    ),
    Status.IN_CHECK: gettext_lazy(
        "Das Quartiersteam prüft Ihren Antrag. Fehlt etwas, melden wir uns; sonst "
        "kommt er auf die Tagesordnung der nächsten Jurysitzung."
    ),
    Status.CHANGES_REQUESTED: gettext_lazy(
        "Das Quartiersteam bittet um Ergänzungen (siehe Nachricht). Bearbeiten Sie den "
        "Antrag und reichen Sie ihn erneut ein."
    ),
    Status.READY: gettext_lazy(
        "Ihr Antrag ist vollständig und liegt der Jury vor. Nach der Sitzung erfahren "
        "Sie die Entscheidung hier und per E-Mail."
    ),
    Status.APPROVED: gettext_lazy(
        "Ihr Projekt ist bewilligt. Als Nächstes bekommen Sie den Bescheid mit Betrag, "
        "Auflagen und der Frist für den Verwendungsnachweis."
    ),
    Status.REJECTED: gettext_lazy(
        "Ihr Antrag wurde leider abgelehnt; die Begründung steht unten. Bei Fragen "
        "hilft Ihnen das Quartiersbüro gern, auch bei einem neuen Antrag."
    ),
    Status.LETTER_SENT: gettext_lazy(
        "Der Bescheid ist da. Das Quartiersteam veranlasst die Auszahlung auf Ihr Konto."
    ),
    Status.PAID: gettext_lazy(
        "Das Geld ist ausgezahlt. Nach dem Projekt laden Sie hier Belege, Fotos und "
        "einen kurzen Bericht hoch (Verwendungsnachweis) – bis zur genannten Frist."
    ),
    Status.PROOF_SUBMITTED: gettext_lazy(
        "Ihr Verwendungsnachweis ist eingegangen. Das Quartiersteam prüft die Belege."
    ),
    Status.PROOF_CHECKED: gettext_lazy(
        "Der Verwendungsnachweis ist geprüft. Das Quartiersteam schließt den Antrag ab."
    ),
    Status.CLOSED: gettext_lazy(
        "Ihr Projekt ist abgeschlossen. Danke für Ihr Engagement!"
    ),
    Status.WITHDRAWN: gettext_lazy("Sie haben den Antrag zurückgezogen."),
}

# The buttons on the status page, by the key the form posts.
ACTIONS: dict[str, Action] = {
    "submit": Action(
        Status.SUBMITTED, "applicant", gettext_lazy("Antrag einreichen"), False
    ),
    "withdraw": Action(
        Status.WITHDRAWN,
        "applicant",
        gettext_lazy("Antrag zurückziehen"),
        False,
    ),
    "check": Action(
        Status.IN_CHECK, "team", gettext_lazy("Formale Prüfung beginnen"), False
    ),
    "request_changes": Action(
        Status.CHANGES_REQUESTED,
        "team",
        gettext_lazy("Nachbesserung erbitten"),
        True,
    ),
    "ready": Action(
        Status.READY, "team", gettext_lazy("Bereit zur Entscheidung"), False
    ),
    "letter": Action(
        Status.LETTER_SENT, "team", gettext_lazy("Bescheid erstellen"), False
    ),
    "return_proof": Action(
        Status.PAID,
        "team",
        gettext_lazy("Nachweis zurückgeben"),
        True,
    ),
    "proof_checked": Action(
        Status.PROOF_CHECKED,
        "team",
        gettext_lazy("Nachweis geprüft"),
        False,
    ),
    "close": Action(Status.CLOSED, "team", gettext_lazy("Antrag abschließen"), False),
}


def may_take(user, application: FundApplication, action: Action) -> bool:
    """Whether `user` holds the role the button belongs to (the service checks the move)."""
    return user.has_perm(ROLE_PERMISSIONS[action.role], application)


def available_actions(
    application: FundApplication, *, is_applicant: bool, is_staff: bool
) -> list[dict]:
    """The buttons the status page shows: the role is the user's, the move is legal."""
    holds = {"applicant": is_applicant, "team": is_staff}
    return [
        {"key": key, "label": action.label, "needs_reason": action.needs_reason}
        for key, action in ACTIONS.items()
        if holds[action.role] and application.mover(action.target) == action.role
    ]
