import datetime as dt

import pytest
from django.urls import reverse

from quartier.community.models import OrganisationHours

from .factories import BusinessFactory, MembershipFactory


def _data(org, rows, initial=0):
    data = {
        "description": "Frische Brötchen",
        "street": org.street,
        "postcode": org.postcode,
        "hours-TOTAL_FORMS": str(len(rows)),
        "hours-INITIAL_FORMS": str(initial),
        "hours-MIN_NUM_FORMS": "0",
        "hours-MAX_NUM_FORMS": "21",
    }
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"hours-{index}-{key}"] = value
    return data


@pytest.fixture
def shop(quarter, org_rep):
    shop = BusinessFactory(name="Bäckerei", quarters=[quarter])
    MembershipFactory(organisation=shop, user=org_rep)
    return shop


@pytest.mark.django_db
def test_member_maintains_opening_hours(client, shop, org_rep):
    client.force_login(org_rep)
    url = reverse("community:organisation_edit", kwargs={"slug": shop.slug})
    existing = list(OrganisationHours.objects.filter(organisation=shop))
    rows = [
        {
            "id": str(h.pk),
            "organisation": str(shop.pk),
            "weekday": str(h.weekday),
            "opens": "09:00",
            "closes": "18:00",
            "DELETE": "on" if h.weekday else "",
        }
        for h in existing
    ]
    rows.append(
        {"weekday": "5", "opens": "07:00", "closes": "12:30", "note": "Markttag"}
    )
    response = client.post(url, _data(shop, rows, initial=len(existing)))
    assert response.status_code == 302
    hours = list(
        OrganisationHours.objects.filter(organisation=shop).order_by("weekday")
    )
    assert [(h.weekday, h.opens, h.closes) for h in hours] == [
        (0, dt.time(9), dt.time(18)),
        (5, dt.time(7), dt.time(12, 30)),
    ]
    assert shop.__class__.objects.get(pk=shop.pk).delivers is False


@pytest.mark.django_db
def test_closing_before_opening_is_an_error_tied_to_the_field(client, shop, org_rep):
    client.force_login(org_rep)
    url = reverse("community:organisation_edit", kwargs={"slug": shop.slug})
    OrganisationHours.objects.filter(organisation=shop).delete()
    response = client.post(
        url, _data(shop, [{"weekday": "1", "opens": "18:00", "closes": "09:00"}])
    )
    assert response.status_code == 200
    assert 'id="id_hours-0-closes_error"' in response.text
    assert not OrganisationHours.objects.filter(organisation=shop).exists()
