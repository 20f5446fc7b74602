"""Numbers of the monitoring as people read them: localized, with unit and reason."""

from django import template
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

register = template.Library()


def _format(number, decimals: int) -> str:
    return floatformat(number, f"{decimals}g")


@register.simple_tag
def show_value(value, indicator, *, unit: bool = True):
    """A value with its unit; a suppressed one as its sign with the reason, never 0."""
    if value is None:
        return format_html('<span class="figure-missing">{}</span>', _("keine Angabe"))
    if value.value is None:
        return format_html(
            '<abbr class="figure-suppressed" title="{reason}">{sign}</abbr>'
            '<span class="visually-hidden"> {reason}</span>',
            sign=value.suppression_sign,
            reason=value.get_suppressed_display(),
        )
    text = _format(value.value, indicator.decimals)
    if unit and indicator.unit_symbol:
        text = f"{text} {indicator.unit_symbol}"
    if value.status == value.Status.PROVISIONAL:
        return format_html(
            '{} <abbr class="figure-provisional" title="{}">{}</abbr>',
            text,
            _("vorläufiger Wert"),
            _("vorl."),
        )
    return text


@register.simple_tag
def show_number(number, decimals: int = 1):
    return "" if number is None else _format(number, decimals)


@register.simple_tag
def show_change(number, decimals: int = 1):
    """A difference with its sign: +1,2 or −0,5 (a real minus sign), 0 as ±0."""
    if number is None:
        return "–"
    if number == 0:
        return "±" + _format(0, decimals)
    sign = "+" if number > 0 else "\u2212"
    return sign + _format(abs(number), decimals)


# The map's two long loops are built here rather than in the template: a
# planning-area map has a thousand areas, and a template loop over them took more
# time than everything else the page does.


@register.simple_tag
def choropleth_areas(shapes):
    """One SVG path per area, coloured by its class; its name as the tooltip."""
    return format_html_join(
        "",
        '<path class="choropleth__area {}" d="{}"><title>{}</title></path>',
        (
            (
                "choropleth__area--missing"
                if shape["class_index"] is None
                else f"choropleth--p{shape['palette']}",
                shape["d"],
                shape["area"].name,
            )
            for shape in shapes
        ),
    )


@register.simple_tag
def choropleth_rows(shapes, indicator):
    """The table under the map: area, value (or why it is missing) and class."""
    # One reverse() for all rows: the links differ only in the code, a slug, which
    # reverse() would put in unquoted anyway. A reverse() per row cost more than
    # the rest of the row.
    head, tail = reverse("monitoring:area", kwargs={"code": "code"}).rsplit("code", 1)
    return format_html_join(
        "",
        '<tr><th scope="row"><a href="{}">{}</a></th><td>{}</td><td>{}</td></tr>',
        (
            (
                head + shape["area"].code + tail,
                shape["area"].name,
                show_value(shape["value"], indicator),
                "–" if shape["class_index"] is None else shape["class_index"] + 1,
            )
            for shape in shapes
        ),
    )
