from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from quartier.core.ratelimit import TOO_MANY, mail_form_refused

from .forms import FeedbackForm
from .models import StandardPage
from .services import feedback_create


@require_POST
def feedback_submit(request: HttpRequest, page_id: int) -> HttpResponse:
    """Takes the form at the end of the accessibility or contact page."""
    page = (
        StandardPage.objects.live().filter(pk=page_id).exclude(feedback_form="").first()
    )
    if page is None:
        raise Http404
    form = FeedbackForm(request.POST)
    if form.is_valid() and mail_form_refused(
        request, "feedback", target=f"page:{page.pk}"
    ):
        form.add_error(None, TOO_MANY)
    if form.is_valid():
        data = form.cleaned_data
        feedback_create(
            kind=data["kind"],
            message=data["message"],
            page_url=data["page_url"],
            name=data["name"],
            email=data["email"],
        )
        messages.success(
            request, _("Danke! Ihre Nachricht ist angekommen. Wir melden uns bald.")
        )
        return redirect(page.url)
    context = page.get_context(request)
    context["feedback_form"] = form
    return TemplateResponse(request, page.get_template(request), context)
