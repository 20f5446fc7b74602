"""The one StreamField vocabulary every editorial page shares."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from quartier.core.validators import link_scheme_allowed, validate_link

RICH_TEXT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class LinkValue(blocks.StructValue):
    def href(self) -> str:
        page = self.get("page")
        if page:
            return page.localized.url
        url = self.get("url", "")
        # Rows saved before the validator existed may still hold javascript: links.
        return url if link_scheme_allowed(url) else ""


class LinkBlock(blocks.StructBlock):
    """A link to a page of ours or to an address: one of the two (or none, if optional)."""

    page = blocks.PageChooserBlock(label=_("Seite"), required=False)
    url = blocks.CharBlock(
        label=_("oder Adresse"),
        required=False,
        max_length=300,
        validators=[validate_link],
        help_text=_("z. B. /api/v1/docs/ oder https://…"),
    )

    def __init__(self, *args, optional: bool = False, **kwargs):
        self.optional = optional
        super().__init__(*args, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        has_page, has_url = bool(value.get("page")), bool(value.get("url"))
        if (has_page and has_url) or not (has_page or has_url or self.optional):
            raise ValidationError(
                _("Bitte genau eine Seite oder eine Adresse angeben.")
            )
        return value

    class Meta:
        value_class = LinkValue


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Zitat"))
    attribution = blocks.CharBlock(label=_("Von wem"), required=False)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"


class FactRowBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Bezeichnung"))
    value = blocks.CharBlock(label=_("Wert"))


class FactsTableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(label=_("Überschrift der Tabelle"))
    rows = blocks.ListBlock(FactRowBlock(), label=_("Zeilen"))
    source = blocks.CharBlock(label=_("Quelle"), required=False)

    class Meta:
        icon = "table"
        template = "blocks/facts_table_block.html"


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"))
    text = blocks.TextBlock(label=_("Text"), required=False)
    link_text = blocks.CharBlock(label=_("Linktext"))
    link = LinkBlock(label=_("Ziel"))

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action_block.html"


class ThemeBlock(blocks.StructBlock):
    """One theme of Quartiersarbeit on the overview page, with where the portal serves it."""

    title = blocks.CharBlock(label=_("Thema"))
    text = blocks.TextBlock(label=_("Erklärung"))
    link_text = blocks.CharBlock(label=_("Linktext"), required=False)
    link = LinkBlock(label=_("Ziel"), optional=True)

    class Meta:
        icon = "tag"


class ThemesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Überschrift"))
    themes = blocks.ListBlock(ThemeBlock(), label=_("Themen"))

    class Meta:
        icon = "list-ul"
        template = "blocks/themes_block.html"


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("Zwischenüberschrift"),
        form_classname="title",
        template="blocks/heading_block.html",
    )
    paragraph = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)
    image = ImageBlock(label=_("Bild"), template="blocks/image_block.html")
    quote = QuoteBlock(label=_("Zitat"))
    facts = FactsTableBlock(label=_("Faktentabelle"))
    call_to_action = CallToActionBlock(label=_("Handlungsaufruf"))
    themes = ThemesBlock(label=_("Themenliste"))
