from __future__ import annotations

import datetime as dt
from functools import partial

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from quartier.accounts.permissions import is_verified
from quartier.core.csv import Column, csv_response
from quartier.core.inputs import parse_month
from quartier.core.ratelimit import TOO_MANY, mail_form_refused
from quartier.quarters.models import Quarter

from .calendar import month_grid, month_occurrences, neighbour_months
from .forms import (
    ICS_MAX_BYTES,
    ContactAttendeesForm,
    EventFilterForm,
    EventSubmitForm,
    IcsImportForm,
    OccurrenceMoveForm,
    RegistrationForm,
    ReviewForm,
)
from .ical import build_calendar, events_import_ics, fetch_ics
from .jsonld import event_json_ld
from .maps import venues_map
from .models import Category, Event, Occurrence, Registration
from .permissions import get_event_for_user
from .services import (
    RegistrationError,
    event_review,
    event_submit,
    occurrence_cancel,
    occurrence_move,
    registration_cancel,
    registration_confirm,
    registration_create,
)
from .tasks import send_message_to_attendees

REGISTRATION_ERRORS = {
    "closed": gettext_lazy("Für diesen Termin ist keine Anmeldung (mehr) möglich."),
    "full": gettext_lazy("Dieser Termin ist leider ausgebucht."),
    "duplicate": gettext_lazy(
        "Für diesen Termin gibt es schon eine Anmeldung mit diesen Angaben."
    ),
}


def _query_without(request: HttpRequest, *names: str) -> str:
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()


def event_list(request: HttpRequest) -> HttpResponse:
    """ "Was ist los?": a GET form; htmx swaps only the results."""
    now = timezone.now()
    form = EventFilterForm(request.GET)
    occurrences = Occurrence.objects.public()
    if form.is_valid():
        occurrences = form.filter(occurrences, now)
    else:
        occurrences = occurrences.upcoming(now).order_by("starts_at", "pk")
    page = Paginator(occurrences.for_listing(), 20).get_page(request.GET.get("seite"))
    context = {
        "form": form,
        "page_obj": page,
        "occurrences": page.object_list,
        "query": _query_without(request, "seite"),
        "is_archive": form.is_valid() and form.cleaned_data.get("wann") == "archiv",
        "feed_quarters": Quarter.objects.public(),
    }
    name = "events/event_list.html" + ("#results" if request.htmx else "")
    return render(request, name, context)


def event_detail_context(event: Event, request: HttpRequest, form=None) -> dict:
    now = timezone.now()
    occurrences = list(
        event.occurrences.upcoming(now).with_seats_taken().order_by("starts_at")[:20]
    )
    for occ in occurrences:
        occ.event = event  # already fetched: no query per row
        occ.seats_free = occ.seats_left(occ.seats_taken)
    open_occurrences = [o for o in occurrences if o.registration_open(now)]
    if form is None and open_occurrences:
        chosen = request.GET.get("termin")
        form = RegistrationForm(
            occurrences=open_occurrences,
            user=request.user,
            retention_days=settings.QUARTIER_EVENTS_RETENTION_DAYS,
            initial={"termin": chosen} if chosen else None,
        )
    past = not occurrences
    return {
        "event": event,
        "occurrences": occurrences,
        "form": form,
        "json_ld": event_json_ld(event, occurrences, request) if occurrences else "",
        "is_past": past,
        "share_url": request.build_absolute_uri(event.get_absolute_url()),
        "can_manage": request.user.has_perm("events.view_registrations", event),
    }


def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event_for_user(request.user, pk)
    return render(
        request, "events/event_detail.html", event_detail_context(event, request)
    )


@require_POST
def event_register(request: HttpRequest, pk: int) -> HttpResponse:
    """Register with an account (seat decided now) or by email (double opt-in)."""
    event = get_event_for_user(request.user, pk)
    user = request.user if request.user.is_authenticated else None
    if user and not is_verified(user):
        messages.error(request, _("Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse."))
        return redirect(event)
    now = timezone.now()
    open_occurrences = []
    for occ in event.occurrences.upcoming(now).order_by("starts_at")[:20]:
        occ.event = event
        if occ.registration_open(now):
            open_occurrences.append(occ)
    form = RegistrationForm(
        request.POST,
        occurrences=open_occurrences,
        user=request.user,
        retention_days=settings.QUARTIER_EVENTS_RETENTION_DAYS,
    )
    if form.is_valid() and mail_form_refused(
        request,
        "event-registration",
        target=form.cleaned_data.get("email") or (user.email if user else ""),
    ):
        form.add_error(None, TOO_MANY)
    if form.is_valid():
        data = form.cleaned_data
        try:
            registration = registration_create(
                occurrence=data["termin"],
                user=user,
                name=data.get("name", ""),
                email=data.get("email", ""),
                seats=data["seats"],
                note=data["note"],
            )
        except RegistrationError as error:
            form.add_error(None, REGISTRATION_ERRORS[str(error)])
        else:
            messages.success(request, _registration_message(registration))
            if not request.htmx:
                return redirect(event)
            # htmx would follow a redirect and swap the whole page into the box:
            # answer with the box, the message in it and a fresh form.
            form = None
    context = event_detail_context(event, request, form=form)
    name = "events/event_detail.html" + ("#registration" if request.htmx else "")
    return render(request, name, context)


def _registration_message(registration: Registration) -> str:
    if registration.status == Registration.Status.PENDING:
        return _(
            "Fast geschafft: Wir haben Ihnen eine E-Mail geschickt. Bitte bestätigen Sie "
            "die Anmeldung mit dem Link darin; erst dann ist Ihr Platz vergeben."
        )
    if registration.status == Registration.Status.WAITLISTED:
        return _("Der Termin ist ausgebucht. Sie stehen auf der Warteliste.")
    return _("Sie sind angemeldet. Die Bestätigung kommt per E-Mail.")


def _registration_by_token(token: str) -> Registration:
    return get_object_or_404(
        Registration.objects.select_related("occurrence__event__venue"),
        token=token,
        anonymised_at__isnull=True,
    )


def registration_confirm_view(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button, POST confirms: mail scanners follow links, never forms."""
    registration = _registration_by_token(token)
    if request.method == "POST":
        try:
            registration = registration_confirm(registration=registration)
        except RegistrationError as error:
            messages.error(request, REGISTRATION_ERRORS[str(error)])
        else:
            messages.success(request, _registration_message(registration))
        return redirect("events:registration_confirm", token=token)
    return render(
        request, "events/registration_confirm.html", {"registration": registration}
    )


def registration_cancel_view(request: HttpRequest, token: str) -> HttpResponse:
    """Cancel without logging in: the token in the email is the key."""
    registration = _registration_by_token(token)
    if request.method == "POST":
        registration_cancel(registration=registration)
        messages.success(
            request,
            _(
                "Ihre Anmeldung ist abgesagt; eine Bestätigung kommt per E-Mail. "
                "Danke, dass Sie Bescheid gesagt haben!"
            ),
        )
        return redirect("events:registration_cancel", token=token)
    return render(
        request, "events/registration_cancel.html", {"registration": registration}
    )


# --- organisers: attendees, CSV, message, cancel one date ---


def _managed_occurrence(request: HttpRequest, event: Event) -> Occurrence | None:
    occurrences = event.occurrences.order_by("starts_at")
    chosen = request.GET.get("termin") or request.POST.get("termin")
    if chosen and chosen.isdigit():
        return get_object_or_404(occurrences, pk=chosen)
    return occurrences.upcoming().first() or occurrences.last()


@login_required
def event_attendees(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event_for_user(request.user, pk, perm="events.view_registrations")
    occurrence = _managed_occurrence(request, event)
    registrations = (
        occurrence.registrations.exclude(status=Registration.Status.CANCELLED)
        .select_related("user")
        .order_by("status", "queued_at", "pk")
        if occurrence
        else []
    )
    if occurrence:
        occurrence.event = event
    return render(
        request,
        "events/event_attendees.html",
        {
            "event": event,
            "occurrence": occurrence,
            "occurrences": event.occurrences.order_by("starts_at")[:200],
            "registrations": registrations,
            "contact_form": ContactAttendeesForm(),
            "can_cancel": request.user.has_perm("events.manage_event", event),
            "move_form": OccurrenceMoveForm(
                initial={
                    "date": occurrence.local_start.date(),
                    "start_time": occurrence.local_start.time(),
                    "end_time": occurrence.local_end.time(),
                }
            )
            if occurrence
            else None,
        },
    )


@login_required
def event_attendees_csv(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event_for_user(request.user, pk, perm="events.view_registrations")
    occurrence = _managed_occurrence(request, event)
    if occurrence is None:
        raise Http404
    local = occurrence.local_start
    return csv_response(
        request,
        f"teilnehmende-{event.pk}-{local:%Y-%m-%d}.csv",
        [
            Column("name", _("Name")),
            Column("email", _("E-Mail")),
            Column("seats", _("Personen")),
            Column("status", _("Status")),
            Column("note", _("Hinweis")),
        ],
        (
            [
                registration.display_name,
                registration.contact_email,
                registration.seats,
                registration.get_status_display(),
                registration.note,
            ]
            for registration in occurrence.registrations.exclude(
                status=Registration.Status.CANCELLED
            ).select_related("user")
        ),
    )


@require_POST
@login_required
def event_contact_attendees(request: HttpRequest, pk: int) -> HttpResponse:

    event = get_event_for_user(request.user, pk, perm="events.view_registrations")
    occurrence = _managed_occurrence(request, event)
    form = ContactAttendeesForm(request.POST)
    if occurrence is not None and form.is_valid():
        transaction.on_commit(
            partial(
                send_message_to_attendees.enqueue,
                occurrence_id=occurrence.pk,
                subject=form.cleaned_data["subject"],
                message=form.cleaned_data["message"],
            )
        )
        messages.success(
            request, _("Die Nachricht wird an alle Angemeldeten verschickt.")
        )
    else:
        messages.error(request, _("Bitte Betreff und Nachricht ausfüllen."))
    url = reverse("events:attendees", kwargs={"pk": event.pk})
    return redirect(f"{url}?termin={occurrence.pk}" if occurrence else url)


@require_POST
@login_required
def occurrence_cancel_view(request: HttpRequest, pk: int) -> HttpResponse:
    occurrence = get_object_or_404(Occurrence, pk=pk)
    event = get_event_for_user(
        request.user, occurrence.event_id, perm="events.manage_event"
    )
    occurrence_cancel(occurrence=occurrence, note=request.POST.get("note", "")[:300])
    messages.success(
        request, _("Der Termin ist abgesagt; die Angemeldeten bekommen eine E-Mail.")
    )
    url = reverse("events:attendees", kwargs={"pk": event.pk})
    return redirect(f"{url}?termin={occurrence.pk}")


@require_POST
@login_required
def occurrence_move_view(request: HttpRequest, pk: int) -> HttpResponse:
    occurrence = get_object_or_404(Occurrence, pk=pk)
    event = get_event_for_user(
        request.user, occurrence.event_id, perm="events.manage_event"
    )
    form = OccurrenceMoveForm(request.POST)
    if form.is_valid():
        starts_at, ends_at = form.times()
        occurrence_move(
            occurrence=occurrence,
            starts_at=starts_at,
            ends_at=ends_at,
            note=form.cleaned_data["note"],
        )
        messages.success(
            request,
            _("Der Termin ist verschoben; die Angemeldeten bekommen eine E-Mail."),
        )
    else:
        messages.error(request, _("Bitte Datum, Beginn und Ende prüfen."))
    url = reverse("events:attendees", kwargs={"pk": event.pk})
    return redirect(f"{url}?termin={occurrence.pk}")


# --- calendar files ---


def _ics_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_GET
def event_ics(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Add to calendar": this event (with all its dates) as one .ics file."""
    event = get_event_for_user(request.user, pk)
    event = (
        Event.objects.prefetch_related("occurrences")
        .select_related("venue")
        .get(pk=event.pk)
    )
    return _ics_response(
        build_calendar([event], name=event.title), f"veranstaltung-{event.pk}.ics"
    )


@require_GET
def feed_all(request: HttpRequest) -> HttpResponse:
    events = Event.objects.for_feed()
    return _ics_response(
        build_calendar(events, name=_("Veranstaltungen in den Quartieren")),
        "veranstaltungen.ics",
    )


@require_GET
def feed_quarter(request: HttpRequest, slug: str) -> HttpResponse:
    quarter = get_object_or_404(Quarter.objects.public(), slug=slug)
    events = Event.objects.for_feed().filter(quarters=quarter)
    return _ics_response(
        build_calendar(
            events, name=_("Veranstaltungen: %(name)s") % {"name": quarter.name}
        ),
        f"veranstaltungen-{quarter.slug}.ics",
    )


@require_GET
def feed_category(request: HttpRequest, category: str) -> HttpResponse:
    if category not in Category.values:
        raise Http404
    events = Event.objects.for_feed().filter(category=category)
    label = Category(category).label
    return _ics_response(
        build_calendar(events, name=_("Veranstaltungen: %(name)s") % {"name": label}),
        f"veranstaltungen-{category}.ics",
    )


# --- month calendar and map ---


def event_calendar(request: HttpRequest) -> HttpResponse:
    """A month grid; each day lists its dates. No JavaScript: links move the month."""
    asked = request.GET.get("monat", "")
    # An unknown month ("1-1", "9999-12") shows this month and says so.
    first = parse_month(asked) or timezone.localdate().replace(day=1)
    quarter = (
        Quarter.objects.public().filter(slug=request.GET.get("quartier", "")).first()
    )
    weeks = month_grid(first, month_occurrences(first, quarter))
    previous, following = neighbour_months(first)
    suffix = f"&quartier={quarter.slug}" if quarter else ""
    return render(
        request,
        "events/event_calendar.html",
        {
            "month": first,
            "month_unknown": bool(asked) and parse_month(asked) is None,
            "weeks": weeks,
            "quarter": quarter,
            "quarters": Quarter.objects.public(),
            "previous_query": f"monat={previous:%Y-%m}{suffix}",
            "next_query": f"monat={following:%Y-%m}{suffix}",
            "today": timezone.localdate(),
            "weekday_names": [
                _("Mo"),
                _("Di"),
                _("Mi"),
                _("Do"),
                _("Fr"),
                _("Sa"),
                _("So"),
            ],
        },
    )


def event_map(request: HttpRequest) -> HttpResponse:
    """Places with dates in the next 30 days, on a server-rendered SVG map."""

    now = timezone.now()
    occurrences = (
        Occurrence.objects.public()
        .upcoming(now)
        .filter(starts_at__lt=now + dt.timedelta(days=30))
        .select_related("event__venue")
        .order_by("starts_at", "pk")
    )
    quarter = (
        Quarter.objects.public().filter(slug=request.GET.get("quartier", "")).first()
    )
    if quarter:
        occurrences = occurrences.filter(event__quarters=quarter)
    quarters = list(Quarter.objects.public())
    return render(
        request,
        "events/event_map.html",
        {
            "map": venues_map(quarters, list(occurrences)),
            "quarter": quarter,
            "quarters": quarters,
        },
    )


# --- organisations submit, teams review ---


@login_required
def event_submit_view(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    if pk is None:
        if not request.user.has_perm("events.submit_event"):
            return render(request, "events/event_submit_denied.html", status=403)
        event = Event(status=Event.Status.DRAFT)
    else:
        event = get_event_for_user(request.user, pk, perm="events.edit_submission")
    form = EventSubmitForm(request.POST or None, instance=event, user=request.user)
    if request.method == "POST" and form.is_valid():
        event = form.save()
        event_submit(
            event=event, user=request.user, quarters=form.cleaned_data["quarters"]
        )
        messages.success(
            request,
            _(
                "Danke! Das Quartiersteam prüft Ihre Veranstaltung und meldet sich per E-Mail."
            ),
        )
        return redirect("events:mine")
    return render(request, "events/event_submit.html", {"form": form, "event": event})


@login_required
def my_events(request: HttpRequest) -> HttpResponse:
    events = (
        Event.objects.filter(submitted_by=request.user)
        .select_related("venue")
        .order_by("-created_at")
    )
    return render(request, "events/my_events.html", {"events": events})


@login_required
def review_list(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("events.review_event"):
        raise Http404
    events = (
        Event.objects.awaiting_review()
        .for_team(request.user)
        .select_related("venue", "organisation", "submitted_by")
        .prefetch_related("quarters")
        .order_by("starts_at")
    )
    return render(
        request, "events/review_list.html", {"events": events, "form": ReviewForm()}
    )


@require_POST
@login_required
def review_decide(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event_for_user(request.user, pk, perm="events.manage_event")
    form = ReviewForm(request.POST)
    if form.is_valid() and event.status == Event.Status.SUBMITTED:
        event_review(
            event=event,
            decision=form.cleaned_data["decision"],
            message=form.cleaned_data["message"],
        )
        messages.success(
            request,
            _("Entscheidung gespeichert; die Einreichenden bekommen eine E-Mail."),
        )
        return redirect("events:review_list")
    events = [event]
    return render(
        request,
        "events/review_list.html",
        {"events": events, "form": form, "form_for": event.pk},
    )


@login_required
def ics_import(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("events.import_events"):
        raise Http404
    form = IcsImportForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            calendar = (
                data["file"].read()
                if data["file"]
                else fetch_ics(data["url"], max_bytes=ICS_MAX_BYTES)
            )
        except ValueError as error:
            form.add_error("url", str(error))
            return render(request, "events/ics_import.html", {"form": form})
        try:
            result = events_import_ics(
                data=calendar,
                quarters=[data["quarter"]],
                venue=data["venue"],
                category=data["category"],
                user=request.user,
            )
        except ValueError:
            field = "file" if data["file"] else "url"
            form.add_error(field, _("Das ist kein gültiger iCal-Kalender."))
        else:
            messages.success(
                request,
                _(
                    "Import: %(created)s neu, %(updated)s aktualisiert, %(skipped)s übersprungen."
                )
                % vars(result),
            )
            return redirect("events:import")
    return render(request, "events/ics_import.html", {"form": form})
