"""The issue's "done when": €800 street party in Schinkel, from draft to the public page."""

from decimal import Decimal

from django.urls import reverse

from quartier.core.tests.files import image_bytes
from quartier.funds.models import FundApplication, Status

from .factories import JuryMemberFactory

PNG = image_bytes()


def _form(application_data: dict, rows: list[tuple[str, str]], action: str) -> dict:
    data = {
        "kosten-TOTAL_FORMS": str(len(rows)),
        "kosten-INITIAL_FORMS": "0",
        "kosten-MIN_NUM_FORMS": "0",
        "kosten-MAX_NUM_FORMS": "40",
        "action": action,
        **application_data,
    }
    for i, (description, amount) in enumerate(rows):
        data[f"kosten-{i}-description"] = description
        data[f"kosten-{i}-amount"] = amount
    return data


def test_street_party_from_application_to_public_page(
    client, fund, applicant, manager, django_capture_on_commit_callbacks, mailoutbox
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    juror = JuryMemberFactory(fund=fund).user
    # The resident starts an application and saves a first draft.
    client.force_login(applicant)
    response = client.post(reverse("funds:application_start", args=[fund.slug]))
    application = FundApplication.objects.get(applicant=applicant)
    assert response.url == reverse("funds:application_edit", args=[application.pk])
    fields = {
        "title": "Straßenfest Tannenburgstraße",
        "summary": "Ein Nachmittag für die ganze Straße mit Musik und Spielen.",
        "description": "Tische, Bänke, Kinderschminken, eine kleine Bühne.",
        "category": "culture",
        "applicant_type": "person",
        "contact_name": "Erika Mustermann",
        "address": "Tannenburgstraße 1, 49084 Osnabrück",
        "iban": "DE02 1203 0000 0000 2020 51",
        "own_contribution": "0",
    }
    rows = [("Bühne und Technik", "500.00"), ("Spiele und Schminke", "300.00")]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("funds:application_edit", args=[application.pk]),
            _form(fields, rows, "submit"),
        )
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    assert application.requested_amount == Decimal("800.00")

    # The team checks and asks for a missing cost item.
    client.force_login(manager)
    action_url = reverse("funds:application_action", args=[application.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(action_url, {"action": "check"})
        client.post(
            action_url,
            {
                "action": "request_changes",
                "reason": "Bitte die Toilettenmiete ergänzen.",
            },
        )
    application.refresh_from_db()
    assert application.status == Status.CHANGES_REQUESTED
    assert "Toilettenmiete" in mailoutbox[-1].body

    # The resident sees the message, adds the item and resubmits.
    client.force_login(applicant)
    page = client.get(application.get_absolute_url()).content.decode()
    assert "Bitte die Toilettenmiete ergänzen." in page
    rows = [
        ("Bühne und Technik", "400.00"),
        ("Spiele und Schminke", "250.00"),
        ("Toilettenwagen", "150.00"),
    ]
    client.post(
        reverse("funds:application_edit", args=[application.pk]),
        _form(fields, rows, "submit"),
    )
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED

    # Team: check again, ready; the jury member votes; the team records €700 with a condition.
    client.force_login(manager)
    client.post(action_url, {"action": "check"})
    client.post(action_url, {"action": "ready", "complete": "1", "eligible": "1"})
    client.force_login(juror)
    client.post(
        reverse("funds:application_vote", args=[application.pk]), {"choice": "yes"}
    )
    client.force_login(manager)
    response = client.post(
        reverse("funds:application_decide", args=[application.pk]),
        {
            "outcome": "approve",
            "amount": "700.00",
            "conditions": "Das Fest ist offen für alle und kostet keinen Eintritt.",
            "reason": "Bühne kleiner planen.",
        },
    )
    application.refresh_from_db()
    assert application.status == Status.APPROVED
    assert application.approved_amount == Decimal("700.00")
    assert application.votes_yes == 1
    assert application.is_decided_lower_or_conditional

    # Approval letter, then the team records the payment.
    client.post(action_url, {"action": "letter"})
    application.refresh_from_db()
    assert application.letter_number.startswith("VF-SCHINKEL-")
    letter = client.get(reverse("funds:application_letter", args=[application.pk]))
    assert "700,00 €" in letter.content.decode()
    client.post(
        reverse("funds:application_payment", args=[application.pk]),
        {"amount": "700.00", "paid_on": "2026-05-01"},
    )
    application.refresh_from_db()
    assert application.status == Status.PAID

    # The resident uploads a receipt and the proof of use.
    client.force_login(applicant)
    client.post(
        reverse("funds:attachment_upload", args=[application.pk]),
        {"kind": "receipt", "file": SimpleUploadedFile("beleg.png", PNG, "image/png")},
    )
    client.post(
        reverse("funds:application_proof", args=[application.pk]),
        {"report": "120 Gäste, viel Sonne.", "spent_total": "690.00"},
    )
    application.refresh_from_db()
    assert application.status == Status.PROOF_SUBMITTED

    # The team checks and closes it.
    client.force_login(manager)
    client.post(action_url, {"action": "proof_checked"})
    client.post(action_url, {"action": "close"})
    application.refresh_from_db()
    assert application.status == Status.CLOSED
    assert [c.to_status for c in application.history.all()] == [
        "submitted", "in_check", "changes_requested", "submitted", "in_check", "ready",
        "approved", "letter_sent", "paid", "proof_submitted", "proof_checked", "closed",
    ]  # fmt: skip

    # Anyone sees the funded project and the remaining budget, but no personal data.
    client.logout()
    page = client.get(fund.get_absolute_url()).content.decode()
    assert "Straßenfest Tannenburgstraße" in page
    assert "4.300,00 €" in page
    assert "Mustermann" not in page
    assert "Tannenburgstraße 1" not in page
