import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quartier.core.tests.files import image_bytes
from quartier.funds.models import Status

JPEG = image_bytes("JPEG")


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("applicant", 302),
        ("other_resident", 404),
        ("manager", 404),
        ("other_manager", 404),
        ("jury", 404),
        ("jury_conflicted", 404),
        ("city_admin", 404),
    ],
)
def test_proof_access(client, login_as, make_application, applicant, role, status):
    application = make_application(status=Status.PAID)
    client.force_login(applicant)
    client.post(
        reverse("funds:attachment_upload", args=[application.pk]),
        {"kind": "receipt", "file": SimpleUploadedFile("bon.jpg", JPEG)},
    )
    client.logout()
    user = login_as(role)
    response = client.post(
        reverse("funds:application_proof", args=[application.pk]),
        {"report": "Alles gut gelaufen.", "spent_total": "480.00"},
    )
    assert response.status_code == status
    application.refresh_from_db()
    submitted = user is not None and status == 302
    assert (application.status == Status.PROOF_SUBMITTED) is submitted


def test_proof_needs_a_receipt(client, make_application, applicant):
    application = make_application(status=Status.PAID)
    client.force_login(applicant)
    response = client.post(
        reverse("funds:application_proof", args=[application.pk]),
        {"report": "Alles gut gelaufen.", "spent_total": "480.00"},
    )
    assert "mindestens einen Beleg" in response.content.decode()


def test_team_can_return_proof_with_a_message(client, make_application, manager):
    application = make_application(status=Status.PROOF_SUBMITTED)
    client.force_login(manager)
    client.post(
        reverse("funds:application_action", args=[application.pk]),
        {"action": "return_proof", "reason": "Der Beleg für die Bühne fehlt."},
    )
    application.refresh_from_db()
    assert application.status == Status.PAID
