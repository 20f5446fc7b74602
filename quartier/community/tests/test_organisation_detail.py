import datetime as dt

import pytest

from quartier.community.models import OrganisationHours

from .factories import MembershipFactory, OpportunityFactory, OrganisationFactory


@pytest.mark.django_db
def test_detail_shows_directory_facts_but_never_the_contact_address(client, quarter):
    org = OrganisationFactory(
        name="Kulturverein",
        quarters=[quarter],
        languages=["tr"],
        target_groups=["familien"],
        step_free=True,
        contact_email="geheim@example.org",
        phone="0541 123",
    )
    OrganisationHours.objects.create(
        organisation=org, weekday=0, opens=dt.time(14), closes=dt.time(18)
    )
    OpportunityFactory(organisation=org, title="Hausaufgabenhilfe")
    response = client.get(org.get_absolute_url())
    assert response.status_code == 200
    text = response.text
    assert "Kulturverein" in text and "Türkisch" in text and "Familien" in text
    assert "stufenlos" in text and "0541 123" in text and "Montag" in text
    assert "Hausaufgabenhilfe" in text
    assert "geheim@example.org" not in text
    assert response.context["map"]["points"]
    assert text.count("<h1") == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 404),
        ("resident", 404),
        ("org_rep", 200),
        ("moderator", 404),
        ("other_manager", 404),
        ("manager", 200),
        ("city_admin", 200),
    ],
)
def test_unpublished_entry_visible_only_to_its_managers(
    client, login_as, quarter, org_rep, role, status
):
    org = OrganisationFactory(quarters=[quarter], is_published=False)
    MembershipFactory(organisation=org, user=org_rep)
    login_as(role)
    assert client.get(org.get_absolute_url()).status_code == status


@pytest.mark.django_db
def test_unknown_slug_is_404(client):
    assert client.get("/akteure/gibt-es-nicht/").status_code == 404
