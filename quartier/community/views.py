"""Public pages of the community app: glue between forms, services and templates."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from quartier.core.csv import MACHINE_QUERY, Column, csv_response
from quartier.core.ratelimit import TOO_MANY, mail_form_refused
from quartier.quarters.models import Quarter
from quartier.quarters.permissions import is_city_editor

from . import services
from .forms import (
    ClaimForm,
    HelpPostFilterForm,
    HelpPostForm,
    HoursFormSet,
    MessageForm,
    ModerationForm,
    OpportunityFilterForm,
    OpportunityForm,
    OrganisationFilterForm,
    OrganisationForm,
    ReplyForm,
    ReportForm,
    VacancyEnquiryForm,
    VacancyFilterForm,
    VacancySubmitForm,
)
from .maps import points_map
from .models import (
    CommercialStock,
    Conversation,
    HelpPost,
    Membership,
    Opportunity,
    Organisation,
    Vacancy,
)
from .permissions import (
    can_manage_organisation,
    can_moderate,
    get_conversation_for_user,
    get_help_post_for_user,
    get_organisation_for_user,
    get_vacancy_for_user,
    is_staff_member,
    is_verified,
)
from .reports import vacancy_counts_by_year, vacancy_history_by_address

PER_PAGE = 20


def _page(request: HttpRequest, queryset) -> tuple:
    """One page of rows plus the filter query string for the pagination links."""
    page_obj = Paginator(queryset, PER_PAGE).get_page(request.GET.get("seite"))
    params = request.GET.copy()
    params.pop("seite", None)
    return page_obj, params.urlencode()


def _list_template(request: HttpRequest, name: str) -> str:
    # htmx swaps only the results: the same URL, the partial of the same template.
    return f"{name}#results" if request.htmx else name


def _staff_links(user) -> list[tuple[str, str]]:
    """Links to the staff pages this user may open; none for the public."""
    if not user.is_authenticated:
        return []
    links = []
    if is_staff_member(user):
        links += [
            (
                reverse("community:claim_list"),
                _("Anfragen zur Betreuung von Einträgen"),
            ),
            (reverse("community:vacancy_history"), _("Leerstand im Verlauf")),
            (
                reverse("community:organisation_export"),
                _("Akteure und Betriebe als CSV (für Tabellenkalkulationen)"),
            ),
            (
                reverse("community:organisation_export") + MACHINE_QUERY,
                _("Akteure und Betriebe als CSV, maschinenlesbar"),
            ),
            (
                reverse("community:vacancy_export"),
                _("Leerstände als CSV (für Tabellenkalkulationen)"),
            ),
            (
                reverse("community:vacancy_export") + MACHINE_QUERY,
                _("Leerstände als CSV, maschinenlesbar"),
            ),
        ]
    if can_moderate(user):
        links.append(
            (reverse("community:help_moderation"), _("Moderation Nachbarschaftshilfe"))
        )
    return links


def _map_quarters(form) -> list[Quarter]:
    chosen = form.value("quartier")
    return [chosen] if chosen else list(Quarter.objects.public())


# --- Actors and businesses ----------------------------------------------------


def _directory(request: HttpRequest, *, business: bool) -> HttpResponse:
    form = OrganisationFilterForm(request.GET or None, business=business)
    base = Organisation.objects.published()
    queryset = form.filter(base.businesses() if business else base.actors())
    rows_source = queryset.for_list()
    if business and form.value("geoeffnet"):
        # "Open now" depends on the clock, not on a column: filter in Python before
        # paginating. A quarter has at most a few hundred businesses.
        now = timezone.now()
        rows_source = [org for org in rows_source if org.opening_state(now).is_open]
    page_obj, query = _page(request, rows_source)
    rows = list(page_obj)
    context = {
        "form": form,
        "page_obj": page_obj,
        "rows": rows,
        "query": query,
        "business": business,
        "map": points_map(rows, _map_quarters(form)),
        "staff_links": _staff_links(request.user),
    }
    return render(
        request, _list_template(request, "community/organisation_list.html"), context
    )


def organisation_list(request: HttpRequest) -> HttpResponse:
    return _directory(request, business=False)


def business_list(request: HttpRequest) -> HttpResponse:
    return _directory(request, business=True)


def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_organisation_for_user(request.user, slug)
    return render(
        request,
        "community/organisation_detail.html",
        _organisation_context(request, organisation, message_form=MessageForm()),
    )


def _organisation_context(request, organisation, **extra) -> dict:
    user = request.user
    quarters = list(organisation.quarters.all())
    membership = (
        Membership.objects.filter(organisation=organisation, user=user).first()
        if user.is_authenticated
        else None
    )
    return {
        "organisation": organisation,
        "state": organisation.opening_state(),
        "map": points_map([organisation], quarters[:1])
        if organisation.has_point
        else None,
        "opportunities": [o for o in organisation.opportunities.all() if o.is_open],
        "can_edit": can_manage_organisation(user, organisation),
        "can_write": is_verified(user),
        "membership": membership,
        "today": timezone.localdate(),
        **extra,
    }


@login_required
def organisation_claim(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_organisation_for_user(
        request.user, slug, perm="community.claim_organisation"
    )
    form = ClaimForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_claim(
                organisation=organisation,
                user=request.user,
                message=form.cleaned_data["message"],
                role=form.cleaned_data["role"],
            )
        except services.CommunityError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _(
                    "Danke! Das Quartiersteam prüft Ihre Anfrage und meldet sich per E-Mail."
                ),
            )
            return redirect(organisation)
    return render(
        request,
        "community/organisation_claim.html",
        {"organisation": organisation, "form": form},
    )


@login_required
def organisation_edit(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_organisation_for_user(
        request.user, slug, perm="community.manage_organisation"
    )
    form = OrganisationForm(request.POST or None, instance=organisation)
    hours = HoursFormSet(request.POST or None, instance=organisation, prefix="hours")
    if request.method == "POST" and form.is_valid() and hours.is_valid():
        with transaction.atomic():
            form.save()
            hours.save()
        messages.success(request, _("Der Eintrag ist gespeichert."))
        return redirect(organisation)
    return render(
        request,
        "community/organisation_edit.html",
        {"organisation": organisation, "form": form, "hours": hours},
    )


@require_POST
@login_required
def organisation_message(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_organisation_for_user(
        request.user, slug, perm="community.message_organisation"
    )
    form = MessageForm(request.POST)
    if form.is_valid():
        try:
            conversation = services.conversation_start(
                starter=request.user,
                organisation=organisation,
                subject=_("Nachricht an %(name)s") % {"name": organisation.name},
                body=form.cleaned_data["body"],
            )
        except services.RateLimitExceeded as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Ihre Nachricht ist unterwegs."))
            return redirect(conversation)
    return render(
        request,
        "community/organisation_detail.html",
        _organisation_context(request, organisation, message_form=form),
    )


@login_required
def claim_list(request: HttpRequest) -> HttpResponse:
    """Pending claims for the quarters the user's team manages (all for city editors)."""
    if not is_staff_member(request.user):
        raise Http404
    organisations = Organisation.objects.for_user(request.user)
    claims = (
        Membership.objects.pending()
        .filter(organisation__in=organisations)
        .select_related("organisation", "user")
        .order_by("requested_at")
    )
    return render(request, "community/claim_list.html", {"claims": claims})


@require_POST
@login_required
def claim_decide(request: HttpRequest, pk: int) -> HttpResponse:
    membership = get_object_or_404(
        Membership.objects.pending().select_related("organisation"), pk=pk
    )
    if not request.user.has_perm("community.verify_membership", membership):
        raise Http404
    if request.POST.get("decision") == "verify":
        services.membership_verify(membership=membership, by=request.user)
        messages.success(request, _("Bestätigt."))
    else:
        services.membership_reject(membership=membership, by=request.user)
        messages.success(request, _("Abgelehnt."))
    return redirect("community:claim_list")


# --- Messages -------------------------------------------------------------------


@login_required
def conversation_list(request: HttpRequest) -> HttpResponse:
    conversations = (
        Conversation.objects.for_participant(request.user)
        .select_related("organisation", "starter", "recipient")
        .distinct()
    )
    page_obj, query = _page(request, conversations)
    return render(
        request,
        "community/conversation_list.html",
        {"page_obj": page_obj, "query": query},
    )


@login_required
def conversation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    conversation = get_conversation_for_user(request.user, pk)
    form = ReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.message_send(
                conversation=conversation,
                sender=request.user,
                body=form.cleaned_data["body"],
            )
        except (services.RateLimitExceeded, services.ConversationClosed) as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Ihre Antwort ist unterwegs."))
            return redirect(conversation)
    return render(
        request,
        "community/conversation_detail.html",
        {
            "conversation": conversation,
            "messages_list": conversation.messages.select_related("sender"),
            "form": form,
        },
    )


# --- Neighbourhood help (Biete/Suche) -------------------------------------------


def help_list(request: HttpRequest) -> HttpResponse:
    form = HelpPostFilterForm(request.GET or None)
    page_obj, query = _page(request, form.filter(HelpPost.objects.visible().for_list()))
    return render(
        request,
        _list_template(request, "community/helppost_list.html"),
        {
            "form": form,
            "page_obj": page_obj,
            "query": query,
            "staff_links": _staff_links(request.user),
        },
    )


@login_required
def help_create(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("community.post_help"):
        raise Http404
    form = HelpPostForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {
            k: v for k, v in form.cleaned_data.items() if k in HelpPostForm.Meta.fields
        }
        try:
            post = services.help_post_create(author=request.user, **data)
        except services.RateLimitExceeded as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Ihr Eintrag ist veröffentlicht."))
            return redirect(post)
    return render(request, "community/helppost_form.html", {"form": form})


def help_detail(request: HttpRequest, pk: int) -> HttpResponse:
    post = get_help_post_for_user(request.user, pk)
    return render(
        request, "community/helppost_detail.html", _help_context(request, post)
    )


def _help_context(request, post, **extra) -> dict:
    user = request.user
    return {
        "post": post,
        "can_reply": user.has_perm("community.reply_helppost", post)
        and post.is_visible,
        "can_report": user.has_perm("community.report_helppost", post),
        "is_author": user.is_authenticated and post.author_id == user.pk,
        "can_moderate": can_moderate(user),
        "message_form": extra.pop("message_form", MessageForm()),
        "report_form": extra.pop("report_form", ReportForm()),
        **extra,
    }


@require_POST
@login_required
def help_reply(request: HttpRequest, pk: int) -> HttpResponse:
    post = get_help_post_for_user(request.user, pk, perm="community.reply_helppost")
    form = MessageForm(request.POST)
    if form.is_valid() and post.is_visible:
        try:
            conversation = services.conversation_start(
                starter=request.user,
                recipient=post.author,
                help_post=post,
                subject=str(post),
                body=form.cleaned_data["body"],
            )
        except services.RateLimitExceeded as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Ihre Nachricht ist unterwegs."))
            return redirect(conversation)
    return render(
        request,
        "community/helppost_detail.html",
        _help_context(request, post, message_form=form),
    )


@require_POST
@login_required
def help_report(request: HttpRequest, pk: int) -> HttpResponse:
    post = get_help_post_for_user(request.user, pk, perm="community.report_helppost")
    form = ReportForm(request.POST)
    if form.is_valid():
        try:
            services.help_post_report(
                post=post, reporter=request.user, **form.cleaned_data
            )
        except services.CommunityError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("Danke, die Moderation sieht sich den Eintrag an.")
            )
        return redirect("community:help_list")
    return render(
        request,
        "community/helppost_detail.html",
        _help_context(request, post, report_form=form),
    )


@require_POST
@login_required
def help_close(request: HttpRequest, pk: int) -> HttpResponse:
    post = get_help_post_for_user(request.user, pk, perm="community.close_helppost")
    if request.POST.get("action") == "extend" and post.author_id == request.user.pk:
        services.help_post_extend(post=post)
        messages.success(request, _("Ihr Eintrag bleibt weitere 30 Tage sichtbar."))
        return redirect(post)
    services.help_post_close(post=post)
    messages.success(request, _("Der Eintrag ist als erledigt markiert."))
    return redirect("community:help_list")


@login_required
def help_moderation(request: HttpRequest) -> HttpResponse:
    if not can_moderate(request.user):
        raise Http404
    posts = (
        HelpPost.objects.filter(
            Q(reports__resolved_at__isnull=True) | Q(hidden_at__isnull=False)
        )
        .distinct()
        .select_related("quarter", "author")
        .prefetch_related("reports")
        .order_by("-created_at")
    )
    page_obj, query = _page(request, posts)
    return render(
        request,
        "community/helppost_moderation.html",
        {"page_obj": page_obj, "query": query, "form": ModerationForm()},
    )


@require_POST
@login_required
def help_moderate(request: HttpRequest, pk: int) -> HttpResponse:
    if not can_moderate(request.user):
        raise Http404
    post = get_object_or_404(HelpPost, pk=pk)
    form = ModerationForm(request.POST)
    if form.is_valid():
        services.help_post_moderate(
            post=post,
            moderator=request.user,
            hide=form.cleaned_data["action"] == "hide",
            reason=form.cleaned_data["reason"],
        )
        messages.success(request, _("Gespeichert."))
    return redirect("community:help_moderation")


# --- Volunteering -----------------------------------------------------------------


def opportunity_list(request: HttpRequest) -> HttpResponse:
    form = OpportunityFilterForm(request.GET or None)
    queryset = form.filter(
        Opportunity.objects.open().filter(organisation__is_published=True).for_list()
    )
    page_obj, query = _page(request, queryset)
    return render(
        request,
        _list_template(request, "community/opportunity_list.html"),
        {"form": form, "page_obj": page_obj, "query": query},
    )


def _managed_organisations(user):
    """Entries the user maintains as a verified member (all for city editors)."""

    if is_city_editor(user):
        return Organisation.objects.all()
    return Organisation.objects.filter(
        memberships__user=user, memberships__verified_at__isnull=False
    )


@login_required
def opportunity_create(request: HttpRequest) -> HttpResponse:
    organisations = _managed_organisations(request.user)
    if not organisations.exists():
        # Say how to get there instead of a bare 404: claim an entry first.
        return render(
            request,
            "community/opportunity_form.html",
            {"form": None, "opportunity": None},
        )
    form = OpportunityForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        opportunity = form.save()
        messages.success(request, _("Das Engagement-Angebot ist veröffentlicht."))
        return redirect(opportunity)
    return render(
        request, "community/opportunity_form.html", {"form": form, "opportunity": None}
    )


@login_required
def opportunity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = get_object_or_404(Opportunity.objects.for_list(), pk=pk)
    if not request.user.has_perm(
        "community.manage_organisation", opportunity.organisation
    ):
        raise Http404
    form = OpportunityForm(
        request.POST or None,
        instance=opportunity,
        organisations=Organisation.objects.filter(pk=opportunity.organisation_id),
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Gespeichert."))
        return redirect(opportunity)
    return render(
        request,
        "community/opportunity_form.html",
        {"form": form, "opportunity": opportunity},
    )


def _get_opportunity(pk: int) -> Opportunity:
    opportunity = get_object_or_404(
        Opportunity.objects.for_list().filter(organisation__is_published=True), pk=pk
    )
    return opportunity


def opportunity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = _get_opportunity(pk)
    return render(
        request,
        "community/opportunity_detail.html",
        {
            "opportunity": opportunity,
            "form": MessageForm(),
            "can_write": is_verified(request.user),
        },
    )


@require_POST
@login_required
def opportunity_interest(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = _get_opportunity(pk)
    if (
        not request.user.has_perm("community.express_interest")
        or not opportunity.is_open
    ):
        raise Http404
    form = MessageForm(request.POST)
    if form.is_valid():
        try:
            conversation = services.conversation_start(
                starter=request.user,
                organisation=opportunity.organisation,
                opportunity=opportunity,
                subject=_("Interesse: %(title)s") % {"title": opportunity.title},
                body=form.cleaned_data["body"],
            )
        except services.RateLimitExceeded as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("Danke! Die Organisation antwortet Ihnen über das Portal.")
            )
            return redirect(conversation)
    return render(
        request,
        "community/opportunity_detail.html",
        {"opportunity": opportunity, "form": form, "can_write": True},
    )


# --- Vacant units ---------------------------------------------------------------------


def vacancy_list(request: HttpRequest) -> HttpResponse:
    form = VacancyFilterForm(request.GET or None)
    page_obj, query = _page(request, form.filter(Vacancy.objects.listed().for_list()))
    rows = list(page_obj)
    return render(
        request,
        _list_template(request, "community/vacancy_list.html"),
        {
            "form": form,
            "page_obj": page_obj,
            "rows": rows,
            "query": query,
            "map": points_map(rows, _map_quarters(form)),
            "staff_links": _staff_links(request.user),
        },
    )


@login_required
def vacancy_submit(request: HttpRequest) -> HttpResponse:
    """Owners list a vacant unit; it appears once the quarter team has checked it."""
    if not request.user.has_perm("community.submit_vacancy"):
        raise Http404
    form = VacancySubmitForm(
        request.POST or None,
        request.FILES or None,
        initial={"contact_email": request.user.email},
    )
    if request.method == "POST" and form.is_valid():
        services.vacancy_submit(owner=request.user, form=form)
        messages.success(
            request,
            _("Danke! Das Quartiersteam prüft die Anzeige und schaltet sie dann frei."),
        )
        return redirect("community:vacancy_list")
    return render(request, "community/vacancy_submit.html", {"form": form})


@require_safe
def vacancy_floor_plan(request: HttpRequest, pk: int) -> HttpResponse:
    """The floor plan, only where the listing itself may be seen (published, or staff)."""
    vacancy = get_vacancy_for_user(request.user, pk)
    if not vacancy.floor_plan:
        raise Http404
    response = FileResponse(
        vacancy.floor_plan.open("rb"),
        content_type="application/pdf",
        filename="grundriss.pdf",
    )
    # Unpublished plans are seen by staff only: no shared cache may keep one.
    response["Cache-Control"] = "private"
    return response


def vacancy_detail(request: HttpRequest, pk: int) -> HttpResponse:
    vacancy = get_vacancy_for_user(request.user, pk)
    form = VacancyEnquiryForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid() and mail_form_refused(
            request, "vacancy-enquiry", target=f"vacancy:{vacancy.pk}"
        ):
            form.add_error(None, TOO_MANY)
        elif form.is_valid():
            services.vacancy_enquiry_create(
                vacancy=vacancy,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                message=form.cleaned_data["message"],
            )
            messages.success(
                request, _("Ihre Anfrage ist an den Anbieter weitergeleitet.")
            )
            return redirect(vacancy)
    return render(
        request,
        "community/vacancy_detail.html",
        {
            "vacancy": vacancy,
            "form": form,
            "map": points_map([vacancy], [vacancy.quarter])
            if vacancy.has_point
            else None,
        },
    )


@login_required
def vacancy_history(request: HttpRequest) -> HttpResponse:
    """Staff: every unit ever listed, grouped by address, and the count per year."""
    if not request.user.has_perm("community.view_vacancy_history"):
        raise Http404

    vacancies = Vacancy.objects.for_user(request.user).select_related("quarter")
    stock = {
        (row.quarter_id, row.year): row.units
        for row in CommercialStock.objects.filter(
            quarter__in={v.quarter_id for v in vacancies}
        )
    }
    return render(
        request,
        "community/vacancy_history.html",
        {
            "addresses": vacancy_history_by_address(vacancies),
            "years": vacancy_counts_by_year(vacancies, stock),
        },
    )


# --- Staff CSV exports ------------------------------------------------------------------


@login_required
def organisation_export(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("community.export_community"):
        raise Http404
    organisations = Organisation.objects.for_user(request.user).for_list()
    return csv_response(
        request,
        "akteure.csv",
        [
            Column("name", _("Name")),
            Column("kind", _("Art")),
            Column("quarters", _("Quartiere")),
            Column("address", _("Adresse")),
            Column("languages", _("Sprachen")),
            Column("target_groups", _("Zielgruppen")),
            Column("step_free", _("stufenlos")),
            Column("claimed", _("betreut")),
            Column("website", _("Website")),
        ],
        (
            [
                org.name,
                org.get_kind_display(),
                ", ".join(q.name for q in org.quarters.all()),
                org.address,
                ", ".join(lang.name for lang in org.languages.all()),
                ", ".join(t.name for t in org.target_groups.all()),
                org.step_free,
                org.is_claimed,
                org.website,
            ]
            for org in organisations
        ),
    )


@login_required
def vacancy_export(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("community.export_community"):
        raise Http404
    vacancies = Vacancy.objects.for_user(request.user).select_related("quarter")
    return csv_response(
        request,
        "leerstand.csv",
        [
            Column("title", _("Titel")),
            Column("quarter", _("Quartier")),
            Column("address", _("Adresse")),
            Column("area_m2", _("Fläche (m²)")),
            Column("use_class", _("Nutzung")),
            Column("status", _("Status")),
            Column("vacant_since", _("leer seit")),
            Column("vacant_until", _("leer bis")),
            Column("interim_use", _("Zwischennutzung")),
        ],
        (
            [
                v.title,
                v.quarter.name,
                v.address,
                v.area_m2,
                v.get_use_class_display(),
                v.get_status_display(),
                v.vacant_since,
                v.vacant_until,
                v.interim_use,
            ]
            for v in vacancies
        ),
    )
