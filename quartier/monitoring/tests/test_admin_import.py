"""The upload in the admin: only city editors; report first, all or nothing."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quartier.monitoring.models import ImportRun, Value

pytestmark = pytest.mark.django_db
URL = "/admin/monitoring_import/"


@pytest.fixture
def admin_quarter_editor(manager):
    # A quarter team may use the admin, but not import city statistics.
    from django.contrib.auth.models import Permission

    manager.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return manager


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("resident", 302),
        ("moderator", 404),
        ("admin_quarter_editor", 404),
        ("city_admin", 200),
    ],
)
def test_import_page_access(client, login_as, role, status):
    assert reverse("monitoring_import:index") == URL
    login_as(role)
    assert client.get(URL).status_code == status


def _upload(content: str, name="werte.csv"):
    return SimpleUploadedFile(name, ("\ufeff" + content).encode(), "text/csv")


def test_broken_file_shows_report_and_stores_nothing(
    client, city_admin, districts, sgb2
):
    client.force_login(city_admin)
    response = client.post(
        URL,
        {
            "file": _upload(
                "gebiet;indikator;stichtag;wert\nstadtteil-1;sgb2;31.12.2023;x\n"
                "niemand;sgb2;31.12.2023;1,0\n"
            )
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "keine Zahl" in html and "Unbekannter Gebietsschlüssel" in html
    assert "Nichts gespeichert" in html
    assert not Value.objects.exists() and not ImportRun.objects.exists()


def test_corrected_file_is_stored_and_listed(client, city_admin, districts, sgb2):
    client.force_login(city_admin)
    response = client.post(
        URL,
        {
            "file": _upload(
                "gebiet;indikator;stichtag;wert\nstadtteil-1;sgb2;31.12.2023;4,5\n"
            )
        },
    )
    assert response.status_code == 302
    assert Value.objects.get().value == 4.5
    run = ImportRun.objects.get()
    assert run.created_by == city_admin
    page = client.get(URL).content.decode()
    assert run.checksum[:12] in page and "werte.csv" in page


def test_check_only_stores_nothing(client, city_admin, districts, sgb2):
    client.force_login(city_admin)
    response = client.post(
        URL,
        {
            "file": _upload(
                "gebiet;indikator;stichtag;wert\nstadtteil-1;sgb2;31.12.2023;4,5\n"
            ),
            "check_only": "on",
        },
    )
    assert response.status_code == 200
    assert "Die Datei ist in Ordnung" in response.content.decode()
    assert not Value.objects.exists()


def test_wrong_file_type_is_a_form_error(client, city_admin):
    client.force_login(city_admin)
    response = client.post(URL, {"file": _upload("x", name="werte.xlsx")})
    assert response.status_code == 200
    assert not ImportRun.objects.exists()


def test_command_refuses_non_editors_and_imports(
    tmp_path, resident, city_admin, districts, sgb2
):
    from django.core.management import CommandError, call_command

    path = tmp_path / "werte.csv"
    path.write_text(
        "gebiet;indikator;stichtag;wert\nstadtteil-1;sgb2;31.12.2023;4,5\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError):
        call_command("monitoring_import", str(path), user=resident.email)
    call_command("monitoring_import", str(path), user=city_admin.email, stdout=_Null())
    assert Value.objects.get().date == dt.date(2023, 12, 31)
    broken = tmp_path / "kaputt.csv"
    broken.write_text(
        "gebiet;indikator;stichtag;wert\nx;sgb2;31.12.2023;1\n", encoding="utf-8"
    )
    with pytest.raises(CommandError, match="nichts gespeichert"):
        call_command(
            "monitoring_import", str(broken), user=city_admin.email, stderr=_Null()
        )


class _Null:
    def write(self, *args, **kwargs):
        pass
