"""Guard for the data download and account deletion over every model with personal data.

`personal_models()` finds every model with a foreign key to the user or an email field
(ours and the libraries'). Each must have an entry in `personal_data.HOLDINGS` and a row
maker below; the tests then create one row of each for two people and check that the
download holds exactly one's own rows, and that deletion leaves none of them behind.
"""

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import models
from django.urls import reverse
from django.utils import timezone

from quartier.accounts.personal_data import DELETED, HOLDINGS, UNLINKED
from quartier.accounts.services import account_delete, account_export
from quartier.accounts.tests.factories import UserFactory
from quartier.core.tests.files import image_bytes
from quartier.monitoring.models import ImportRun


def _png() -> bytes:
    """A 1×1 PNG, so Wagtail's image model gets a real picture."""
    return image_bytes("PNG", 1, 1)


def personal_models() -> list[type[models.Model]]:
    """Models with an own (not inherited) user foreign key or email field."""
    user_model = get_user_model()
    found = []
    for model in apps.get_models():
        if model is user_model or model._meta.proxy:
            continue
        own = [
            field
            for field in model._meta.concrete_fields
            if field.model is model
            and (
                (field.is_relation and field.related_model is user_model)
                or isinstance(field, models.EmailField)
            )
        ]
        if own:
            found.append(model)
    return found


# --- one row per model ---------------------------------------------------------------


def _page(user=None, title="Seite"):
    from wagtail.models import Page

    root = Page.get_first_root_node()
    page = Page(title=title, slug=f"s-{Page.objects.count()}", owner=user)
    return root.add_child(instance=page)


def _ct(obj):
    return ContentType.objects.get_for_model(obj)


def _registration(world, user, email):
    from quartier.events.models import Registration

    occurrence = world["event"].occurrences.first()
    return Registration.objects.create(
        occurrence=occurrence,
        user=user,
        email=email,
        name="Anmeldename",
        status=Registration.Status.CONFIRMED,
        consent_at=timezone.now(),
        queued_at=timezone.now(),
    )


def _application(world, user, status="submitted"):
    from quartier.funds.tests.factories import FundApplicationFactory

    return FundApplicationFactory(fund=world["fund"], applicant=user, status=status)


def make_row(label: str, world: dict, user, email: str):
    """One row of model `label` that belongs to `user` (or carries `email`)."""
    from allauth.account.models import EmailAddress
    from wagtail.admin.models import EditingSession, FormState
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.log_actions import log
    from wagtail.models import (
        APIToken,
        Comment,
        CommentReply,
        PageLogEntry,
        PageSubscription,
        Task,
        TaskState,
        UploadedFile,
        Workflow,
        WorkflowState,
    )
    from wagtail.models import ModelLogEntry as WagtailModelLogEntry
    from wagtail.users.models import UserProfile

    from quartier.accounts.models import Notification
    from quartier.accounts.services import notification_settings_for
    from quartier.cms.models import Feedback
    from quartier.community.models import (
        Conversation,
        HelpPostReport,
        Message,
        VacancyEnquiry,
    )
    from quartier.community.tests.factories import (
        HelpPostFactory,
        MembershipFactory,
        OrganisationFactory,
        VacancyFactory,
    )
    from quartier.events.tests.factories import EventFactory
    from quartier.funds.models import Attachment, Meeting, Payment, StatusChange
    from quartier.funds.tests.factories import JuryMemberFactory
    from quartier.measures.models import MeasureChange
    from quartier.measures.tests.factories import MeasureFactory
    from quartier.participation.models import (
        ModerationAction,
        PollResponse,
        Report,
        Support,
    )
    from quartier.participation.tests.factories import (
        CommentFactory,
        IdeaFactory,
        PollFactory,
    )
    from quartier.quarters.tests.factories import OfficeFactory

    q = world["quarter"]
    match label:
        case "account.EmailAddress":
            return EmailAddress.objects.get(user=user)
        case "accounts.NotificationSettings":
            return notification_settings_for(user)
        case "accounts.Notification":
            return Notification.objects.create(user=user, kind="answer", message="x")
        case "participation.Idea":
            return IdeaFactory(quarter=q, author=user)
        case "participation.Comment":
            return CommentFactory(idea=IdeaFactory(quarter=q), author=user)
        case "participation.Support":
            idea = IdeaFactory(quarter=q, support_count=1)
            return Support.objects.create(idea=idea, user=user)
        case "participation.Report":
            return Report.objects.create(
                idea=IdeaFactory(quarter=q), reporter=user, reason="Werbung"
            )
        case "participation.ModerationAction":
            return ModerationAction.objects.create(
                idea=IdeaFactory(quarter=q), moderator=user, action="hide"
            )
        case "participation.PollResponse":
            return PollResponse.objects.create(poll=PollFactory(quarter=q), user=user)
        case "community.Membership":
            return MembershipFactory(user=user)
        case "community.Organisation":
            return OrganisationFactory(contact_email=email)
        case "community.Vacancy":
            return VacancyFactory(quarter=q, contact_email=email, submitted_by=user)
        case "community.VacancyEnquiry":
            return VacancyEnquiry.objects.create(
                vacancy=VacancyFactory(quarter=q),
                name="Frage",
                email=email,
                message="x",
            )
        case "community.HelpPost":
            return HelpPostFactory(quarter=q, author=user)
        case "community.HelpPostReport":
            return HelpPostReport.objects.create(
                post=HelpPostFactory(quarter=q), reporter=user, reason="commercial"
            )
        case "community.Conversation":
            conversation = Conversation.objects.create(
                starter=user, recipient=world["neighbour"], subject="Bohrmaschine"
            )
            Message.objects.create(
                conversation=conversation, sender=world["neighbour"], body="Antwort"
            )
            return conversation
        case "community.Message":
            conversation = Conversation.objects.create(
                starter=world["neighbour"], recipient=user, subject="Leiter"
            )
            return Message.objects.create(
                conversation=conversation, sender=user, body="Gern"
            )
        case "events.Event":
            return EventFactory(quarters=[q], contact_email=email, submitted_by=user)
        case "events.Registration":
            return _registration(world, user, email)
        case "funds.FundApplication":
            return _application(world, user)
        case "funds.Attachment":
            return Attachment.objects.create(
                application=_application(world, user),
                kind="application",
                file=ContentFile(b"%PDF-1.4", name="plan.pdf"),
                name="plan.pdf",
                size=8,
                uploaded_by=user,
            )
        case "funds.JuryMember":
            return JuryMemberFactory(fund=world["fund"], user=user)
        case "funds.Meeting":
            return Meeting.objects.create(
                fund=world["fund"], held_on=timezone.localdate(), recorded_by=user
            )
        case "funds.StatusChange":
            return StatusChange.objects.create(
                application=_application(world, UserFactory()),
                from_status="draft",
                to_status="submitted",
                actor=user,
            )
        case "funds.Payment":
            return Payment.objects.create(
                application=_application(world, UserFactory(), status="letter_sent"),
                amount=Decimal("10"),
                paid_on=timezone.localdate(),
                recorded_by=user,
            )
        case "measures.MeasureChange":
            return MeasureChange.objects.create(
                measure=MeasureFactory(quarter=q), field="title", changed_by=user
            )
        case "cms.Feedback":
            return Feedback.objects.create(kind="contact", email=email, message="x")
        case "quarters.Office":
            return OfficeFactory(quarter=q, email=email)
        case "wagtailcore.Page":
            return _page(user)
        case "wagtailcore.Revision":
            return _page().save_revision(user=user)
        case "wagtailcore.PageLogEntry":
            log(_page(), "wagtail.edit", user=user)
            return PageLogEntry.objects.filter(user=user).latest("pk")
        case "wagtailcore.ModelLogEntry":
            log(q, "wagtail.edit", user=user)
            return WagtailModelLogEntry.objects.filter(user=user).latest("pk")
        case "wagtailcore.Comment":
            return Comment.objects.create(
                page=_page(), user=user, text="Bitte kürzen", contentpath="title"
            )
        case "wagtailcore.CommentReply":
            comment = Comment.objects.create(
                page=_page(), user=world["neighbour"], text="?", contentpath="title"
            )
            return CommentReply.objects.create(comment=comment, user=user, text="Ok")
        case "wagtailcore.PageSubscription":
            return PageSubscription.objects.create(
                user=user, page=_page(), comment_notifications=True
            )
        case "wagtailcore.WorkflowState" | "wagtailcore.TaskState":
            page = _page()
            workflow = Workflow.objects.create(name=f"Prüfung {page.pk}")
            state = WorkflowState.objects.create(
                content_type=_ct(page),
                base_content_type=_ct(page),
                object_id=str(page.pk),
                workflow=workflow,
                status="approved",
                requested_by=user,
            )
            if label == "wagtailcore.WorkflowState":
                return state
            return TaskState.objects.create(
                workflow_state=state,
                revision=page.save_revision(),
                task=Task.objects.create(name=f"Freigabe {page.pk}"),
                status="approved",
                finished_by=user,
                content_type=ContentType.objects.get_for_model(TaskState),
            )
        case "wagtailcore.APIToken":
            return APIToken.objects.create(
                user=user, name="Skript", key_hash=f"h{user.pk}", prefix=f"p{user.pk}"
            )
        case "wagtailcore.UploadedFile":
            return UploadedFile.objects.create(
                file=ContentFile(b"x", name="x.txt"), uploaded_by_user=user
            )
        case "wagtailimages.Image":
            return get_image_model().objects.create(
                title="Foto",
                file=ContentFile(_png(), name="foto.png"),
                width=1,
                height=1,
                uploaded_by_user=user,
            )
        case "wagtaildocs.Document":
            return get_document_model().objects.create(
                title="Protokoll",
                file=ContentFile(b"x", name="protokoll.txt"),
                uploaded_by_user=user,
            )
        case "wagtailusers.UserProfile":
            return UserProfile.get_for_user(user)
        case "wagtailadmin.EditingSession":
            page = _page()
            return EditingSession.objects.create(
                user=user,
                content_type=_ct(page),
                object_id=str(page.pk),
                last_seen_at=timezone.now(),
            )
        case "wagtailadmin.FormState":
            page = _page()
            return FormState.objects.create(
                user=user,
                data="{}",
                content_type=_ct(page),
                object_id=str(page.pk),
                last_updated_at=timezone.now(),
            )
        case "monitoring.ImportRun":
            return ImportRun.objects.create(
                created_by=user,
                filename="sgb2-2025.csv",
                checksum=f"{user.pk:064d}",
                rows=1,
                created=1,
                updated=0,
                unchanged=0,
            )
    raise LookupError(label)


@pytest.fixture
def world(db):
    from quartier.events.tests.factories import EventFactory
    from quartier.funds.tests.factories import FundFactory
    from quartier.quarters.tests.factories import QuarterFactory

    quarter = QuarterFactory()
    return {
        "quarter": quarter,
        "neighbour": UserFactory(display_name="Nachbarin"),
        "event": EventFactory(quarters=[quarter], capacity=5),
        "fund": FundFactory(quarter=quarter),
    }


@pytest.fixture
def people(world):
    me = UserFactory(email="geheim-4711@example.org", display_name="Ich")
    other = UserFactory(email="fremd-0815@example.org", display_name="Andere")
    rows = {}
    for holding in HOLDINGS:
        rows[holding.model] = (
            make_row(holding.model, world, me, me.email),
            make_row(holding.model, world, other, other.email),
        )
    return me, other, rows


def test_every_model_with_personal_data_has_a_holding():
    declared = {holding.model for holding in HOLDINGS}
    found = {model._meta.label for model in personal_models()}
    assert sorted(found - declared) == []
    assert sorted(declared - found) == []
    assert len({holding.section for holding in HOLDINGS}) == len(HOLDINGS)


def test_download_holds_every_own_row_and_nobody_elses(people):
    me, other, rows = people
    export = account_export(user=me)
    missing, foreign = [], []
    for holding in HOLDINGS:
        ids = {row["id"] for row in export[holding.section]}
        mine, theirs = rows[holding.model]
        if mine.pk not in ids:
            missing.append(holding.model)
        if theirs.pk in ids:
            foreign.append(holding.model)
    assert missing == []
    assert foreign == []
    text = json.dumps(export, ensure_ascii=False)
    assert other.email not in text
    assert "DE02120300000000202051" in text  # the IBAN of the own application


def test_download_ignores_unverified_addresses(world):
    from allauth.account.models import EmailAddress

    from quartier.cms.models import Feedback

    me = UserFactory()
    EmailAddress.objects.create(user=me, email="nachbarin@example.org", verified=False)
    Feedback.objects.create(kind="contact", email="nachbarin@example.org", message="x")
    assert account_export(user=me)["feedback"] == []


def test_download_view(client, people):
    me, _other, _rows = people
    client.force_login(me)
    response = client.get(reverse("accounts:data_download"))
    data = json.loads(response.content)
    assert data["account"]["email"] == me.email
    assert data["fund_applications"][0]["iban"] == "DE02120300000000202051"


def _text_fields(model):
    return [
        f.name
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField | models.JSONField)
        and f.model is model
    ]


def test_deletion_leaves_no_personal_data(people, django_capture_on_commit_callbacks):
    me, _other, rows = people
    with django_capture_on_commit_callbacks(execute=True):
        account_delete(user=me)
    kept_wrongly, deleted_wrongly, others_lost = [], [], []
    for holding in HOLDINGS:
        model = holding.model_class
        mine, theirs = rows[holding.model]
        still = model._default_manager.filter(pk=mine.pk).first()
        if holding.on_delete.startswith(DELETED) and still is not None:
            kept_wrongly.append(holding.model)
        if holding.on_delete.startswith(UNLINKED) and still is None:
            deleted_wrongly.append(holding.model)
        if not model._default_manager.filter(pk=theirs.pk).exists():
            others_lost.append(holding.model)
    assert kept_wrongly == []
    assert deleted_wrongly == []
    assert others_lost == []
    # Nowhere in the database does the address survive.
    traces = [
        f"{model._meta.label}.{name}"
        for model in apps.get_models()
        for name in _text_fields(model)
        if model._default_manager.filter(**{f"{name}__icontains": me.email}).exists()
    ]
    assert traces == []


def test_deletion_cancels_registrations_and_the_waitlist_moves_up(world):
    from quartier.events.models import Registration

    world["event"].capacity = 1
    world["event"].save()
    me = UserFactory()
    mine = _registration(world, me, "")
    waiting = _registration(world, UserFactory(), "")
    waiting.status = Registration.Status.WAITLISTED
    waiting.save()
    account_delete(user=me)
    mine.refresh_from_db()
    waiting.refresh_from_db()
    assert mine.status == Registration.Status.CANCELLED
    assert (mine.user, mine.name, mine.email) == (None, "", "")
    assert waiting.status == Registration.Status.CONFIRMED


@pytest.mark.parametrize(
    ("status", "after", "keeps_payment_data"),
    [
        ("draft", None, False),
        ("submitted", "withdrawn", False),
        ("approved", "withdrawn", False),
        ("paid", "closed", True),
        ("proof_checked", "closed", True),
        ("rejected", "rejected", False),
    ],
)
def test_deletion_settles_fund_applications(world, status, after, keeps_payment_data):
    from quartier.funds.models import FundApplication, Payment

    me = UserFactory()
    application = _application(world, me, status=status)
    if keeps_payment_data:
        Payment.objects.create(
            application=application,
            amount=Decimal("10"),
            paid_on=timezone.localdate(),
        )
    account_delete(user=me)
    application = FundApplication.objects.filter(pk=application.pk).first()
    if after is None:
        assert application is None
        return
    assert application.status == after
    assert application.closed_at is not None  # so funds_retention finds it
    assert (application.contact_name, application.contact_phone) == ("", "")
    assert application.anonymised_at is not None
    if keeps_payment_data:
        assert application.iban == "DE02120300000000202051"
    else:
        assert (application.iban, application.address) == ("", "")


def test_payment_data_of_a_deleted_account_goes_after_the_retention(world):
    import time_machine
    from django.core.management import call_command

    from quartier.funds.models import FundApplication, Payment

    me = UserFactory()
    application = _application(world, me, status="paid")
    Payment.objects.create(
        application=application, amount=Decimal("10"), paid_on=timezone.localdate()
    )
    account_delete(user=me)
    years = world["fund"].retention_years_payments
    with time_machine.travel(timezone.now() + dt.timedelta(days=366 * years)):
        call_command("funds_retention", stdout=open("/dev/null", "w"))
    application = FundApplication.objects.get(pk=application.pk)
    assert (application.iban, application.address) == ("", "")


def test_other_sides_messages_stay_and_show_deleted_account(client, world):
    from quartier.community.models import Conversation, Message

    me, neighbour = UserFactory(display_name="Ich"), world["neighbour"]
    conversation = Conversation.objects.create(
        starter=me, recipient=neighbour, subject="Leiter"
    )
    Message.objects.create(conversation=conversation, sender=me, body="Hallo")
    Message.objects.create(conversation=conversation, sender=neighbour, body="Gern")
    account_delete(user=me)
    assert conversation.messages.count() == 2
    client.force_login(neighbour)
    page = client.get(conversation.get_absolute_url()).content.decode()
    assert "gelöschtes Konto" in page and "Gern" in page
    assert "Antwort senden" not in page
    response = client.post(conversation.get_absolute_url(), {"body": "Noch da?"})
    assert response.status_code == 200
    assert conversation.messages.count() == 2
