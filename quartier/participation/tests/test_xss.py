"""XSS payloads through every form: none may come back as markup."""

import html5lib
import pytest
from django.urls import reverse

from quartier.participation.models import Comment, Idea, Report

from .factories import CommentFactory, PollFactory

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg/onload=alert(1)>",
    "javascript:alert(1)",
    '<a href="javascript:alert(1)">klick</a>',
    "'><iframe src=//evil.example></iframe>",
    "<style>body{display:none}</style>",
    'https://example.org/"onmouseover="alert(1)',
]


# Data blocks browsers never run (JSON-LD, Wagtail's userbar settings).
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}


def assert_inert(body: str) -> None:
    """Parse like a browser: no script/iframe/style elements, no on* attributes, no js: links."""
    tree = html5lib.parse(body, namespaceHTMLElements=False)
    for element in tree.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        assert tag not in {"iframe", "img"} or "onerror" not in element.attrib
        if tag == "script" and element.get("type") not in DATA_SCRIPT_TYPES:
            assert element.get("src"), "inline script found"
        assert tag != "style"
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), f"{tag} has {name}"
            if name in {"href", "src"}:
                assert not value.strip().lower().startswith("javascript:")


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.django_db
def test_idea_comment_report_feedback_forms(
    client, resident, manager, moderator, quarter, payload
):
    client.force_login(resident)
    client.post(
        reverse("participation:idea_create", args=[quarter.slug]),
        {
            "title": payload,
            "description": payload + "\nhttps://example.org",
            "place": payload,
            "longitude": quarter.shape.representative_point().x,
            "latitude": quarter.shape.representative_point().y,
        },
    )
    idea = Idea.objects.get()
    client.post(
        reverse("participation:comment_create", args=[idea.pk]), {"body": payload}
    )
    comment = Comment.objects.get()
    client.post(
        reverse("participation:comment_create", args=[idea.pk]),
        {"body": payload, "parent": comment.pk},
    )
    client.post(
        reverse("participation:report", args=["kommentar", comment.pk]),
        {"reason": payload},
    )
    assert Report.objects.exists()
    client.force_login(manager)
    client.post(
        reverse("participation:idea_feedback", args=[idea.pk]),
        {"status": "not_possible", "answer": payload},
    )
    idea.refresh_from_db()
    assert idea.answer == payload
    for page in [
        idea.get_absolute_url(),
        reverse("participation:idea_list"),
        reverse("participation:idea_list") + "?quartier=schinkel",
        reverse("participation:moderation"),
    ]:
        body = client.get(page).content.decode()
        assert_inert(body)
    client.force_login(moderator)
    client.post(
        reverse("participation:moderate", args=["idee", idea.pk]),
        {"action": "hide", "reason": payload, "version": 0},
    )
    client.force_login(resident)
    assert_inert(client.get(idea.get_absolute_url()).content.decode())
    assert_inert(client.get(reverse("accounts:notifications")).content.decode())


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.django_db
def test_comment_edit_profile_and_poll(client, resident, manager, quarter, payload):
    comment = CommentFactory(idea__quarter=quarter, author=resident)
    client.force_login(resident)
    client.post(
        reverse("participation:comment_edit", args=[comment.pk]), {"body": payload}
    )
    client.post(reverse("accounts:profile"), {"display_name": payload[:60]})
    assert_inert(client.get(comment.idea.get_absolute_url()).content.decode())
    assert_inert(client.get(reverse("accounts:profile")).content.decode())
    poll = PollFactory(quarter=quarter, live_results=True)
    single, _multiple, text = poll.questions.all()
    client.post(
        poll.get_absolute_url(),
        {f"frage_{single.pk}": single.options.first().pk, f"frage_{text.pk}": payload},
    )
    assert poll.responses.count() == 1
    assert_inert(client.get(poll.get_absolute_url()).content.decode())
    CommentFactory(idea=comment.idea)  # keep the idea discussed
    comment.idea.title = payload
    comment.idea.save()
    feed = client.get(
        reverse("participation:idea_feed", args=[quarter.slug])
    ).content.decode()
    assert "<script" not in feed and "<img" not in feed and "<svg/" not in feed


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.django_db
def test_image_description(client, resident, quarter, payload):
    from .test_idea_images import _jpeg_with_gps

    client.force_login(resident)
    client.post(
        reverse("participation:idea_create", args=[quarter.slug]),
        {
            "title": "Bild",
            "description": "Text",
            "image": _jpeg_with_gps((20, 20)),
            "image_alt": payload,
        },
    )
    idea = Idea.objects.get()
    assert idea.images.get().alt_text == payload
    assert_inert(client.get(idea.get_absolute_url()).content.decode())
