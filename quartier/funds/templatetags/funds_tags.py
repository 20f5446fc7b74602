from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def cents(value) -> str:
    """Decimal("1234.5") → "1.234,50 €": German format with cents, for money records."""
    if value is None or value == "":
        return ""
    amount = Decimal(value).quantize(Decimal("0.01"))
    text = f"{amount:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return f"{text} €"
