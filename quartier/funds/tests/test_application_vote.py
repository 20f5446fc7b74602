import pytest
from django.urls import reverse

from quartier.funds.models import Vote


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("applicant", 404),
        ("other_resident", 404),
        ("manager", 404),
        ("other_manager", 404),
        ("jury", 302),
        ("jury_conflicted", 404),
        ("city_admin", 404),
    ],
)
def test_vote_access(client, login_as, application, role, status):
    user = login_as(role)
    response = client.post(
        reverse("funds:application_vote", args=[application.pk]),
        {"choice": "abstain", "comment": "Gute Idee, aber teuer."},
    )
    assert response.status_code == status
    assert Vote.objects.filter(application=application).exists() is (
        role == "jury" and user is not None
    )


def test_voting_again_changes_the_vote(client, application, jury):
    client.force_login(jury)
    url = reverse("funds:application_vote", args=[application.pk])
    client.post(url, {"choice": "no"})
    client.post(url, {"choice": "yes"})
    assert list(application.votes.values_list("choice", flat=True)) == ["yes"]


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("applicant", 404),
        ("manager", 404),
        ("jury", 302),
        ("jury_conflicted", 404),
        ("city_admin", 404),
    ],
)
def test_conflict_declaration_access(client, login_as, application, role, status):
    login_as(role)
    response = client.post(
        reverse("funds:application_conflict", args=[application.pk]),
        {"note": "Meine Schwester organisiert das Fest."},
    )
    assert response.status_code == status


def test_declaring_a_conflict_removes_the_vote_and_excludes_from_voting(
    client, application, jury
):
    client.force_login(jury)
    client.post(
        reverse("funds:application_vote", args=[application.pk]), {"choice": "yes"}
    )
    client.post(reverse("funds:application_conflict", args=[application.pk]), {})
    assert not application.votes.exists()
    response = client.post(
        reverse("funds:application_vote", args=[application.pk]), {"choice": "yes"}
    )
    assert response.status_code == 404
    assert application.conflicts.count() == 2


@pytest.mark.parametrize("name", ["application_vote", "application_conflict"])
def test_a_superuser_off_the_jury_gets_404_not_a_500(client, application, name):
    from quartier.accounts.tests.factories import UserFactory

    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.post(reverse(f"funds:{name}", args=[application.pk]), {})
    assert response.status_code == 404
    assert not application.votes.exists()
