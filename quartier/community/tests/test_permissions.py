"""Permission matrices for the remaining write endpoints, over every role."""

import pytest
from django.urls import reverse

from conftest import ROLES
from quartier.community.models import HelpPost, HelpPostReport

from .factories import (
    HelpPostFactory,
    MembershipFactory,
    OrganisationFactory,
    old_token,
)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_claim_form_needs_a_login(client, login_as, quarter, role):
    org = OrganisationFactory(quarters=[quarter])
    user = login_as(role)
    response = client.get(
        reverse("community:organisation_claim", kwargs={"slug": org.slug})
    )
    assert response.status_code == (302 if user is None else 200)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_message_to_organisation_needs_a_login(client, login_as, quarter, role):
    org = OrganisationFactory(quarters=[quarter])
    user = login_as(role)
    response = client.post(
        reverse("community:organisation_message", kwargs={"slug": org.slug}),
        {"body": "Hallo", "form_token": old_token()},
    )
    assert response.status_code == 302
    assert ("/konto/login/" in response.url) == (user is None)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "closed"),
    [
        ("anonymous", False),
        ("resident", True),  # the author
        ("org_rep", False),
        ("moderator", True),
        ("other_manager", False),
        ("manager", False),
        ("city_admin", True),
    ],
)
def test_close_help_post(client, login_as, resident, role, closed):
    post = HelpPostFactory(author=resident)
    login_as(role)
    response = client.post(
        reverse("community:help_close", kwargs={"pk": post.pk}), {"action": "close"}
    )
    post.refresh_from_db()
    assert (post.status == HelpPost.Status.CLOSED) == closed
    if role != "anonymous" and not closed:
        assert response.status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "reported"),
    [
        ("anonymous", False),
        ("resident", False),  # the author cannot report their own post
        ("org_rep", True),
        ("moderator", True),
        ("other_manager", True),
        ("manager", True),
        ("city_admin", True),
    ],
)
def test_report_help_post(client, login_as, resident, role, reported):
    post = HelpPostFactory(author=resident)
    login_as(role)
    client.post(
        reverse("community:help_report", kwargs={"pk": post.pk}),
        {"reason": "commercial"},
    )
    assert HelpPostReport.objects.filter(post=post).exists() == reported


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "hidden"),
    [
        ("anonymous", False),
        ("resident", False),
        ("org_rep", False),
        ("moderator", True),
        ("other_manager", False),
        ("manager", False),
        ("city_admin", True),
    ],
)
def test_moderate_help_post(client, login_as, role, hidden):
    post = HelpPostFactory()
    login_as(role)
    client.post(
        reverse("community:help_moderate", kwargs={"pk": post.pk}),
        {"action": "hide", "reason": "Werbung"},
    )
    post.refresh_from_db()
    assert (post.hidden_at is not None) == hidden


@pytest.mark.django_db
@pytest.mark.parametrize("rows", [2, 20])
def test_moderation_list_query_count(
    client, moderator, django_assert_num_queries, rows
):
    from quartier.accounts.tests.factories import UserFactory

    reporter = UserFactory()
    for post in HelpPostFactory.create_batch(rows):
        HelpPostReport.objects.create(post=post, reporter=reporter, reason="commercial")
    client.force_login(moderator)
    # 14: moderators reach the admin, so the Wagtail user bar looks up their rights.
    with django_assert_num_queries(14):
        response = client.get(reverse("community:help_moderation"))
    assert len(response.context["page_obj"]) == rows


@pytest.mark.django_db
@pytest.mark.parametrize("rows", [2, 20])
def test_claim_list_query_count(
    client, quarter, manager, django_assert_num_queries, rows
):
    for _ in range(rows):
        MembershipFactory(
            organisation=OrganisationFactory(quarters=[quarter]), verified_at=None
        )
    client.force_login(manager)
    with django_assert_num_queries(10):
        response = client.get(reverse("community:claim_list"))
    assert len(response.context["claims"]) == rows
