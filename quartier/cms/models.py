"""Editorial pages. Domain data (quarters, offices, later ideas and events) are plain models."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from quartier.measures.models import Measure
from quartier.monitoring.figures import quarter_panel
from quartier.quarters.maps import overview_map, quarter_map
from quartier.quarters.models import Quarter

from .blocks import BodyBlock
from .feeds import NewsFeed


class HomePage(Page):
    """The overview "Stadtquartiere und Quartiersarbeit"; one per language tree."""

    intro = models.TextField(_("Einleitung"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("Inhalt"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["cms.QuarterIndexPage", "cms.StandardPage"]
    max_count = 2  # one per language tree (de, en)

    class Meta:
        verbose_name = _("Startseite")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        quarter_pages = QuarterPage.objects.cards(self.locale)
        context["quarter_pages"] = quarter_pages
        context["overview_map"] = overview_map(quarter_pages)
        return context


class QuarterIndexPage(Page):
    intro = models.TextField(_("Einleitung"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.QuarterPage"]
    max_count = 2

    class Meta:
        verbose_name = _("Übersicht der Quartiere")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        quarter_pages = QuarterPage.objects.cards(self.locale)
        context["quarter_pages"] = quarter_pages
        context["overview_map"] = overview_map(quarter_pages)
        return context


class QuarterPageQuerySet(PageQuerySet):
    def cards(self, locale):
        """Live quarter pages of one language, ready for cards: one query."""
        return (
            self.live()
            .filter(locale=locale)
            .exclude(quarter__status=Quarter.Status.PLANNED)
            .select_related("quarter")
            .order_by("quarter__sort_order", "quarter__name")
        )


QuarterPageManager = PageManager.from_queryset(QuarterPageQuerySet)


class QuarterPage(Page):
    """The "Mehr erfahren" page of one quarter."""

    quarter = models.ForeignKey(
        Quarter,
        on_delete=models.PROTECT,
        related_name="pages",
        verbose_name=_("Quartier"),
    )
    teaser = models.CharField(
        _("Kurzbeschreibung"),
        max_length=200,
        help_text=_("Ein Satz für die Karte auf der Übersicht."),
    )
    intro = models.TextField(_("Einleitung"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("Inhalt"))

    objects = QuarterPageManager()

    content_panels = [
        *Page.content_panels,
        FieldPanel("quarter"),
        MultiFieldPanel(
            [FieldPanel("teaser"), FieldPanel("intro")], heading=_("Kurz gesagt")
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("teaser"),
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["cms.QuarterIndexPage"]
    subpage_types = ["cms.NewsIndexPage", "cms.StandardPage"]

    class Meta:
        verbose_name = _("Quartiersseite")

    def clean(self) -> None:
        super().clean()
        # Printed flyers carry /quartiere/<slug>/: the page slug is the quarter's.
        if self.quarter_id and self.slug != self.quarter.slug:
            raise ValidationError(
                {
                    "slug": _(
                        "Die Adresse muss dem Kürzel des Quartiers entsprechen: %(slug)s"
                    )
                    % {"slug": self.quarter.slug}
                }
            )
        # One page per quarter and language (a table constraint cannot reach Page.locale).
        duplicates = QuarterPage.objects.filter(
            quarter_id=self.quarter_id, locale_id=self.locale_id
        ).exclude(pk=self.pk)
        if self.quarter_id and duplicates.exists():
            raise ValidationError(
                {
                    "quarter": _(
                        "Dieses Quartier hat in dieser Sprache schon eine Seite."
                    )
                }
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        quarter = (
            Quarter.objects.filter(pk=self.quarter_id)
            .prefetch_related("programmes__programme", "districts", "team_members")
            .get()
        )
        offices = list(quarter.offices.with_hours())
        news_index = NewsIndexPage.objects.live().child_of(self).first()
        context.update(
            quarter=quarter,
            offices=offices,
            map=quarter_map(quarter, offices),
            news_index=news_index,
            news=news_index.news()[:3] if news_index else [],
            measure_counts=Measure.objects.teaser_for(quarter),
            upcoming_events=quarter.events.next_occurrences(),
            monitoring_panel=quarter_panel(quarter),
        )
        return context


class NewsIndexPage(RoutablePageMixin, Page):
    """A quarter's news ("Aktuelles"), with an Atom feed."""

    intro = models.TextField(_("Einleitung"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.QuarterPage"]
    subpage_types = ["cms.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Nachrichtenübersicht")

    def news(self):
        return NewsPage.objects.live().child_of(self).order_by("-date", "-pk")

    def get_context(self, request, *args, **kwargs):
        from django.core.paginator import Paginator

        context = super().get_context(request, *args, **kwargs)
        context["news_page"] = Paginator(self.news(), 12).get_page(
            request.GET.get("seite")
        )
        return context

    @path("feed/", name="feed")
    def feed(self, request):

        return NewsFeed()(request, index_page=self)


class NewsPage(Page):
    date = models.DateField(_("Datum"))
    intro = models.TextField(_("Vorspann"))
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Bild"),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("Inhalt"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("Nachricht")
        verbose_name_plural = _("Nachrichten")


class StandardPage(Page):
    """Plain editorial page: legal pages, explanations, a quarter's sub-pages."""

    class FeedbackForm(models.TextChoices):
        NONE = "", _("kein Formular")
        ACCESSIBILITY = "accessibility", _("Barriere melden")
        CONTACT = "contact", _("Kontakt")

    intro = models.TextField(_("Einleitung"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("Inhalt"))
    feedback_form = models.CharField(
        _("Formular am Ende"),
        max_length=20,
        choices=FeedbackForm.choices,
        blank=True,
        default="",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("feedback_form"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["cms.HomePage", "cms.QuarterPage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]

    class Meta:
        verbose_name = _("Inhaltsseite")


class Feedback(models.Model):
    """A message from the accessibility feedback or contact form; staff answer it."""

    class Kind(models.TextChoices):
        ACCESSIBILITY = "accessibility", _("Barriere melden")
        CONTACT = "contact", _("Kontakt")

    class Status(models.TextChoices):
        NEW = "new", _("neu")
        ANSWERED = "answered", _("beantwortet")

    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("Name"), max_length=100, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    page_url = models.CharField(_("Betroffene Seite"), max_length=500, blank=True)
    message = models.TextField(_("Nachricht"))
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    created_at = models.DateTimeField(_("eingegangen"), auto_now_add=True)

    class Meta:
        verbose_name = _("Rückmeldung")
        verbose_name_plural = _("Rückmeldungen")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.created_at:%d.%m.%Y %H:%M}"
