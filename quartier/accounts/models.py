from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class UserManager(DjangoUserManager):
    """Email is the login; there is no username."""

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("E-Mail-Adresse"), unique=True)
    display_name = models.CharField(
        _("Anzeigename"),
        max_length=60,
        blank=True,
        help_text=_("Wird öffentlich gezeigt. Ein Fantasiename ist in Ordnung."),
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("Konto")
        verbose_name_plural = _("Konten")
        ordering = ["email"]

    def __str__(self) -> str:
        return self.display_name or self.email

    @property
    def public_name(self) -> str:
        """What others see: never the email address."""
        return self.display_name or _("Nachbar*in")

    # Wagtail's admin shows these; we keep only one name.
    def get_full_name(self) -> str:
        return self.display_name or self.email

    def get_short_name(self) -> str:
        return self.display_name or self.email.split("@")[0]


class NotificationKind(models.TextChoices):
    ANSWER = "answer", _("Antwort des Quartiersteams auf meine Idee")
    STATUS = (
        "status",
        _("Neuer Stand einer Idee, die ich eingebracht oder unterstützt habe"),
    )
    REPLY = "reply", _("Antwort auf meinen Kommentar")
    MODERATION = "moderation", _("Entscheidung der Moderation über meine Beiträge")


class NotificationSettings(models.Model):
    """Per person and kind: email at once, in a daily digest, or not at all."""

    user = models.OneToOneField(
        User, on_delete=models.CASCADE, related_name="notification_settings"
    )
    email_answer = models.BooleanField(NotificationKind.ANSWER.label, default=True)
    email_status = models.BooleanField(NotificationKind.STATUS.label, default=True)
    email_reply = models.BooleanField(NotificationKind.REPLY.label, default=True)
    email_moderation = models.BooleanField(
        NotificationKind.MODERATION.label, default=True
    )
    daily_digest = models.BooleanField(
        _("E-Mails einmal täglich gesammelt statt einzeln"), default=False
    )

    class Meta:
        verbose_name = _("Benachrichtigungseinstellungen")
        verbose_name_plural = _("Benachrichtigungseinstellungen")

    def __str__(self) -> str:
        return str(self.user)

    def wants_email(self, kind: str) -> bool:
        return getattr(self, f"email_{kind}")


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """One line in the person's in-portal list; emailed at once or in the digest."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=20, choices=NotificationKind.choices)
    message = models.CharField(max_length=300)
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("Benachrichtigung")
        verbose_name_plural = _("Benachrichtigungen")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["user", "-created_at"], name="notification_list")
        ]

    def __str__(self) -> str:
        return self.message
