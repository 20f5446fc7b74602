"""The applicant's side: starting, editing and listing their own applications."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from quartier.accounts.permissions import is_verified

from .. import services
from ..forms import (
    ApplicationForm,
    CostItemFormSet,
)
from ..models import (
    Fund,
    FundApplication,
)
from ..permissions import get_application_for_user

EMPTY_COST_ROWS = 3


@require_POST
@login_required
def application_start(request: HttpRequest, slug: str) -> HttpResponse:
    fund = get_object_or_404(Fund, slug=slug)
    if not is_verified(request.user):
        messages.error(request, _("Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse."))
        return redirect(fund)
    try:
        application = services.application_start(fund=fund, applicant=request.user)
    except services.FundError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(fund)
    return redirect("funds:application_edit", pk=application.pk)


@login_required
def my_applications(request: HttpRequest) -> HttpResponse:
    applications = (
        FundApplication.objects.filter(applicant=request.user)
        .select_related("fund")
        .order_by("-updated_at")
    )
    return render(
        request, "funds/application_list_own.html", {"applications": applications}
    )


def _cost_formset(application: FundApplication, data=None, extra_rows=EMPTY_COST_ROWS):
    initial = [
        {"description": item.description, "amount": item.amount}
        for item in application.cost_items.all()
    ] + [{} for _row in range(extra_rows)]
    if data is not None:
        return CostItemFormSet(data, prefix="kosten")
    return CostItemFormSet(initial=initial, prefix="kosten")


def _edit_context(application, form, formset, problems=None) -> dict:
    return {
        "application": application,
        "fund": application.fund,
        "form": form,
        "formset": formset,
        "problems": problems,
        "left": application.fund.left(timezone.localdate().year),
    }


@login_required
def application_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The applicant's form: every POST saves the draft, whatever else happens."""
    application = get_application_for_user(
        request.user, pk, perm="funds.change_application"
    )
    if request.method != "POST":
        form = ApplicationForm(instance=application)
        context = _edit_context(
            application,
            form,
            _cost_formset(application),
            services.application_problems(application),
        )
        return render(request, "funds/application_form.html", context)

    form = ApplicationForm(request.POST, instance=application)
    formset = _cost_formset(application, data=request.POST)
    action = request.POST.get("action", "save")
    form_ok = form.is_valid()
    # Keep every field that is fine on its own, so an error elsewhere loses nothing.
    fields = {
        name: value
        for name, value in form.cleaned_data.items()
        if name not in form.errors
    }
    formset_ok = formset.is_valid()
    items = (
        formset.items()
        if formset_ok
        else [
            (f.cleaned_data["description"], f.cleaned_data["amount"])
            for f in formset.forms
            if not f.errors
            and f.cleaned_data.get("description")
            and f.cleaned_data.get("amount") is not None
        ]
    )
    application = services.application_update(
        application=application, fields=fields, cost_items=items
    )
    if request.htmx and action == "autosave":
        # Background save while typing (progressive enhancement): nothing to swap.
        return HttpResponse(status=204)
    application = get_application_for_user(
        request.user, pk, perm="funds.change_application"
    )
    if form_ok and formset_ok:
        if action == "add_row":
            formset = _cost_formset(application, extra_rows=EMPTY_COST_ROWS + 2)
            messages.success(request, _("Gespeichert. Neue Zeilen sind unten."))
        elif action == "submit":
            try:
                services.application_submit(application=application, actor=request.user)
            except services.FundError as error:
                context = _edit_context(
                    application,
                    ApplicationForm(instance=application),
                    _cost_formset(application),
                    error.messages,
                )
                context["submit_failed"] = True
                return render(request, "funds/application_form.html", context)
            messages.success(request, _("Ihr Antrag ist eingereicht. Vielen Dank!"))
            return redirect(application)
        else:
            messages.success(request, _("Ihr Entwurf ist gespeichert."))
            return redirect("funds:application_edit", pk=application.pk)
    context = _edit_context(
        application, form, formset, services.application_problems(application)
    )
    context["saved_partly"] = True
    return render(request, "funds/application_form.html", context)
