"""Neighbourhood help (Biete/Suche) and the relayed conversations."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from quartier.quarters.models import Quarter

from .directory import Membership, Organisation
from .engagement import Opportunity

HELP_POST_DAYS = 30  # default lifetime of a Biete/Suche post
REMINDER_DAYS = 3  # remind the author this many days before a post expires


def default_expiry() -> dt.date:
    return timezone.localdate() + dt.timedelta(days=HELP_POST_DAYS)


class HelpPostQuerySet(models.QuerySet):
    def visible(self):
        """What the public board shows: open, not expired, not hidden by moderation."""
        return self.filter(
            status=HelpPost.Status.OPEN,
            hidden_at__isnull=True,
            expires_on__gte=timezone.localdate(),
        )

    def for_list(self):
        return self.select_related("quarter", "author")

    def reported(self):
        return self.filter(reports__resolved_at__isnull=True).distinct()


class HelpPost(models.Model):
    """Biete/Suche: a neighbour offers or asks for help. Contact only via the portal."""

    class Kind(models.TextChoices):
        OFFER = "offer", _("Biete")
        REQUEST = "request", _("Suche")

    class Category(models.TextChoices):
        SHOPPING = "shopping", _("Einkaufshilfe")
        LENDING = "lending", _("Verleihen und Tauschen")
        TUTORING = "tutoring", _("Lernen und Nachhilfe")
        COMPANY = "company", _("Gesellschaft und Begleitung")
        GARDEN = "garden", _("Haus und Garten")
        TECH = "tech", _("Technik und Internet")
        OTHER = "other", _("Sonstiges")

    class Status(models.TextChoices):
        OPEN = "open", _("aktiv")
        CLOSED = "closed", _("erledigt")

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="help_posts"
    )
    quarter = models.ForeignKey(
        Quarter,
        on_delete=models.CASCADE,
        related_name="help_posts",
        verbose_name=_("Quartier"),
    )
    kind = models.CharField(_("Biete oder Suche"), max_length=10, choices=Kind.choices)
    category = models.CharField(_("Kategorie"), max_length=20, choices=Category.choices)
    title = models.CharField(_("Überschrift"), max_length=100)
    text = models.TextField(
        _("Kurzer Text"),
        max_length=1000,
        help_text=_(
            "Bitte keine Telefonnummern oder Adressen: Antworten kommen über das Portal."
        ),
    )
    status = models.CharField(
        _("Status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    expires_on = models.DateField(_("sichtbar bis"), default=default_expiry)
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    hidden_at = models.DateTimeField(
        _("von der Moderation ausgeblendet"), null=True, blank=True
    )
    hidden_reason = models.CharField(_("Grund"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("eingestellt am"), default=timezone.now)
    is_demo = models.BooleanField(_("Demo-Eintrag"), default=False)

    objects = HelpPostQuerySet.as_manager()

    class Meta:
        verbose_name = _("Biete/Suche-Eintrag")
        verbose_name_plural = _("Biete/Suche-Einträge")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("community:help_detail", kwargs={"pk": self.pk})

    @property
    def is_visible(self) -> bool:
        return (
            self.status == self.Status.OPEN
            and self.hidden_at is None
            and self.expires_on >= timezone.localdate()
        )


class HelpPostReport(models.Model):
    """A reader flags a post (commercial ad, offensive, personal data); moderators decide."""

    class Reason(models.TextChoices):
        COMMERCIAL = "commercial", _("Gewerbliche Werbung")
        OFFENSIVE = "offensive", _("Beleidigend oder diskriminierend")
        PERSONAL_DATA = "personal_data", _("Enthält persönliche Daten")
        OTHER = "other", _("Anderer Grund")

    post = models.ForeignKey(HelpPost, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(_("Grund"), max_length=20, choices=Reason.choices)
    note = models.CharField(_("Anmerkung"), max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Meldung")
        verbose_name_plural = _("Meldungen")
        constraints = [
            models.UniqueConstraint(
                fields=["post", "reporter"], name="help_post_report_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.post} ({self.get_reason_display()})"


class ConversationQuerySet(models.QuerySet):
    def for_participant(self, user):
        """Conversations `user` started, receives, or receives for an organisation."""
        if not user.is_authenticated:
            return self.none()
        orgs = Membership.objects.verified().filter(user=user).values("organisation")
        return self.filter(
            Q(starter=user) | Q(recipient=user) | Q(organisation__in=orgs)
        )


class Conversation(models.Model):
    """A private exchange relayed by the portal: the other side never sees an address.

    The other side is either one person (`recipient`, e.g. a Biete/Suche author) or an
    organisation (`organisation`, answered by its verified members).
    """

    # SET_NULL: deleting one side's account must not delete the other side's messages.
    starter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="conversations",
    )
    help_post = models.ForeignKey(
        HelpPost,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="conversations",
    )
    opportunity = models.ForeignKey(
        Opportunity,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="conversations",
    )
    subject = models.CharField(_("Betreff"), max_length=200)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = ConversationQuerySet.as_manager()

    class Meta:
        verbose_name = _("Unterhaltung")
        verbose_name_plural = _("Unterhaltungen")
        ordering = ["-updated_at"]
        constraints = [
            # Never both; neither once the recipient deleted their account.
            models.CheckConstraint(
                condition=Q(recipient__isnull=True) | Q(organisation__isnull=True),
                name="conversation_one_other_side",
            )
        ]

    def __str__(self) -> str:
        return self.subject

    def get_absolute_url(self) -> str:
        return reverse("community:conversation_detail", kwargs={"pk": self.pk})

    @property
    def other_side_gone(self) -> bool:
        """One side deleted their account: nobody is left to receive an answer."""
        if self.starter_id is None:
            return True
        return self.organisation_id is None and self.recipient_id is None


class Message(models.Model):
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("Nachricht"), max_length=4000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("Nachricht")
        verbose_name_plural = _("Nachrichten")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.conversation}: {self.created_at:%d.%m.%Y %H:%M}"
