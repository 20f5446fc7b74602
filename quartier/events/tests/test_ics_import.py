import datetime as dt

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quartier.events.models import Event

pytestmark = pytest.mark.django_db

ICS = b"""BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Test//DE\r
BEGIN:VEVENT\r
UID:sprachcafe-1@verein.example\r
DTSTAMP:20261001T080000Z\r
DTSTART;TZID=Europe/Berlin:20261015T170000\r
DTEND;TZID=Europe/Berlin:20261015T190000\r
RRULE:FREQ=WEEKLY;COUNT=4\r
SUMMARY:Sprachcaf\xc3\xa9\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:fest@verein.example\r
DTSTAMP:20261001T080000Z\r
DTSTART;VALUE=DATE:20261020\r
SUMMARY:Sommerfest\r
STATUS:CANCELLED\r
END:VEVENT\r
END:VCALENDAR\r
"""


def _post(client, quarter, venue, data=ICS):
    return client.post(
        reverse("events:import"),
        {
            "file": SimpleUploadedFile("k.ics", data, content_type="text/calendar"),
            "quarter": quarter.pk,
            "venue": venue.pk,
            "category": "culture",
        },
    )


@time_machine.travel(dt.datetime(2026, 10, 1, 9, tzinfo=dt.UTC))
def test_import_creates_then_updates_by_uid(client, manager, quarter, venue):
    client.force_login(manager)
    assert _post(client, quarter, venue).status_code == 302
    assert Event.objects.count() == 2
    cafe = Event.objects.get(uid="sprachcafe-1@verein.example")
    assert cafe.title == "Sprachcafé"
    assert cafe.occurrences.count() == 4
    assert cafe.occurrences.first().local_start.hour == 17
    fest = Event.objects.get(uid="fest@verein.example")
    assert fest.all_day and fest.status == Event.Status.CANCELLED
    _post(client, quarter, venue, ICS.replace(b"Sprachcaf\xc3\xa9", b"Sprachtreff"))
    assert Event.objects.count() == 2
    cafe.refresh_from_db()
    assert cafe.title == "Sprachtreff"


def test_import_rejects_garbage(client, manager, quarter, venue):
    client.force_login(manager)
    response = _post(client, quarter, venue, b"kein kalender")
    assert response.status_code == 200
    assert response.context["form"].errors["file"]


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
def test_import_access(client, login_as, role, status):
    login_as(role)
    assert client.get(reverse("events:import")).status_code == status


def test_team_cannot_import_into_other_quarter(client, other_manager, quarter, venue):
    client.force_login(other_manager)
    response = _post(client, quarter, venue)
    assert response.status_code == 200
    assert not Event.objects.exists()


@pytest.fixture
def calendar_server():
    """A calendar published on the loopback, as a club's website would publish it."""
    import http.server
    import threading

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path != "/termine.ics":
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/calendar")
            self.end_headers()
            self.wfile.write(ICS)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def _post_url(client, quarter, venue, url):
    return client.post(
        reverse("events:import"),
        {"url": url, "quarter": quarter.pk, "venue": venue.pk, "category": "culture"},
    )


@time_machine.travel(dt.datetime(2026, 10, 1, 9, tzinfo=dt.UTC))
def test_import_from_a_calendar_address(
    client, manager, quarter, venue, calendar_server
):
    client.force_login(manager)
    assert (
        _post_url(client, quarter, venue, f"{calendar_server}/termine.ics").status_code
        == 302
    )
    assert Event.objects.filter(uid="sprachcafe-1@verein.example").exists()
    _post_url(client, quarter, venue, f"{calendar_server}/termine.ics")
    assert Event.objects.count() == 2  # again: updated by UID, not doubled


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/nowhere.ics", "nicht abrufbar"),
        ("ftp://verein.example/termine.ics", "Adresse"),
    ],
)
def test_unreachable_or_odd_addresses_explain_themselves(
    client, manager, quarter, venue, calendar_server, url, message
):
    client.force_login(manager)
    if url.startswith("/"):
        url = calendar_server + url
    response = _post_url(client, quarter, venue, url)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert f'value="{url}"' in response.content.decode()  # nothing typed is lost
    assert not Event.objects.exists()


def test_file_or_address_but_not_both_nor_neither(client, manager, quarter, venue):
    client.force_login(manager)
    response = _post_url(client, quarter, venue, "")
    assert "entweder eine Datei" in response.content.decode()
