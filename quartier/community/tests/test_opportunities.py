import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from quartier.community.models import Conversation, Opportunity

from .factories import (
    OpportunityFactory,
    OrganisationFactory,
    old_token,
)


@pytest.mark.django_db
def test_interest_is_relayed_and_the_organisation_answers(
    client,
    organisation,
    resident,
    org_rep,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    org = organisation
    opportunity = OpportunityFactory(organisation=org, title="Hausaufgabenhilfe")

    client.force_login(resident)
    assert "Hausaufgabenhilfe" in client.get(reverse("community:opportunity_list")).text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("community:opportunity_interest", kwargs={"pk": opportunity.pk}),
            {"body": "Ich hätte dienstags Zeit.", "form_token": old_token()},
        )
    conversation = Conversation.objects.get()
    assert response.url == conversation.get_absolute_url()
    assert conversation.organisation == org and conversation.opportunity == opportunity
    assert mailoutbox[0].to == [org_rep.email]
    assert resident.email not in str(mailoutbox[0].message())

    client.force_login(org_rep)
    assert conversation in list(
        client.get(reverse("community:conversation_list")).context["page_obj"]
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            conversation.get_absolute_url(), {"body": "Wunderbar, kommen Sie vorbei!"}
        )
    assert mailoutbox[1].to == [resident.email]
    assert org_rep.email not in str(mailoutbox[1].message())


@pytest.mark.django_db
def test_filled_and_expired_roles_are_not_listed_and_take_no_interest(client, resident):
    filled = OpportunityFactory(title="Besetzt", status=Opportunity.Status.FILLED)
    OpportunityFactory(
        title="Abgelaufen", expires_on=timezone.localdate() - dt.timedelta(days=1)
    )
    OpportunityFactory(title="Offen")
    titles = [
        o.title
        for o in client.get(reverse("community:opportunity_list")).context["page_obj"]
    ]
    assert titles == ["Offen"]
    client.force_login(resident)
    response = client.post(
        reverse("community:opportunity_interest", kwargs={"pk": filled.pk}),
        {"body": "Hallo", "form_token": old_token()},
    )
    assert response.status_code == 404


@pytest.mark.django_db
def test_filter_by_commitment_and_quarter(client, quarter, other_quarter):
    OpportunityFactory(
        organisation=OrganisationFactory(quarters=[quarter]),
        title="Fest",
        commitment="one_off",
    )
    OpportunityFactory(
        organisation=OrganisationFactory(quarters=[other_quarter]),
        title="Woanders",
        commitment="one_off",
    )
    OpportunityFactory(
        organisation=OrganisationFactory(quarters=[quarter]), title="Regelmäßig"
    )
    response = client.get(
        reverse("community:opportunity_list"),
        {"quartier": "schinkel", "einsatz": "one_off"},
    )
    assert [o.title for o in response.context["page_obj"]] == ["Fest"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("resident", 302),
        ("org_rep", 302),
        ("moderator", 302),
        ("other_manager", 302),
        ("manager", 302),
        ("city_admin", 302),
    ],
)
def test_interest_access(client, login_as, role, status):
    opportunity = OpportunityFactory()
    user = login_as(role)
    response = client.post(
        reverse("community:opportunity_interest", kwargs={"pk": opportunity.pk}),
        {"body": "Hallo", "form_token": old_token()},
    )
    assert response.status_code == status
    if user is None:
        assert "/konto/login/" in response.url
    else:
        assert Conversation.objects.filter(starter=user).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("rows", [2, 20])
def test_list_query_count(client, quarter, django_assert_num_queries, rows):
    org = OrganisationFactory(quarters=[quarter])
    OpportunityFactory.create_batch(rows, organisation=org)
    with django_assert_num_queries(5):
        response = client.get(reverse("community:opportunity_list"))
    assert len(response.context["page_obj"]) == rows


@pytest.mark.django_db
def test_member_posts_and_marks_a_role_filled(
    client, quarter, other_quarter, organisation, org_rep
):
    org = organisation
    client.force_login(org_rep)
    data = {
        "organisation": org.pk,
        "quarter": quarter.pk,
        "title": "Lesepate",
        "description": "Vorlesen in der Kita.",
        "commitment": "regular",
        "time_needed": "eine Stunde pro Woche",
    }
    response = client.post(reverse("community:opportunity_create"), data)
    opportunity = Opportunity.objects.get(title="Lesepate")
    assert response.url == opportunity.get_absolute_url()
    # A quarter the organisation does not serve is refused.
    response = client.post(
        reverse("community:opportunity_create"),
        {**data, "title": "Falsch", "quarter": other_quarter.pk},
    )
    assert (
        response.status_code == 200
        and not Opportunity.objects.filter(title="Falsch").exists()
    )
    client.post(
        reverse("community:opportunity_edit", kwargs={"pk": opportunity.pk}),
        {**data, "status": "filled"},
    )
    opportunity.refresh_from_db()
    assert opportunity.status == Opportunity.Status.FILLED
    assert opportunity not in list(
        client.get(reverse("community:opportunity_list")).context["page_obj"]
    )


@pytest.mark.django_db
def test_create_without_membership_explains_the_claim(client, resident):
    client.force_login(resident)
    response = client.get(reverse("community:opportunity_create"))
    assert response.status_code == 200
    assert "Eintrag beanspruchen" in response.text
    response = client.post(reverse("community:opportunity_create"), {"title": "x"})
    assert not Opportunity.objects.exists()


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
    opportunity = OpportunityFactory(organisation=organisation)
    login_as(role)
    url = reverse("community:opportunity_edit", kwargs={"pk": opportunity.pk})
    assert client.get(url).status_code == status
