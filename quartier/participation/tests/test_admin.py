"""Polls in the admin: a team edits its own; an edit never deletes a vote."""

import pytest
from django.db.models import RestrictedError

from quartier.participation.models import PollAnswer, PollOption, PollResponse
from quartier.quarters.permissions import QUARTER_TEAM, role_permissions

from .factories import PollFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def team_perms(quarter, other_quarter):
    perms = role_permissions(QUARTER_TEAM)
    for q in (quarter, other_quarter):
        q.team.permissions.add(*perms)


@pytest.fixture
def voted_poll(quarter):
    """The factory poll, with one vote on "Abends" and one on "Kurse"."""
    poll = PollFactory(quarter=quarter)
    response = PollResponse.objects.create(poll=poll, device_token="x" * 32)
    for question, text in zip(
        poll.questions.all()[:2], ["Abends", "Kurse"], strict=True
    ):
        PollAnswer.objects.create(
            response=response, question=question, option=question.options.get(text=text)
        )
    return poll


def _form_data(client, poll):
    """The edit form as the browser would send it back unchanged."""
    from html.parser import HTMLParser

    class Fields(HTMLParser):
        def __init__(self):
            super().__init__()
            self.data, self._textarea, self._select = {}, None, None

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            name = a.get("name")
            if tag == "input" and name and a.get("type") not in ("submit", "button"):
                if a.get("type") in ("checkbox", "radio"):
                    if "checked" in a:
                        self.data[name] = a.get("value", "on")
                else:
                    self.data[name] = a.get("value", "")
            elif tag == "textarea" and name:
                self._textarea = name
                self.data[name] = ""
            elif tag == "select" and name:
                self._select = name
            elif tag == "option" and self._select and "selected" in a:
                self.data[self._select] = a.get("value", "")

        def handle_endtag(self, tag):
            if tag == "textarea":
                self._textarea = None
            if tag == "select":
                self._select = None

        def handle_data(self, data):
            if self._textarea:
                self.data[self._textarea] += data

    parser = Fields()
    parser.feed(client.get(f"/admin/umfragen/edit/{poll.pk}/").content.decode())
    data = parser.data
    # The textarea's first newline belongs to the markup, not the value.
    return {k: v.removeprefix("\n") for k, v in data.items()}


def _question_prefix(data, text):
    return next(
        key.removesuffix("-text")
        for key, value in data.items()
        if key.endswith("-text") and value == text
    )


def test_team_sees_only_its_polls(client, team_perms, manager, quarter, other_quarter):
    PollFactory(quarter=quarter, title="Unsere Umfrage", questions=False)
    PollFactory(quarter=other_quarter, title="Fremde Umfrage", questions=False)
    client.force_login(manager)
    body = client.get("/admin/umfragen/").content.decode()
    assert "Unsere Umfrage" in body and "Fremde Umfrage" not in body
    assert client.get("/admin/aufrufe/").status_code == 200


def test_other_team_cannot_open_or_move_a_poll(
    client, team_perms, other_manager, voted_poll, other_quarter
):
    client.force_login(other_manager)
    url = f"/admin/umfragen/edit/{voted_poll.pk}/"
    assert client.get(url).status_code == 404
    assert client.post(url, {"quarter": other_quarter.pk}).status_code == 404
    voted_poll.refresh_from_db()
    assert voted_poll.quarter.slug == "schinkel"


def test_edit_form_shows_the_options(client, team_perms, manager, voted_poll):
    client.force_login(manager)
    data = _form_data(client, voted_poll)
    prefix = _question_prefix(data, "Wann?")
    ids = {o.text: o.pk for o in PollOption.objects.all()}
    assert data[f"{prefix}-options"].splitlines() == [
        f"[{ids['Abends']}] Abends",
        f"[{ids['Morgens']}] Morgens",
    ]


def test_saving_unchanged_keeps_every_option_and_vote(
    client, team_perms, manager, voted_poll
):
    client.force_login(manager)
    options = list(PollOption.objects.order_by("pk").values_list("pk", "text"))
    response = client.post(
        f"/admin/umfragen/edit/{voted_poll.pk}/", _form_data(client, voted_poll)
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert list(PollOption.objects.order_by("pk").values_list("pk", "text")) == options
    assert PollAnswer.objects.count() == 2


def test_rename_hide_delete_and_add_options(client, team_perms, manager, voted_poll):
    client.force_login(manager)
    data = _form_data(client, voted_poll)
    ids = {o.text: o.pk for o in PollOption.objects.all()}
    when = _question_prefix(data, "Wann?")
    what = _question_prefix(data, "Was noch?")
    data[f"{when}-options"] = f"[{ids['Abends']}] Am Abend\nAm Wochenende"
    data[f"{what}-options"] = f"[{ids['Beratung']}] Beratung"  # "Kurse" has a vote
    response = client.post(f"/admin/umfragen/edit/{voted_poll.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    rows = {o.text: o for o in PollOption.objects.all()}
    assert rows["Am Abend"].pk == ids["Abends"]  # renamed, vote kept
    assert not rows["Am Abend"].is_hidden
    assert "Morgens" not in rows  # no votes: removed
    assert rows["Kurse"].is_hidden  # votes: hidden, never deleted
    assert "Am Wochenende" in rows
    assert PollAnswer.objects.count() == 2
    # A hidden option is no longer offered to voters, but its vote still counts.
    page = client.get(voted_poll.get_absolute_url()).content.decode()
    assert "Am Wochenende" in page and f'value="{ids["Kurse"]}"' not in page


def test_a_question_with_answers_cannot_be_deleted(
    client, team_perms, manager, voted_poll
):
    client.force_login(manager)
    data = _form_data(client, voted_poll)
    data[f"{_question_prefix(data, 'Wann?')}-DELETE"] = "1"
    response = client.post(f"/admin/umfragen/edit/{voted_poll.pk}/", data)
    assert response.status_code == 200
    assert "hat schon Antworten" in response.content.decode()
    assert voted_poll.questions.count() == 3 and PollAnswer.objects.count() == 2


def test_foreign_option_ids_and_kind_changes_are_refused(
    client, team_perms, manager, voted_poll, quarter
):
    other = PollFactory(quarter=quarter, title="Andere")
    foreign = PollOption.objects.filter(question__poll=other).first()
    client.force_login(manager)
    data = _form_data(client, voted_poll)
    when = _question_prefix(data, "Wann?")
    data[f"{when}-options"] = f"[{foreign.pk}] Gekapert"
    response = client.post(f"/admin/umfragen/edit/{voted_poll.pk}/", data)
    assert response.status_code == 200
    data = _form_data(client, voted_poll)
    data[f"{when}-kind"] = "text"
    response = client.post(f"/admin/umfragen/edit/{voted_poll.pk}/", data)
    assert response.status_code == 200
    assert "lässt sich nicht mehr ändern" in response.content.decode()
    assert foreign.question.poll == other and PollAnswer.objects.count() == 2


def test_the_database_refuses_to_delete_an_answered_option(voted_poll):
    with pytest.raises(RestrictedError):
        PollOption.objects.get(text="Abends").delete()
    voted_poll.delete()  # the whole poll, with its responses, may go
    assert PollAnswer.objects.count() == 0


def test_creating_a_poll_with_options(client, team_perms, manager, quarter):
    client.force_login(manager)
    data = {
        "quarter": quarter.pk,
        "title": "Öffnungszeiten",
        "description": "",
        "starts_at": "2026-01-01 10:00",
        "ends_at": "2026-02-01 10:00",
        "questions-TOTAL_FORMS": "1",
        "questions-INITIAL_FORMS": "0",
        "questions-MIN_NUM_FORMS": "0",
        "questions-MAX_NUM_FORMS": "1000",
        "questions-0-text": "Wann?",
        "questions-0-kind": "single",
        "questions-0-options": "Morgens\nAbends\n",
        "questions-0-sort_order": "0",
        "questions-0-ORDER": "1",
        "questions-0-id": "",
        "questions-0-DELETE": "",
    }
    response = client.post("/admin/umfragen/new/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert list(PollOption.objects.values_list("text", flat=True)) == [
        "Morgens",
        "Abends",
    ]
