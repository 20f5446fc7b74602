import pytest
from django.urls import reverse

from quartier.community.models import Membership

from .factories import MembershipFactory, OrganisationFactory, old_token

EMPTY_HOURS = {
    "hours-TOTAL_FORMS": "0",
    "hours-INITIAL_FORMS": "0",
    "hours-MIN_NUM_FORMS": "0",
    "hours-MAX_NUM_FORMS": "21",
}


@pytest.fixture
def org(quarter):
    return OrganisationFactory(name="Bürgerverein", quarters=[quarter])


def _claim(client, org, **extra):
    return client.post(
        reverse("community:organisation_claim", kwargs={"slug": org.slug}),
        {
            "role": "Vorstand",
            "message": "Ich bin Kassenwart.",
            "form_token": old_token(),
            **extra,
        },
    )


@pytest.mark.django_db
def test_claim_verify_and_edit_journey(
    client, org, resident, manager, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(resident)
    with django_capture_on_commit_callbacks(execute=True):
        response = _claim(client, org)
    assert response.status_code == 302
    membership = Membership.objects.get(organisation=org, user=resident)
    assert membership.verified_at is None
    assert [m.to for m in mailoutbox] == [[manager.email]]
    # Not yet verified: no editing.
    edit_url = reverse("community:organisation_edit", kwargs={"slug": org.slug})
    assert client.get(edit_url).status_code == 404

    client.force_login(manager)
    assert "Bürgerverein" in client.get(reverse("community:claim_list")).text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("community:claim_decide", kwargs={"pk": membership.pk}),
            {"decision": "verify"},
        )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.verified_by == manager
    assert mailoutbox[-1].to == [resident.email]

    client.force_login(resident)
    response = client.post(
        edit_url,
        {
            "description": "Neu beschrieben",
            "street": "Heiligenweg 40",
            "postcode": "49084",
            "languages": ["1"],
            "step_free": "on",
            **EMPTY_HOURS,
        },
    )
    assert response.status_code == 302
    org.refresh_from_db()
    assert org.description == "Neu beschrieben" and org.step_free


@pytest.mark.django_db
def test_team_of_another_quarter_cannot_verify(client, org, resident, other_manager):
    membership = MembershipFactory(organisation=org, user=resident, verified_at=None)
    client.force_login(other_manager)
    assert "Bürgerverein" not in client.get(reverse("community:claim_list")).text
    response = client.post(
        reverse("community:claim_decide", kwargs={"pk": membership.pk}),
        {"decision": "verify"},
    )
    assert response.status_code == 404
    membership.refresh_from_db()
    assert membership.verified_at is None


@pytest.mark.django_db
def test_reject_deletes_the_claim_and_tells_the_person(
    client, org, resident, manager, mailoutbox, django_capture_on_commit_callbacks
):
    membership = MembershipFactory(organisation=org, user=resident, verified_at=None)
    client.force_login(manager)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("community:claim_decide", kwargs={"pk": membership.pk}),
            {"decision": "reject"},
        )
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert mailoutbox[-1].to == [resident.email]


@pytest.mark.django_db
def test_claiming_twice_is_a_form_error(client, org, resident):
    client.force_login(resident)
    _claim(client, org)
    response = _claim(client, org)
    assert response.status_code == 200
    assert "bereits beansprucht" in response.text
    assert Membership.objects.filter(user=resident).count() == 1


@pytest.mark.django_db
def test_claim_needs_a_verified_email(client, org):
    from quartier.accounts.tests.factories import UserFactory

    client.force_login(UserFactory(verified=False))
    assert _claim(client, org).status_code == 404


@pytest.mark.django_db
def test_claim_honeypot_rejects_bots(client, org, resident):
    client.force_login(resident)
    response = _claim(client, org, website="http://spam.example")
    assert response.status_code == 200
    assert not Membership.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("resident", 404),
        ("org_rep", 200),
        ("moderator", 404),
        ("other_manager", 404),
        ("manager", 200),
        ("city_admin", 200),
    ],
)
def test_edit_access(client, login_as, organisation, role, status):
    login_as(role)
    url = reverse("community:organisation_edit", kwargs={"slug": organisation.slug})
    assert client.get(url).status_code == status


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("resident", 404),
        ("org_rep", 404),
        ("moderator", 404),
        ("other_manager", 404),
        ("manager", 302),
        ("city_admin", 302),
    ],
)
def test_verify_access(client, login_as, org, role, status):
    membership = MembershipFactory(organisation=org, verified_at=None)
    login_as(role)
    response = client.post(
        reverse("community:claim_decide", kwargs={"pk": membership.pk}),
        {"decision": "verify"},
    )
    assert response.status_code == status
    membership.refresh_from_db()
    assert (membership.verified_at is not None) == (
        status == 302 and role != "anonymous"
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("resident", 404),
        ("org_rep", 404),
        ("moderator", 404),
        ("other_manager", 200),
        ("manager", 200),
        ("city_admin", 200),
    ],
)
def test_claim_list_access(client, login_as, role, status):
    login_as(role)
    assert client.get(reverse("community:claim_list")).status_code == status
