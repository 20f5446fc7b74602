"""Where the portal keeps data about a person: one entry per model, for export and deletion.

`HOLDINGS` is the map a data-protection officer reads (docs/threat-model.md points here):
every model with a foreign key to the user or an email field has one entry, saying which of
its rows belong to a person, which fields the data download (Art. 15/20 GDPR) contains,
and what account deletion (Art. 17) does with them. A test creates one row of every such
model and fails when a model has no entry, when the download misses a row, shows someone
else's, or when a row keeps the person's data after deletion.

Rows found by email address match only addresses the person has verified, so adding a
stranger's address to an account never exports the stranger's data.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.apps import apps
from django.db import models
from django.db.models import Q


@dataclass(frozen=True)
class Holding:
    model: str  # "app_label.ModelName"
    section: str  # key in the data download
    owner: Callable[[object, frozenset[str]], Q]  # (user, verified emails) -> filter
    fields: tuple[str, ...]  # exported; dotted paths follow relations
    on_delete: str  # what account deletion does, in plain words

    @property
    def model_class(self) -> type[models.Model]:
        return apps.get_model(self.model)

    def rows(self, user, emails: frozenset[str]) -> models.QuerySet:
        return self.model_class._default_manager.filter(self.owner(user, emails))


def by(*fields: str) -> Callable[[object, frozenset[str]], Q]:
    """Rows whose user field (or one of several) is the person."""

    def owner(user, emails):
        q = Q(pk__in=[])
        for field in fields:
            q |= Q(**{field: user})
        return q

    return owner


def by_email(field: str, *user_fields: str) -> Callable[[object, frozenset[str]], Q]:
    """Rows holding one of the person's verified addresses (or linked to the account)."""

    def owner(user, emails):
        q = Q(**{f"{field}__in": emails}) if emails else Q(pk__in=[])
        for user_field in user_fields:
            q |= Q(**{user_field: user})
        return q

    return owner


DELETED = "deleted with the account"
UNLINKED = "kept without the link to the account (shown as „gelöschtes Konto“)"

HOLDINGS: tuple[Holding, ...] = (
    # accounts and allauth
    Holding(
        "account.EmailAddress",
        "email_addresses",
        by("user"),
        ("email", "verified", "primary"),
        DELETED,
    ),
    Holding(
        "accounts.NotificationSettings",
        "notification_settings",
        by("user"),
        (
            "email_answer",
            "email_reply",
            "email_status",
            "email_moderation",
            "daily_digest",
        ),
        DELETED,
    ),
    Holding(
        "accounts.Notification",
        "notifications",
        by("user"),
        ("kind", "message", "url", "created_at", "read_at"),
        DELETED,
    ),
    # participation
    Holding(
        "participation.Idea",
        "ideas",
        by("author", "answered_by"),
        (
            "quarter.slug",
            "title",
            "description",
            "place",
            "longitude",
            "latitude",
            "status",
            "created_at",
        ),
        UNLINKED + "; public contributions stay, as the participation rules say",
    ),
    Holding(
        "participation.Comment",
        "comments",
        by("author"),
        ("idea_id", "body", "created_at", "is_deleted"),
        UNLINKED,
    ),
    Holding("participation.Support", "supports", by("user"), ("idea_id",), DELETED),
    Holding(
        "participation.Report",
        "reports",
        by("reporter"),
        ("idea_id", "comment_id", "reason"),
        UNLINKED,
    ),
    Holding(
        "participation.ModerationAction",
        "moderation_actions",
        by("moderator"),
        ("action", "reason", "created_at"),
        UNLINKED + " (moderation history)",
    ),
    Holding(
        "participation.PollResponse",
        "poll_responses",
        by("user"),
        ("poll_id", "created_at"),
        UNLINKED + "; the answers stay anonymous in the results",
    ),
    # community
    Holding(
        "community.Membership",
        "organisation_memberships",
        by("user", "verified_by"),
        ("organisation.name", "role", "message", "requested_at", "verified_at"),
        DELETED + " (memberships the person verified stay, without the link)",
    ),
    Holding(
        "community.Organisation",
        "organisations_with_your_address",
        by_email("contact_email"),
        ("name", "contact_email"),
        "contact address removed",
    ),
    Holding(
        "community.Vacancy",
        "vacancy_listings",
        by_email("contact_email", "submitted_by"),
        (
            "quarter.slug",
            "title",
            "street",
            "postcode",
            "area_m2",
            "description",
            "contact_email",
            "status",
            "vacant_since",
            "vacant_until",
            "is_published",
        ),
        "listings with the person's address deleted; others kept without the link",
    ),
    Holding(
        "community.VacancyEnquiry",
        "vacancy_enquiries",
        by_email("email"),
        ("vacancy.title", "name", "email", "message", "created_at"),
        DELETED,
    ),
    Holding(
        "community.HelpPost",
        "help_posts",
        by("author"),
        ("quarter.slug", "kind", "category", "title", "text", "status", "created_at"),
        DELETED,
    ),
    Holding(
        "community.HelpPostReport",
        "help_post_reports",
        by("reporter", "resolved_by"),
        ("post_id", "reason", "note", "created_at"),
        DELETED + " (reports the person resolved stay, without the link)",
    ),
    Holding(
        "community.Conversation",
        "conversations",
        by("starter", "recipient"),
        ("subject", "organisation.name", "created_at"),
        UNLINKED + "; the other side keeps its copy",
    ),
    Holding(
        "community.Message",
        "messages",
        by("sender"),
        ("conversation_id", "body", "created_at"),
        UNLINKED + "; the other side's messages stay too",
    ),
    # events
    Holding(
        "events.Event",
        "events_submitted",
        by_email("contact_email", "submitted_by"),
        ("title", "starts_at", "contact_name", "contact_email", "status"),
        "kept without the link; the person's contact address removed",
    ),
    Holding(
        "events.Registration",
        "event_registrations",
        by_email("email", "user"),
        (
            "occurrence.event.title",
            "occurrence.starts_at",
            "name",
            "email",
            "seats",
            "note",
            "status",
            "created_at",
        ),
        "cancelled (the waitlist moves up); name, address and note removed",
    ),
    # funds
    Holding(
        "funds.FundApplication",
        "fund_applications",
        by("applicant"),
        (
            "fund.name",
            "status",
            "title",
            "summary",
            "description",
            "applicant_type",
            "organisation",
            "contact_name",
            "contact_phone",
            "address",
            "iban",
            "requested_amount",
            "approved_amount",
            "created_at",
            "submitted_at",
        ),
        "drafts deleted; open applications withdrawn and their personal data "
        "removed; paid ones keep address, IBAN and receipts for the funder's audit "
        "until the fund's payment retention ends (funds_retention)",
    ),
    Holding(
        "funds.Attachment",
        "fund_attachments",
        by("uploaded_by"),
        ("application_id", "kind", "name", "size", "uploaded_at"),
        "deleted with the application's personal data; receipts of paid "
        "applications kept for the payment retention",
    ),
    Holding(
        "funds.JuryMember",
        "jury_memberships",
        by("user"),
        ("fund.name", "is_chair"),
        DELETED + " (recorded decisions keep their vote counts)",
    ),
    Holding(
        "funds.Meeting",
        "jury_meetings_recorded",
        by("recorded_by"),
        ("fund.name", "held_on"),
        UNLINKED,
    ),
    Holding(
        "funds.StatusChange",
        "fund_status_changes",
        by("actor"),
        ("application_id", "from_status", "to_status", "at"),
        UNLINKED + " (the application's workflow log)",
    ),
    Holding(
        "funds.Payment",
        "fund_payments_recorded",
        by("recorded_by"),
        ("application_id", "amount", "paid_on"),
        UNLINKED + " (payment records)",
    ),
    # measures
    Holding(
        "measures.MeasureChange",
        "measure_changes",
        by("changed_by"),
        ("measure_id", "changed_at", "field", "old_value", "new_value"),
        UNLINKED + " (the public change history)",
    ),
    # cms and quarters
    Holding(
        "cms.Feedback",
        "feedback",
        by_email("email"),
        ("kind", "name", "email", "page_url", "message", "created_at"),
        DELETED,
    ),
    Holding(
        "quarters.Office",
        "offices_with_your_address",
        by_email("email"),
        ("name", "email"),
        "contact address removed",
    ),
    # Wagtail: the staff's work in the admin
    Holding(
        "wagtailcore.Page",
        "pages",
        by("owner", "locked_by"),
        ("title", "url_path", "first_published_at"),
        UNLINKED,
    ),
    Holding(
        "wagtailcore.Revision",
        "page_and_snippet_revisions",
        by("user"),
        ("object_str", "created_at"),
        UNLINKED,
    ),
    Holding(
        "wagtailcore.PageLogEntry",
        "page_history",
        by("user"),
        ("label", "action", "timestamp"),
        "kept as the audit log; the name is no longer shown",
    ),
    Holding(
        "wagtailcore.ModelLogEntry",
        "admin_history",
        by("user"),
        ("label", "action", "timestamp"),
        "kept as the audit log; the name is no longer shown",
    ),
    Holding(
        "wagtailcore.Comment",
        "page_comments",
        by("user", "resolved_by"),
        ("page.title", "text", "created_at"),
        DELETED + " (comments the person resolved stay, without the link)",
    ),
    Holding(
        "wagtailcore.CommentReply",
        "page_comment_replies",
        by("user"),
        ("comment_id", "text", "created_at"),
        DELETED,
    ),
    Holding(
        "wagtailcore.PageSubscription",
        "page_subscriptions",
        by("user"),
        ("page.title", "comment_notifications"),
        DELETED,
    ),
    Holding(
        "wagtailcore.WorkflowState",
        "workflows_started",
        by("requested_by"),
        ("status", "created_at"),
        UNLINKED,
    ),
    Holding(
        "wagtailcore.TaskState",
        "workflow_tasks_finished",
        by("finished_by"),
        ("status", "finished_at", "comment"),
        UNLINKED,
    ),
    Holding(
        "wagtailcore.APIToken",
        "api_tokens",
        by("user"),
        ("name", "prefix", "created", "revoked_at", "last_used_at"),
        DELETED,
    ),
    Holding(
        "wagtailcore.UploadedFile",
        "uploads_in_progress",
        by("uploaded_by_user"),
        ("file",),
        UNLINKED,
    ),
    # monitoring: who imported which statistics file (the values are not personal)
    Holding(
        "monitoring.ImportRun",
        "statistics_imports",
        by("created_by"),
        ("filename", "created_at", "rows"),
        UNLINKED,
    ),
    Holding(
        "wagtailimages.Image",
        "images_uploaded",
        by("uploaded_by_user"),
        ("title", "created_at"),
        UNLINKED,
    ),
    Holding(
        "wagtaildocs.Document",
        "documents_uploaded",
        by("uploaded_by_user"),
        ("title", "created_at"),
        UNLINKED,
    ),
    Holding(
        "wagtailusers.UserProfile",
        "admin_preferences",
        by("user"),
        ("preferred_language", "current_time_zone", "theme", "contrast", "density"),
        DELETED,
    ),
    Holding(
        "wagtailadmin.EditingSession",
        "admin_editing_sessions",
        by("user"),
        ("object_id", "last_seen_at"),
        DELETED,
    ),
    Holding(
        "wagtailadmin.FormState",
        "admin_unsaved_forms",
        by("user"),
        ("object_id", "last_updated_at"),
        DELETED,
    ),
)


def verified_emails(user) -> frozenset[str]:
    from allauth.account.models import EmailAddress

    stored = EmailAddress.objects.filter(user=user, verified=True).values_list(
        "email", flat=True
    )
    # Both spellings: `__in` compares case-sensitively on PostgreSQL.
    return frozenset(e for email in stored for e in (email, email.lower()))


def _value(obj, path: str):
    for part in path.split("."):
        obj = getattr(obj, part, None)
        if obj is None:
            return None
    if isinstance(obj, datetime.datetime | datetime.date | datetime.time):
        return obj.isoformat()
    if isinstance(obj, Decimal):
        return str(obj)
    if isinstance(obj, models.Model):
        return str(obj)
    if isinstance(obj, models.fields.files.FieldFile):
        return obj.name
    return obj


def holdings_export(*, user) -> dict[str, list[dict]]:
    """Every holding's rows of `user`, one list per section, each row with its id."""
    emails = verified_emails(user)
    return {
        holding.section: [
            {"id": row.pk, **{path: _value(row, path) for path in holding.fields}}
            for row in holding.rows(user, emails).order_by("pk")
        ]
        for holding in HOLDINGS
    }


# Run by `accounts.services.account_delete`, in the order registered, before the account
# row goes: each app's own clean-up of what deletion must not leave behind.
ACCOUNT_RELEASES: list[Callable[..., object]] = []


def release_before_account_delete(release: Callable[..., object]) -> None:
    """Have `account_delete` call `release(user=…, emails=…)` (emails: the verified ones).

    Apps register theirs in `AppConfig.ready()`: `accounts` sits below them and imports
    none of them (ARCHITECTURE.md, "Imports"). Releases are independent of each other,
    so their order (INSTALLED_APPS) does not matter; all run in `account_delete`'s
    transaction.
    """
    if release not in ACCOUNT_RELEASES:
        ACCOUNT_RELEASES.append(release)
