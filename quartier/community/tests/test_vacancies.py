import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from quartier.community.models import Vacancy, VacancyEnquiry
from quartier.community.reports import (
    vacancy_counts_by_year,
    vacancy_history_by_address,
)

from .factories import VacancyFactory, old_token

LIST = reverse("community:vacancy_list")


@pytest.fixture
def rosenplatz(db):
    from quartier.quarters.tests.factories import QuarterFactory

    return QuarterFactory(
        name="Stadtquartier Rosenplatz", short_name="Rosenplatz", slug="rosenplatz"
    )


@pytest.mark.django_db
def test_find_a_shop_of_at_least_60_square_metres_in_rosenplatz(
    client, rosenplatz, quarter
):
    big = VacancyFactory(
        quarter=rosenplatz, title="Großer Laden", area_m2=Decimal("85")
    )
    VacancyFactory(quarter=rosenplatz, title="Kleines Büro", area_m2=Decimal("42"))
    VacancyFactory(quarter=quarter, title="Schinkel-Laden", area_m2=Decimal("90"))
    VacancyFactory(
        quarter=rosenplatz,
        title="Schon vermietet",
        area_m2=Decimal("100"),
        status="let",
    )
    response = client.get(
        LIST, {"quartier": "rosenplatz", "flaeche_ab": "60", "nutzung": "retail"}
    )
    assert [v.title for v in response.context["rows"]] == [big.title]
    assert response.context["map"]["points"]
    assert "85 m²" in response.text


@pytest.mark.django_db
def test_interim_use_filter_and_rent_on_request(client, quarter):
    VacancyFactory(quarter=quarter, title="Pop-up", interim_use=True)
    VacancyFactory(quarter=quarter, title="Normal", rent_min=Decimal("500"))
    response = client.get(LIST, {"zwischennutzung": "on"})
    assert [v.title for v in response.context["rows"]] == ["Pop-up"]
    assert "Miete auf Anfrage" in response.text


@pytest.mark.django_db
def test_detail_with_floor_plan_and_hidden_contact(client, quarter):
    vacancy = VacancyFactory(
        quarter=quarter,
        contact_email="eigentuemer@example.org",
        floor_plan=SimpleUploadedFile(
            "grundriss.pdf", b"%PDF-1.4\n%test\n%%EOF\n", "application/pdf"
        ),
    )
    response = client.get(vacancy.get_absolute_url())
    assert response.status_code == 200
    assert "Grundriss herunterladen (PDF)" in response.text
    assert vacancy.get_floor_plan_url() in response.text
    assert vacancy.floor_plan.url not in response.text
    assert "eigentuemer@example.org" not in response.text


@pytest.mark.django_db
def test_floor_plan_must_be_a_pdf(quarter):
    from django.core.exceptions import ValidationError

    vacancy = VacancyFactory.build(
        quarter=quarter,
        floor_plan=SimpleUploadedFile("plan.exe", b"MZ", "application/octet-stream"),
    )
    with pytest.raises(ValidationError):
        vacancy.full_clean()


@pytest.mark.django_db
def test_enquiry_is_relayed_to_the_hidden_address(
    client, quarter, mailoutbox, django_capture_on_commit_callbacks
):
    vacancy = VacancyFactory(quarter=quarter, contact_email="eigentuemer@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            vacancy.get_absolute_url(),
            {
                "name": "Ada Gründerin",
                "email": "ada@example.org",
                "message": "Ich plane ein Café.",
                "form_token": old_token(),
            },
        )
    assert response.status_code == 302
    assert VacancyEnquiry.objects.count() == 1
    mail = mailoutbox[0]
    assert mail.to == ["eigentuemer@example.org"]
    assert mail.reply_to == ["ada@example.org"]
    assert "Café" in mail.body


@pytest.mark.django_db
@pytest.mark.parametrize(
    "spam",
    [
        {"website": "http://spam.example", "form_token": old_token()},
        {"form_token": "kaputt"},
        {"form_token": ""},
    ],
)
def test_enquiry_spam_protection(client, quarter, mailoutbox, spam):
    vacancy = VacancyFactory(quarter=quarter)
    data = {"name": "Bot", "email": "bot@example.org", "message": "Buy now"}
    response = client.post(vacancy.get_absolute_url(), {**data, **spam})
    assert response.status_code == 200
    assert 'role="alert"' in response.text
    assert not VacancyEnquiry.objects.exists()


@pytest.mark.django_db
def test_enquiry_rate_limit_per_address(client, quarter):
    vacancy = VacancyFactory(quarter=quarter)
    for index in range(6):
        response = client.post(
            vacancy.get_absolute_url(),
            {
                "name": "Ada",
                "email": "ada@example.org",
                "message": f"Anfrage {index}",
                "form_token": old_token(),
            },
        )
    assert response.status_code == 200
    assert "Zu viele Anfragen" in response.text
    assert VacancyEnquiry.objects.count() == 5


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 404),
        ("resident", 404),
        ("org_rep", 404),
        ("moderator", 404),
        ("other_manager", 404),
        ("manager", 200),
        ("city_admin", 200),
    ],
)
def test_let_unit_detail_only_for_its_team(client, login_as, quarter, role, status):
    vacancy = VacancyFactory(quarter=quarter, status=Vacancy.Status.LET)
    login_as(role)
    assert client.get(vacancy.get_absolute_url()).status_code == status


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
def test_history_access(client, login_as, role, status):
    login_as(role)
    assert client.get(reverse("community:vacancy_history")).status_code == status


@pytest.mark.django_db
def test_history_shows_only_own_quarters(client, quarter, other_quarter, other_manager):
    VacancyFactory(quarter=quarter, street="Schinkelstraße 1")
    VacancyFactory(quarter=other_quarter, street="Dodeshausweg 5")
    client.force_login(other_manager)
    text = client.get(reverse("community:vacancy_history")).text
    assert "Dodeshausweg 5" in text and "Schinkelstraße 1" not in text


@pytest.mark.django_db
def test_history_groups_periods_by_address_and_counts_years(quarter):
    today = timezone.localdate()
    last_year = today.year - 1
    first = VacancyFactory(
        quarter=quarter,
        street="Lange Straße 5",
        status="let",
        vacant_since=dt.date(last_year, 3, 1),
        vacant_until=dt.date(last_year, 6, 30),
    )
    second = VacancyFactory(
        quarter=quarter,
        street=" lange  straße 5",
        vacant_since=dt.date(last_year, 11, 1),
    )
    rows = vacancy_history_by_address(Vacancy.objects.select_related("quarter"))
    assert len(rows) == 1
    assert rows[0]["periods"] == [first, second]
    assert rows[0]["vacant_now"]
    years = {
        r["year"]: r
        for r in vacancy_counts_by_year(Vacancy.objects.select_related("quarter"))
    }
    assert years[last_year]["during"] == 2
    assert years[last_year]["at_end"] == 1
    assert years[today.year]["during"] == 1


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
def test_csv_exports_are_for_staff(client, login_as, quarter, role, status):
    VacancyFactory(quarter=quarter, title="Laden am Markt")
    login_as(role)
    for name in ("community:vacancy_export", "community:organisation_export"):
        response = client.get(reverse(name))
        assert response.status_code == status
        if status == 200:
            assert response["Content-Type"].startswith("text/csv")


@pytest.mark.django_db
def test_csv_export_scoped_to_team(client, quarter, other_quarter, manager):
    VacancyFactory(quarter=quarter, title="Meins")
    VacancyFactory(quarter=other_quarter, title="Fremd")
    client.force_login(manager)
    body = client.get(reverse("community:vacancy_export")).content.decode()
    assert "Meins" in body and "Fremd" not in body


@pytest.mark.django_db
@pytest.mark.parametrize("rows", [2, 20])
def test_list_query_count(client, quarter, django_assert_num_queries, rows):
    VacancyFactory.create_batch(rows, quarter=quarter)
    with django_assert_num_queries(6):
        response = client.get(LIST)
    assert len(response.context["rows"]) == rows


@pytest.mark.django_db
def test_history_shows_vacancy_rate_with_known_stock(client, quarter, manager):
    from quartier.community.models import CommercialStock

    year = timezone.localdate().year
    VacancyFactory(quarter=quarter, vacant_since=dt.date(year, 1, 1))
    CommercialStock.objects.create(quarter=quarter, year=year, units=40)
    client.force_login(manager)
    response = client.get(reverse("community:vacancy_history"))
    row = next(r for r in response.context["years"] if r["year"] == year)
    assert row["rate"] == 2.5
    assert "2,5 % von 40 Einheiten" in response.text
