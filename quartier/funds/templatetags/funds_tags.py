from decimal import Decimal

from django import template

from quartier.core.i18n import local_money

register = template.Library()


@register.filter
def cents(value) -> str:
    """Decimal("1234.5") → "1.234,50 €" / "€1,234.50": with cents, for money records."""
    if value is None or value == "":
        return ""
    return local_money(Decimal(value).quantize(Decimal("0.01")), decimal_pos=2)
