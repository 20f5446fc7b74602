import pytest

from quartier.cms.models import Feedback, StandardPage


@pytest.fixture
def accessibility_page(site_tree):
    return StandardPage.objects.get(slug="barrierefreiheit", locale__language_code="de")


@pytest.mark.django_db
def test_feedback_is_stored_and_staff_notified(
    client, accessibility_page, mailoutbox, settings, django_capture_on_commit_callbacks
):
    settings.QUARTIER_FEEDBACK_EMAILS = ["barrierefreiheit@stadt.example"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/rueckmeldung/{accessibility_page.pk}/",
            {
                "kind": "accessibility",
                "message": "Die Karte ist ohne Maus nicht bedienbar.",
                "page_url": "/quartiere/schinkel/",
            },
            follow=True,
        )
    assert "Danke! Ihre Nachricht ist angekommen." in response.content.decode()
    feedback = Feedback.objects.get()
    assert (
        feedback.kind == "accessibility" and feedback.page_url == "/quartiere/schinkel/"
    )
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["barrierefreiheit@stadt.example"]
    assert "ohne Maus" in mailoutbox[0].body


@pytest.mark.django_db
def test_invalid_feedback_shows_errors_and_keeps_input(client, accessibility_page):
    response = client.post(
        f"/rueckmeldung/{accessibility_page.pk}/",
        {
            "kind": "accessibility",
            "message": "",
            "name": "Erika",
            "email": "kein-email",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in html
    assert (
        'aria-invalid="true"' in html and 'aria-describedby="id_message_error"' in html
    )
    assert 'value="Erika"' in html and 'value="kein-email"' in html
    assert not Feedback.objects.exists()


@pytest.mark.django_db
def test_honeypot_stops_bots(client, accessibility_page):
    client.post(
        f"/rueckmeldung/{accessibility_page.pk}/",
        {
            "kind": "accessibility",
            "message": "Kaufen Sie jetzt!",
            "website": "http://spam.example",
        },
    )
    assert not Feedback.objects.exists()


@pytest.mark.django_db
def test_pages_without_a_form_take_no_feedback(client, site_tree):
    imprint = StandardPage.objects.get(slug="impressum", locale__language_code="de")
    assert (
        client.post(
            f"/rueckmeldung/{imprint.pk}/", {"kind": "contact", "message": "x"}
        ).status_code
        == 404
    )
    assert client.get(f"/rueckmeldung/{imprint.pk}/").status_code == 405


@pytest.mark.django_db
def test_footer_links_reach_legal_pages_and_report_a_barrier_from_every_page(
    client, site_tree
):
    html = client.get("/quartiere/").content.decode()
    for href in ["/impressum/", "/datenschutz/", "/barrierefreiheit/", "/kontakt/"]:
        assert f'href="{href}"' in html
    assert "/barrierefreiheit/?seite=%2Fquartiere%2F#rueckmeldung" in html


@pytest.mark.django_db
def test_report_link_prefills_the_page(client, site_tree):
    html = client.get("/barrierefreiheit/?seite=/quartiere/schinkel/").content.decode()
    assert 'value="/quartiere/schinkel/"' in html
