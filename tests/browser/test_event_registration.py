"""Journey: find this week's free family offer in a quarter, take the last seat by email."""

import datetime as dt
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from quartier.accounts.tests.factories import UserFactory
from quartier.events.models import Registration
from quartier.events.services import registration_create
from quartier.events.tests.factories import EventFactory, local
from quartier.quarters.models import Quarter

pytestmark = pytest.mark.browser


def _no_axe_violations(page):
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def _link(kind: str) -> str:
    body = mail.outbox[-1].body
    return re.search(rf"http://\S+/anmeldung/\S+/{kind}/", body).group(0)


def test_last_seat_by_email_confirm_cancel_and_waitlist_moves_up(
    page, demo_site, settings, console_problems
):
    settings.SITE_URL = demo_site
    quarter = Quarter.objects.get(slug="dodesheide")
    today = timezone.localdate()
    day = today if today.weekday() == 6 else today + dt.timedelta(days=1)
    event = EventFactory(
        quarters=[quarter],
        title="Familiencafé",
        target_groups=",families,",
        starts_at=local(day, 22, 30),
        ends_at=local(day, 23, 30),
        registration_enabled=True,
        capacity=2,
    )
    occurrence = event.occurrences.get()
    registration_create(occurrence=occurrence, user=UserFactory())
    mail.outbox.clear()

    page.goto(f"{demo_site}/veranstaltungen/")
    _no_axe_violations(page)
    page.get_by_label("Quartier").select_option("dodesheide")
    page.get_by_label("Wann").select_option("woche")
    page.get_by_label("Für wen").select_option("families")
    page.get_by_label("nur kostenlose").check()
    page.get_by_role("button", name="Anzeigen").click()
    expect(page.get_by_role("link", name="Familiencafé")).to_be_visible()
    expect(page.get_by_role("link", name="Seniorenfrühstück")).to_have_count(0)
    page.get_by_role("link", name="Familiencafé").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Familiencafé")
    _no_axe_violations(page)

    page.get_by_role("button", name="Verbindlich anmelden").click()
    expect(page.locator("#form-errors")).to_be_visible()
    _no_axe_violations(page)  # the form with errors

    page.get_by_label("Ihr Name").fill("Erika Mustermann")
    page.get_by_label("E-Mail-Adresse").fill("erika@example.org")
    page.get_by_label(re.compile("Ich bin einverstanden")).check()
    page.get_by_role("button", name="Verbindlich anmelden").click()
    expect(page.get_by_text("Fast geschafft")).to_be_visible()

    page.goto(_link("bestaetigen"))
    page.get_by_role("button", name="Ja, Anmeldung bestätigen").click()
    expect(page.get_by_text("Sie sind angemeldet")).to_be_visible()
    cancel_url = _link("absagen")

    waiting = registration_create(occurrence=occurrence, user=UserFactory())
    assert waiting.status == Registration.Status.WAITLISTED

    page.goto(cancel_url)
    page.get_by_role("button", name="Ja, absagen").click()
    expect(page.get_by_text("Ihre Anmeldung ist abgesagt")).to_be_visible()
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED
    assert "frei geworden" in mail.outbox[-1].subject
    assert console_problems == []
