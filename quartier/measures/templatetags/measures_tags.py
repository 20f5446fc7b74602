from decimal import Decimal

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def euro_short(value) -> str:
    """Axis labels: 1500000 → "1,5 Mio. €", 250000 → "250 Tsd. €"."""
    value = Decimal(value or 0)
    if value >= 1_000_000:
        number = f"{value / 1_000_000:.1f}".replace(".", ",").removesuffix(",0")
        return _("%(n)s Mio. €") % {"n": number}
    if value >= 1_000:
        return _("%(n)s Tsd. €") % {"n": f"{value / 1_000:.0f}"}
    return f"{value:.0f} €"


@register.filter
def filesize_de(num_bytes) -> str:
    if num_bytes is None:
        return ""
    if num_bytes >= 1024 * 1024:
        return f"{num_bytes / 1024 / 1024:.1f} MB".replace(".", ",")
    return f"{max(1, round(num_bytes / 1024))} KB"


@register.filter
def tens(value) -> int:
    """65 → 60: progress bars use one CSS class per step (no inline styles under our CSP)."""
    return max(0, min(100, int(value or 0) // 10 * 10))
