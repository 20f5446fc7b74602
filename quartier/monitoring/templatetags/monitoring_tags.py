"""Numbers of the monitoring as people read them: localized, with unit and reason."""

from django import template
from django.template.defaultfilters import floatformat
from django.utils.html import format_html
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
