import pytest
from django.urls import reverse

from quartier.community.models import Conversation, Message

from .factories import OrganisationFactory, old_token


@pytest.fixture
def org(organisation, org_rep):
    return organisation


@pytest.mark.django_db
def test_resident_writes_organisation_answers_no_address_is_exposed(
    client, org, resident, org_rep, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(resident)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("community:organisation_message", kwargs={"slug": org.slug}),
            {"body": "Gibt es ein Probetraining?", "form_token": old_token()},
        )
    conversation = Conversation.objects.get()
    assert response.url == conversation.get_absolute_url()
    mail = mailoutbox[0]
    assert mail.to == [org_rep.email]
    assert resident.email not in mail.body and resident.email not in str(mail.message())
    assert "Probetraining" in mail.body

    client.force_login(org_rep)
    assert "Probetraining" in client.get(conversation.get_absolute_url()).text
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            conversation.get_absolute_url(), {"body": "Ja, dienstags um 18 Uhr."}
        )
    reply = mailoutbox[1]
    assert reply.to == [resident.email]
    assert org_rep.email not in str(reply.message())
    assert Message.objects.filter(conversation=conversation).count() == 2

    client.force_login(resident)
    page = client.get(conversation.get_absolute_url()).text
    assert "dienstags" in page and org.name in page
    assert org_rep.email not in page


@pytest.mark.django_db
def test_unclaimed_organisation_gets_mail_at_its_hidden_address(
    client, quarter, resident, mailoutbox, django_capture_on_commit_callbacks
):
    org = OrganisationFactory(quarters=[quarter], contact_email="info@verein.example")
    client.force_login(resident)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("community:organisation_message", kwargs={"slug": org.slug}),
            {"body": "Hallo", "form_token": old_token()},
        )
    assert mailoutbox[0].to == ["info@verein.example"]


@pytest.mark.django_db
def test_time_trap_rejects_instant_posts(client, org, resident):
    from quartier.community.spam import form_token

    client.force_login(resident)
    response = client.post(
        reverse("community:organisation_message", kwargs={"slug": org.slug}),
        {"body": "Hallo", "form_token": form_token()},
    )
    assert response.status_code == 200
    assert not Conversation.objects.exists()


@pytest.mark.django_db
def test_message_rate_limit(client, org, resident):
    from quartier.community import services

    client.force_login(resident)
    for _ in range(services.MAX_MESSAGES_PER_HOUR):
        services.conversation_start(
            starter=resident, organisation=org, subject="x", body="y"
        )
    response = client.post(
        reverse("community:organisation_message", kwargs={"slug": org.slug}),
        {"body": "Noch eine", "form_token": old_token()},
    )
    assert response.status_code == 200
    assert "sehr viele Nachrichten" in response.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("resident", 200),
        ("org_rep", 200),
        ("moderator", 404),
        ("other_manager", 404),
        ("manager", 404),
        ("city_admin", 404),
    ],
)
def test_conversation_is_private_to_its_participants(
    client, login_as, org, resident, role, status
):
    from quartier.community import services

    conversation = services.conversation_start(
        starter=resident, organisation=org, subject="Frage", body="Privat"
    )
    login_as(role)
    assert client.get(conversation.get_absolute_url()).status_code == status


@pytest.mark.django_db
@pytest.mark.parametrize("rows", [2, 20])
def test_conversation_list_query_count(
    client, org, resident, django_assert_num_queries, rows
):
    from quartier.community import services

    for index in range(rows):
        services.conversation_start(
            starter=resident, organisation=org, subject=f"Frage {index}", body="x"
        )
    client.force_login(resident)
    with django_assert_num_queries(8):
        response = client.get(reverse("community:conversation_list"))
    assert len(response.context["page_obj"]) == rows
