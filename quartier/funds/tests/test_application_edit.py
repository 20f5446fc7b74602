from decimal import Decimal

import pytest
from django.urls import reverse

from quartier.funds.models import Status


def _post(rows, action="save", **fields):
    data = {
        "kosten-TOTAL_FORMS": str(len(rows)),
        "kosten-INITIAL_FORMS": "0",
        "kosten-MIN_NUM_FORMS": "0",
        "kosten-MAX_NUM_FORMS": "40",
        "action": action,
        **fields,
    }
    for i, (description, amount) in enumerate(rows):
        data[f"kosten-{i}-description"] = description
        data[f"kosten-{i}-amount"] = amount
    return data


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("applicant", 200),
        ("other_resident", 404),
        ("manager", 404),
        ("other_manager", 404),
        ("jury", 404),
        ("jury_conflicted", 404),
        ("city_admin", 404),
    ],
)
def test_application_edit_access(client, login_as, make_application, role, status):
    draft = make_application(status=Status.DRAFT)
    login_as(role)
    url = reverse("funds:application_edit", args=[draft.pk])
    assert client.get(url).status_code == status


def test_submitted_application_is_no_longer_editable(
    client, make_application, applicant
):
    submitted = make_application(status=Status.SUBMITTED)
    client.force_login(applicant)
    url = reverse("funds:application_edit", args=[submitted.pk])
    assert client.get(url).status_code == 404


def test_draft_keeps_everything_valid_when_another_field_is_wrong(
    client, make_application, applicant
):
    draft = make_application(status=Status.DRAFT, costs=[])
    client.force_login(applicant)
    response = client.post(
        reverse("funds:application_edit", args=[draft.pk]),
        _post(
            [("Grill", "80.00"), ("Getränke", "viel")],
            title="Grillfest",
            starts_on="2026-06-01",
            ends_on="kein Datum",
            own_contribution="0",
        ),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'aria-invalid="true"' in page
    assert "Zeile 2" in page
    draft.refresh_from_db()
    assert draft.title == "Grillfest"
    assert str(draft.starts_on) == "2026-06-01"
    assert [(i.description, i.amount) for i in draft.cost_items.all()] == [
        ("Grill", Decimal("80.00"))
    ]
    # The rejected row is shown again as typed, so nothing is lost on screen either.
    assert 'value="viel"' in page


def test_submit_with_missing_data_saves_draft_and_lists_problems(
    client, make_application, applicant
):
    draft = make_application(status=Status.DRAFT, costs=[])
    client.force_login(applicant)
    response = client.post(
        reverse("funds:application_edit", args=[draft.pk]),
        _post([("Bühne", "1500.00")], action="submit", title="Großes Fest"),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Noch nicht einreichbar" in page
    assert "höchstens 1000.00 €" in page
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    assert draft.title == "Großes Fest"
    assert draft.cost_total == Decimal("1500.00")


def test_add_rows_without_javascript(client, make_application, applicant):
    draft = make_application(status=Status.DRAFT)
    client.force_login(applicant)
    response = client.post(
        reverse("funds:application_edit", args=[draft.pk]),
        _post([("Grill", "80.00")], action="add_row"),
    )
    assert response.status_code == 200
    assert 'name="kosten-TOTAL_FORMS" value="6"' in response.content.decode()


def test_own_contribution_rule(client, fund, make_application, applicant):
    fund.own_contribution_percent = 10
    fund.save()
    draft = make_application(status=Status.DRAFT)
    client.force_login(applicant)
    page = client.get(reverse("funds:application_edit", args=[draft.pk])).content
    assert "Der Eigenanteil muss mindestens 50.00 € betragen." in page.decode()


def test_htmx_autosave_stores_the_draft_without_a_page(
    client, make_application, applicant
):
    draft = make_application(status=Status.DRAFT)
    client.force_login(applicant)
    response = client.post(
        reverse("funds:application_edit", args=[draft.pk]),
        _post([("Grill", "80.00")], action="autosave", title="Sommerfest"),
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 204
    draft.refresh_from_db()
    assert draft.title == "Sommerfest"


def test_submission_tells_the_team(
    client,
    make_application,
    applicant,
    manager,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    draft = make_application(status=Status.DRAFT)
    client.force_login(applicant)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("funds:application_edit", args=[draft.pk]),
            _post(
                [("Grill", "80.00")],
                action="submit",
                title=draft.title,
                summary=draft.summary,
                description=draft.description,
                category=draft.category,
                applicant_type="person",
                contact_name="Erika",
                address="Musterweg 1",
                own_contribution="0",
            ),
        )
    assert [m.to for m in mailoutbox] == [[manager.email]]
