"""Guard: every form anyone may post that sends mail is limited per sender and per target.

`ANONYMOUS_MAIL_FORMS` drives each such form of the portal; it must list exactly the
scopes of `MAIL_FORM_LIMITS`, so a new anonymous mail form needs both a limit and a row
here. Each form is posted past its per-sender limit from one address (to fresh
targets), and past its per-target limit from fresh addresses (to one target): the post
over the limit is refused with a message and leaves no row, so no mail goes out.
"""

import time

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from quartier.community.spam import form_token
from quartier.core.ratelimit import MAIL_FORM_LIMITS, client_key

pytestmark = pytest.mark.django_db


def _token() -> str:
    return form_token(time.time() - 10)


def _event_registration(quarter):
    from quartier.events.models import Registration
    from quartier.events.tests.factories import EventFactory

    events = {}

    def post(client, target: str, n: int):
        # One address may register once per date: each post gets its own event.
        event = events.setdefault(
            n, EventFactory(quarters=[quarter], registration_enabled=True, capacity=9)
        )
        occurrence = event.occurrences.get()
        return client.post(
            reverse("events:register", kwargs={"pk": event.pk}),
            {
                "termin": occurrence.pk,
                "seats": 1,
                "consent": "on",
                "name": f"Person {n}",
                "email": f"{target}@example.org",
            },
            REMOTE_ADDR=f"203.0.113.{n % 250}",
        )

    return post, Registration.objects.count


def _feedback(quarter):
    from quartier.cms.demo.seed import seed_site
    from quartier.cms.models import Feedback, StandardPage

    seed_site()
    page = StandardPage.objects.get(slug="barrierefreiheit", locale__language_code="de")

    def post(client, target: str, n: int):
        # The target is the page's inbox: one page, or another page with a form.
        pk = page.pk if target == "same" else _other_form_page(target).pk
        return client.post(
            f"/rueckmeldung/{pk}/",
            {
                "kind": "accessibility",
                "message": f"Barriere {n}",
                "page_url": "/",
                "form_token": _token(),
            },
            REMOTE_ADDR=f"198.51.100.{n % 250}",
        )

    return post, Feedback.objects.count


def _other_form_page(target: str):
    from quartier.cms.models import StandardPage

    parent = StandardPage.objects.get(
        slug="barrierefreiheit", locale__language_code="de"
    )
    existing = StandardPage.objects.filter(slug=f"form-{target}").first()
    if existing:
        return existing
    page = StandardPage(
        title=f"Formular {target}", slug=f"form-{target}", feedback_form="contact"
    )
    parent.add_child(instance=page)
    return page


def _vacancy_enquiry(quarter):
    from quartier.community.models import VacancyEnquiry
    from quartier.community.tests.factories import VacancyFactory

    vacancies = {}

    def post(client, target: str, n: int):
        vacancy = vacancies.setdefault(target, VacancyFactory(quarter=quarter))
        return client.post(
            vacancy.get_absolute_url(),
            {
                "name": "Ada",
                "email": f"ada{n}@example.org",
                "message": f"Anfrage {n}",
                "form_token": _token(),
            },
            REMOTE_ADDR=f"192.0.2.{n % 250}",
        )

    return post, VacancyEnquiry.objects.count


ANONYMOUS_MAIL_FORMS = {
    "event-registration": _event_registration,
    "feedback": _feedback,
    "vacancy-enquiry": _vacancy_enquiry,
}


def test_every_limited_mail_form_is_driven_here():
    assert set(ANONYMOUS_MAIL_FORMS) == set(MAIL_FORM_LIMITS)


@pytest.mark.parametrize("scope", sorted(ANONYMOUS_MAIL_FORMS))
def test_limit_per_sender(client, quarter, scope):
    post, rows = ANONYMOUS_MAIL_FORMS[scope](quarter)
    limit = MAIL_FORM_LIMITS[scope].per_sender
    for n in range(limit):
        assert post(client, f"t{n}", 7).status_code == 302
    response = post(client, "t-last", 7)  # same address, fresh target
    assert response.status_code == 200
    assert "Zu viele Anfragen" in response.content.decode()
    assert rows() == limit


@pytest.mark.parametrize("scope", sorted(ANONYMOUS_MAIL_FORMS))
def test_limit_per_target(client, quarter, scope):
    post, rows = ANONYMOUS_MAIL_FORMS[scope](quarter)
    limit = MAIL_FORM_LIMITS[scope].per_target
    for n in range(limit):
        assert post(client, "same", n).status_code == 302, n
    response = post(client, "same", limit + 1)  # fresh address, same target
    assert response.status_code == 200
    assert "Zu viele Anfragen" in response.content.decode()
    assert rows() == limit


def test_allauth_mail_forms_keep_limits_per_address_and_per_key():
    """Sign-up, password reset and confirmation mails: allauth's limits stay on."""
    from allauth.account import app_settings

    limits = app_settings.RATE_LIMITS
    assert "ip" in limits["signup"]
    assert "ip" in limits["reset_password"] and "key" in limits["reset_password"]
    assert "key" in limits["confirm_email"]
    assert django_settings.ACCOUNT_RATE_LIMITS is not False


def _anonymous(rf, **meta):
    request = rf.get("/", **meta)
    request.user = AnonymousUser()
    return request


def test_behind_a_proxy_each_client_counts_on_its_own(rf, settings):
    """Behind nginx all requests came from its address: one counter for everyone."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    first = _anonymous(rf, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.7")
    second = _anonymous(
        rf, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.9"
    )
    assert client_key(first) == "ip:203.0.113.7"
    assert client_key(second) == "ip:198.51.100.9"  # only the proxy's entry counts


def test_without_a_proxy_the_forwarded_header_is_ignored(rf, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    spoofed = _anonymous(rf, REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert client_key(spoofed) == "ip:203.0.113.7"
