"""Community and local economy: actors, volunteering, neighbourhood help, vacant units.

Messages between residents and organisations go through `Conversation`/`Message`, so no
email address is ever shown on the site.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.validators import FileExtensionValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from quartier.core.opening_hours import (
    Closure,
    OpeningPeriod,
    OpeningState,
    opening_state,
)
from quartier.quarters.models import Quarter

HELP_POST_DAYS = 30  # default lifetime of a Biete/Suche post
REMINDER_DAYS = 3  # remind the author this many days before a post expires


class Language(models.Model):
    """A language an organisation or business speaks (filterable, so a model)."""

    code = models.SlugField(_("Kürzel"), max_length=10, unique=True)
    name = models.CharField(_("Sprache"), max_length=50)
    sort_order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Sprache")
        verbose_name_plural = _("Sprachen")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class TargetGroup(models.Model):
    """Whom an offer is for: children, families, seniors, newcomers ..."""

    slug = models.SlugField(_("Kürzel"), unique=True)
    name = models.CharField(_("Zielgruppe"), max_length=80)
    sort_order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Zielgruppe")
        verbose_name_plural = _("Zielgruppen")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class OrganisationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def actors(self):
        """The directory of clubs, institutions, initiatives: everything but businesses."""
        return self.exclude(kind=Organisation.Kind.BUSINESS)

    def businesses(self):
        return self.filter(kind=Organisation.Kind.BUSINESS)

    def in_quarter(self, quarter):
        return self.filter(quarters=quarter) if quarter else self

    def for_list(self):
        """Everything a list row or map point shows, in a fixed number of queries."""
        return self.prefetch_related(
            "languages",
            "target_groups",
            Prefetch("quarters", queryset=Quarter.objects.only("pk", "name", "slug")),
            "hours",
            "closures",
        ).annotate(
            is_claimed=Exists(
                Membership.objects.filter(
                    organisation=OuterRef("pk"), verified_at__isnull=False
                )
            )
        )

    def for_user(self, user):
        """The entries `user` may manage in the admin: by quarter team, or all."""
        from quartier.quarters.permissions import is_city_editor

        if not user.is_authenticated:
            return self.none()
        if is_city_editor(user):
            return self
        return self.filter(
            pk__in=Organisation.objects.filter(
                quarters__team__in=user.groups.all()
            ).values("pk")
        )


class Organisation(ClusterableModel):
    """A club, association, institution or business active in one or more quarters.

    Its members (verified by a quarter team) act for it: publish events, answer enquiries.
    """

    class Kind(models.TextChoices):
        CLUB = "club", _("Verein")
        INITIATIVE = "initiative", _("Initiative")
        CHURCH = "church", _("Kirchengemeinde")
        SCHOOL = "school", _("Schule")
        DAYCARE = "daycare", _("Kindertagesstätte")
        SOCIAL_SERVICE = "social_service", _("Sozialer Träger")
        HOUSING = "housing", _("Wohnungsunternehmen")
        BUSINESS = "business", _("Unternehmen")
        PUBLIC = "public", _("Öffentliche Einrichtung")

    class BusinessCategory(models.TextChoices):
        SHOP = "shop", _("Einzelhandel")
        CRAFT = "craft", _("Handwerk")
        GASTRONOMY = "gastronomy", _("Gastronomie")
        SERVICE = "service", _("Dienstleistung")
        HEALTH = "health", _("Gesundheit")

    name = models.CharField(_("Name"), max_length=200)
    slug = models.SlugField(_("Kürzel"), unique=True)
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    quarters = models.ManyToManyField(
        Quarter, related_name="organisations", verbose_name=_("Quartiere")
    )
    description = models.TextField(_("Beschreibung"), blank=True)
    website = models.URLField(_("Website"), blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="Membership",
        through_fields=("organisation", "user"),
        related_name="organisations",
        blank=True,
    )
    # Directory fields (issue 7). An organisation's own contact data is public by
    # choice; a private person's never is.
    street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    postcode = models.CharField(_("PLZ"), max_length=10, blank=True)
    city = models.CharField(_("Ort"), max_length=100, default="Osnabrück")
    longitude = models.FloatField(_("Längengrad"), null=True, blank=True)
    latitude = models.FloatField(_("Breitengrad"), null=True, blank=True)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    contact_email = models.EmailField(
        _("E-Mail für Anfragen"),
        blank=True,
        help_text=_(
            "Wird nie angezeigt. Nachrichten über das Portal gehen hierhin, "
            "solange niemand den Eintrag betreut."
        ),
    )
    languages = models.ManyToManyField(
        Language, blank=True, related_name="organisations", verbose_name=_("Sprachen")
    )
    target_groups = models.ManyToManyField(
        TargetGroup,
        blank=True,
        related_name="organisations",
        verbose_name=_("Zielgruppen"),
    )
    step_free = models.BooleanField(
        _("Stufenloser Zugang"),
        default=False,
        help_text=_("Eingang ohne Stufen oder mit Rampe"),
    )
    accessibility = models.TextField(
        _("Barrierefreiheit"), blank=True, help_text=_("z. B. WC, Parkplatz, Aufzug")
    )
    business_category = models.CharField(
        _("Branche"), max_length=20, choices=BusinessCategory.choices, blank=True
    )
    delivers = models.BooleanField(_("Lieferservice"), default=False)
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Bild"),
    )
    is_published = models.BooleanField(_("veröffentlicht"), default=True)
    is_demo = models.BooleanField(
        _("Demo-Eintrag"),
        default=False,
        help_text=_("Erfundener Eintrag, wird als Demo gekennzeichnet."),
    )
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("Organisation")
        verbose_name_plural = _("Organisationen")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(longitude__isnull=True, latitude__isnull=True)
                | Q(longitude__range=(-180, 180), latitude__range=(-90, 90)),
                name="organisation_point_in_wgs84",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("community:organisation_detail", kwargs={"slug": self.slug})

    @property
    def is_business(self) -> bool:
        return self.kind == self.Kind.BUSINESS

    @property
    def address(self) -> str:
        return f"{self.street}, {self.postcode} {self.city}" if self.street else ""

    @property
    def has_point(self) -> bool:
        return self.longitude is not None and self.latitude is not None

    def opening_state(self, at=None) -> OpeningState:
        """Uses prefetched hours and closures (see `for_list`)."""
        return opening_state(self.hours.all(), self.closures.all(), at)


class OrganisationHours(OpeningPeriod):
    organisation = ParentalKey(
        Organisation, on_delete=models.CASCADE, related_name="hours"
    )

    class Meta(OpeningPeriod.Meta):
        verbose_name = _("Öffnungszeit")
        verbose_name_plural = _("Öffnungszeiten")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes__gt=models.F("opens")),
                name="organisation_hours_close_after_open",
            )
        ]


class OrganisationClosure(Closure):
    organisation = ParentalKey(
        Organisation, on_delete=models.CASCADE, related_name="closures"
    )

    class Meta(Closure.Meta):
        verbose_name = _("Schließzeit")
        verbose_name_plural = _("Schließzeiten")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="organisation_closure_ends_after_start",
            )
        ]


class MembershipQuerySet(models.QuerySet):
    def verified(self):
        return self.filter(verified_at__isnull=False)

    def pending(self):
        return self.filter(verified_at__isnull=True)


class Membership(models.Model):
    """A person acting for an organisation; pending until a quarter team verifies it.

    A claim of an entry is a pending membership with a message to the team.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    verified_at = models.DateTimeField(_("bestätigt am"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    role = models.CharField(
        _("Funktion"), max_length=100, blank=True, help_text=_("z. B. Vorstand")
    )
    message = models.TextField(
        _("Nachricht an das Quartiersteam"),
        blank=True,
        help_text=_("Woran erkennt das Team, dass Sie für die Organisation handeln?"),
    )
    requested_at = models.DateTimeField(_("angefragt am"), default=timezone.now)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("Mitgliedschaft")
        verbose_name_plural = _("Mitgliedschaften")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"], name="membership_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation}"

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None


class OpportunityQuerySet(models.QuerySet):
    def open(self):
        today = timezone.localdate()
        return self.filter(status=Opportunity.Status.OPEN).filter(
            Q(expires_on__isnull=True) | Q(expires_on__gte=today)
        )

    def for_list(self):
        return self.select_related("organisation", "quarter")


class Opportunity(models.Model):
    """Ehrenamt: a task an organisation (or the quarter team) looks for volunteers for."""

    class Commitment(models.TextChoices):
        ONE_OFF = "one_off", _("einmalig")
        REGULAR = "regular", _("regelmäßig")

    class Status(models.TextChoices):
        OPEN = "open", _("offen")
        FILLED = "filled", _("besetzt")
        CLOSED = "closed", _("beendet")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="opportunities",
        verbose_name=_("Organisation"),
    )
    quarter = models.ForeignKey(
        Quarter,
        on_delete=models.CASCADE,
        related_name="opportunities",
        verbose_name=_("Quartier"),
    )
    title = models.CharField(_("Aufgabe"), max_length=150)
    description = models.TextField(_("Beschreibung"))
    commitment = models.CharField(
        _("Art des Einsatzes"), max_length=10, choices=Commitment.choices
    )
    time_needed = models.CharField(
        _("Zeitaufwand"), max_length=150, help_text=_("z. B. zwei Stunden pro Woche")
    )
    skills = models.CharField(_("Was Sie mitbringen"), max_length=300, blank=True)
    place = models.CharField(_("Ort"), max_length=200, blank=True)
    contact_name = models.CharField(
        _("Ansprechperson"),
        max_length=100,
        blank=True,
        help_text=_("Vorname oder Funktion genügt."),
    )
    status = models.CharField(
        _("Status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    expires_on = models.DateField(_("gesucht bis"), null=True, blank=True)
    created_at = models.DateTimeField(_("eingestellt am"), default=timezone.now)
    is_demo = models.BooleanField(_("Demo-Eintrag"), default=False)

    objects = OpportunityQuerySet.as_manager()

    class Meta:
        verbose_name = _("Engagement-Angebot")
        verbose_name_plural = _("Engagement-Angebote")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("community:opportunity_detail", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN and (
            self.expires_on is None or self.expires_on >= timezone.localdate()
        )


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

    starter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
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
            models.CheckConstraint(
                condition=Q(recipient__isnull=True, organisation__isnull=False)
                | Q(recipient__isnull=False, organisation__isnull=True),
                name="conversation_one_other_side",
            )
        ]

    def __str__(self) -> str:
        return self.subject

    def get_absolute_url(self) -> str:
        return reverse("community:conversation_detail", kwargs={"pk": self.pk})


class Message(models.Model):
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    body = models.TextField(_("Nachricht"), max_length=4000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("Nachricht")
        verbose_name_plural = _("Nachrichten")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.conversation}: {self.created_at:%d.%m.%Y %H:%M}"


class VacancyQuerySet(models.QuerySet):
    def listed(self):
        """Public listings: available or reserved, not yet let."""
        return self.filter(
            is_published=True,
            status__in=[Vacancy.Status.AVAILABLE, Vacancy.Status.RESERVED],
        )

    def for_list(self):
        return self.select_related("quarter", "photo")

    def for_user(self, user):
        from quartier.quarters.permissions import is_city_editor

        if not user.is_authenticated:
            return self.none()
        if is_city_editor(user):
            return self
        return self.filter(quarter__team__in=user.groups.all())


def floor_plan_path(instance: Vacancy, filename: str) -> str:
    return f"leerstand/{instance.quarter_id}/{filename}"


class Vacancy(models.Model):
    """Leerstand: a vacant commercial unit. Rows stay after letting, for the history."""

    class UseClass(models.TextChoices):
        RETAIL = "retail", _("Laden / Einzelhandel")
        GASTRONOMY = "gastronomy", _("Gastronomie")
        OFFICE = "office", _("Büro / Praxis")
        WORKSHOP = "workshop", _("Werkstatt / Handwerk")
        OTHER = "other", _("Sonstiges")

    class Status(models.TextChoices):
        AVAILABLE = "available", _("frei")
        RESERVED = "reserved", _("reserviert")
        LET = "let", _("vermietet")
        WITHDRAWN = "withdrawn", _("zurückgezogen")

    quarter = models.ForeignKey(
        Quarter,
        on_delete=models.CASCADE,
        related_name="vacancies",
        verbose_name=_("Quartier"),
    )
    title = models.CharField(_("Titel"), max_length=150)
    street = models.CharField(_("Straße und Hausnummer"), max_length=200)
    postcode = models.CharField(_("PLZ"), max_length=10)
    longitude = models.FloatField(_("Längengrad"), null=True, blank=True)
    latitude = models.FloatField(_("Breitengrad"), null=True, blank=True)
    area_m2 = models.DecimalField(
        _("Fläche (m²)"),
        max_digits=7,
        decimal_places=1,
        validators=[MinValueValidator(1)],
    )
    use_class = models.CharField(
        _("Nutzungsart"), max_length=20, choices=UseClass.choices
    )
    rent_min = models.DecimalField(
        _("Kaltmiete von (Euro/Monat)"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
    )
    rent_max = models.DecimalField(
        _("Kaltmiete bis (Euro/Monat)"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Leer lassen heißt: Miete auf Anfrage."),
    )
    available_from = models.DateField(_("verfügbar ab"), null=True, blank=True)
    description = models.TextField(_("Beschreibung"), blank=True)
    interim_use = models.BooleanField(
        _("Zwischennutzung möglich"),
        default=False,
        help_text=_("z. B. für Pop-up-Läden, Ausstellungen, Initiativen"),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Foto"),
    )
    floor_plan = models.FileField(
        _("Grundriss (PDF)"),
        upload_to=floor_plan_path,
        blank=True,
        validators=[FileExtensionValidator(["pdf"])],
    )
    contact_email = models.EmailField(
        _("E-Mail für Anfragen"),
        help_text=_("Wird nie angezeigt; Anfragen über das Formular gehen hierhin."),
    )
    status = models.CharField(
        _("Status"), max_length=10, choices=Status.choices, default=Status.AVAILABLE
    )
    vacant_since = models.DateField(_("leer seit"), default=timezone.localdate)
    vacant_until = models.DateField(
        _("leer bis"),
        null=True,
        blank=True,
        help_text=_("Wann der Leerstand endete (Vermietung)."),
    )
    is_published = models.BooleanField(_("veröffentlicht"), default=True)
    is_demo = models.BooleanField(_("Demo-Eintrag"), default=False)

    objects = VacancyQuerySet.as_manager()

    class Meta:
        verbose_name = _("Leerstand")
        verbose_name_plural = _("Leerstände")
        ordering = ["-vacant_since"]
        constraints = [
            models.CheckConstraint(
                condition=Q(rent_min__isnull=True)
                | Q(rent_max__isnull=True)
                | Q(rent_max__gte=models.F("rent_min")),
                name="vacancy_rent_range_ordered",
            ),
            models.CheckConstraint(
                condition=Q(vacant_until__isnull=True)
                | Q(vacant_until__gte=models.F("vacant_since")),
                name="vacancy_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True, latitude__isnull=True)
                | Q(longitude__range=(-180, 180), latitude__range=(-90, 90)),
                name="vacancy_point_in_wgs84",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.street})"

    def get_absolute_url(self) -> str:
        return reverse("community:vacancy_detail", kwargs={"pk": self.pk})

    @property
    def rent_on_request(self) -> bool:
        return self.rent_min is None and self.rent_max is None

    @property
    def has_point(self) -> bool:
        return self.longitude is not None and self.latitude is not None

    @property
    def address(self) -> str:
        return f"{self.street}, {self.postcode} Osnabrück"


class VacancyEnquiry(models.Model):
    """Someone interested in a unit; relayed by mail to the hidden contact address."""

    vacancy = models.ForeignKey(
        Vacancy, on_delete=models.CASCADE, related_name="enquiries"
    )
    name = models.CharField(_("Ihr Name"), max_length=100)
    email = models.EmailField(
        _("Ihre E-Mail-Adresse"),
        help_text=_("Nur der Anbieter erhält sie, damit er Ihnen antworten kann."),
    )
    message = models.TextField(_("Ihre Nachricht"), max_length=3000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("Anfrage zu Leerstand")
        verbose_name_plural = _("Anfragen zu Leerständen")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.vacancy} – {self.created_at:%d.%m.%Y}"
