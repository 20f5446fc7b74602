from django import template

from quartier.cms.forms import FeedbackForm
from quartier.cms.models import StandardPage

register = template.Library()


@register.simple_tag(takes_context=True)
def feedback_form_for(context, page: StandardPage) -> FeedbackForm | None:
    """The form at the end of `page`: the one sent back with errors, or an empty one.

    Built here and not in `StandardPage.get_context`, so the models need not import the
    form that is made from them (ARCHITECTURE.md, "Imports").
    """
    if (form := context.get("feedback_form")) is not None:
        return form
    if not page.feedback_form:
        return None
    # "Barriere melden" links carry the page the visitor came from.
    came_from = context["request"].GET.get("seite", "")[:500]
    return FeedbackForm(initial={"kind": page.feedback_form, "page_url": came_from})
