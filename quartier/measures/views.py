"""Public pages of the action plan: overview, list, map, timeline, money, report, detail."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from quartier.core.csv import variant_for
from quartier.quarters.models import Quarter
from quartier.quarters.permissions import can_manage_quarter

from . import reports
from .forms import AddressCheckForm, MeasureFilterForm
from .models import ActionField, Address, Measure, split_address
from .permissions import get_measure_for_user, get_quarter_for_user

# What a row of measures shows (badge, progress, draft marker): no text, no geometry.
ROW_FIELDS = ("pk", "quarter_id", "title", "status", "progress", "is_published")
DATE_FIELDS = ("planned_start", "planned_end", "actual_start", "actual_end")


def _measures(request: HttpRequest, quarter: Quarter):
    """What this visitor may see of the quarter: the team also sees unpublished drafts."""
    if can_manage_quarter(request.user, quarter):
        return Measure.objects.filter(quarter=quarter)
    return Measure.objects.public().filter(quarter=quarter)


def _is_public_view(request: HttpRequest, quarter: Quarter) -> bool:
    return not can_manage_quarter(request.user, quarter)


def _context(request: HttpRequest, quarter: Quarter, section: str, **extra) -> dict:
    return {
        "quarter": quarter,
        "section": section,
        "is_sanierungsgebiet": quarter.kind == Quarter.Kind.SANIERUNGSGEBIET,
        "can_manage": can_manage_quarter(request.user, quarter),
        **extra,
    }


def index(request: HttpRequest) -> HttpResponse:
    quarters = Quarter.objects.public().annotate(
        measure_count=Count(
            "measures",
            filter=Q(measures__is_published=True),
        ),
        completed_count=Count(
            "measures",
            filter=Q(
                measures__is_published=True,
                measures__status=Measure.Status.COMPLETED,
            ),
        ),
    )
    return render(request, "measures/index.html", {"quarters": quarters})


def plan(request: HttpRequest, quarter_slug: str) -> HttpResponse:
    quarter = get_quarter_for_user(request.user, quarter_slug)
    measures = (
        _measures(request, quarter).only(*ROW_FIELDS).order_by("sort_order", "title")
    )
    fields = ActionField.objects.filter(quarter=quarter).with_measures(measures)
    status_counts = {
        row["status"]: row["count"]
        for row in measures.values("status").annotate(count=Count("pk")).order_by()
    }
    statuses = [
        {"value": value, "label": label, "count": status_counts.get(value, 0)}
        for value, label in Measure.Status.choices
    ]
    unassigned = list(measures.filter(action_fields__isnull=True))
    return render(
        request,
        "measures/plan.html",
        _context(
            request,
            quarter,
            "plan",
            fields=fields,
            statuses=statuses,
            unassigned=unassigned,
            finance=reports.finance_overview(
                quarter, public=_is_public_view(request, quarter)
            ),
        ),
    )


def measure_list(request: HttpRequest, quarter_slug: str) -> HttpResponse:
    quarter = get_quarter_for_user(request.user, quarter_slug)
    form = MeasureFilterForm(request.GET or None, quarter=quarter)
    measures = form.filter(_measures(request, quarter).for_listing())
    page = Paginator(measures.order_by("sort_order", "title"), 25).get_page(
        request.GET.get("seite")
    )
    query = request.GET.copy()
    query.pop("seite", None)
    return render(
        request,
        "measures/measure_list.html",
        _context(
            request,
            quarter,
            "list",
            form=form,
            page_obj=page,
            query=query.urlencode(),
        ),
    )


def measure_map(request: HttpRequest, quarter_slug: str) -> HttpResponse:
    quarter = get_quarter_for_user(request.user, quarter_slug)
    measures = list(
        _measures(request, quarter)
        .filter(location__isnull=False)
        .only("pk", "title", "status", "location", "quarter_id")
        .order_by("sort_order", "title")
    )
    return render(
        request,
        "measures/measure_map.html",
        _context(request, quarter, "map", map=reports.measures_map(quarter, measures)),
    )


def measure_timeline(request: HttpRequest, quarter_slug: str) -> HttpResponse:
    quarter = get_quarter_for_user(request.user, quarter_slug)
    measures = list(
        _measures(request, quarter)
        .only(*ROW_FIELDS, *DATE_FIELDS)
        .order_by("planned_start", "actual_start", "sort_order", "title")
    )
    return render(
        request,
        "measures/measure_timeline.html",
        _context(
            request,
            quarter,
            "timeline",
            timeline=reports.timeline(measures),
            undated=[m for m in measures if not (m.start or m.end)],
        ),
    )


def finance(request: HttpRequest, quarter_slug: str) -> HttpResponse:
    quarter = get_quarter_for_user(request.user, quarter_slug)
    return render(
        request,
        "measures/finance.html",
        _context(
            request,
            quarter,
            "finance",
            finance=reports.finance_overview(
                quarter, public=_is_public_view(request, quarter)
            ),
        ),
    )


def export(request: HttpRequest, quarter_slug: str, fmt: str) -> HttpResponse:
    quarter = get_quarter_for_user(request.user, quarter_slug)
    public = _is_public_view(request, quarter)
    stamp = timezone.localdate().isoformat()
    if fmt == "csv":
        variant = variant_for(request)
        response = HttpResponse(
            reports.export_csv(quarter, public=public, variant=variant),
            content_type="text/csv; charset=utf-8",
        )
        if variant.machine:
            stamp += "-maschinenlesbar"
    elif fmt == "xlsx":
        response = HttpResponse(
            reports.export_xlsx(quarter, public=public),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        raise Http404
    response["Content-Disposition"] = (
        f'attachment; filename="massnahmen-{quarter.slug}-{stamp}.{fmt}"'
    )
    return response


def report(request: HttpRequest, quarter_slug: str) -> HttpResponse:
    quarter = get_quarter_for_user(request.user, quarter_slug)
    measures = _measures(request, quarter).for_listing().order_by("sort_order", "title")
    fields = ActionField.objects.filter(quarter=quarter).prefetch_related("goals")
    return render(
        request,
        "measures/report.html",
        _context(
            request,
            quarter,
            "report",
            fields=fields,
            measures=measures,
            finance=reports.finance_overview(
                quarter, public=_is_public_view(request, quarter)
            ),
            today=timezone.localdate(),
        ),
    )


def detail(request: HttpRequest, pk: int) -> HttpResponse:
    measure = get_measure_for_user(request.user, pk)
    funding = list(measure.funding.all())
    by_source: dict[str, dict] = {}
    for line in funding:
        row = by_source.setdefault(
            line.source,
            {"label": line.get_source_display(), "planned": 0, "spent": 0},
        )
        row["planned"] += line.planned
        row["spent"] += line.spent
    show_history = can_manage_quarter(request.user, measure.quarter)
    location_map = (
        reports.measures_map(measure.quarter, [measure]) if measure.location else None
    )
    return render(
        request,
        "measures/measure_detail.html",
        {
            "measure": measure,
            "quarter": measure.quarter,
            "fields": measure.action_fields.all(),
            "goals": measure.goals.select_related("action_field"),
            "funding": funding,
            "by_source": list(by_source.values()),
            "planned_total": sum(line.planned for line in funding),
            "spent_total": sum(line.spent for line in funding),
            "documents": measure.documents.select_related("document"),
            "updates": measure.updates.select_related("image"),
            "changes": measure.changes.select_related("changed_by")[:50]
            if show_history
            else None,
            "map": location_map,
            "source_ideas": measure.source_ideas.visible().select_related("quarter"),
            "upcoming_events": measure.events.next_occurrences(),
        },
    )


def address_check(request: HttpRequest, quarter_slug: str) -> HttpResponse:
    """Sanierungsgebiet explainer and "Liegt meine Adresse im Gebiet?" (GET, no side effect)."""
    quarter = get_quarter_for_user(request.user, quarter_slug)
    if quarter.kind != Quarter.Kind.SANIERUNGSGEBIET:
        raise Http404
    form = AddressCheckForm(request.GET or None)
    result = marker = None
    area_map = reports.measures_map(quarter, [])
    if form.is_valid():
        parts = split_address(form.cleaned_data["adresse"])
        address = Address.objects.lookup(*parts).first() if parts else None
        if address is None:
            result = {"found": False, "query": form.cleaned_data["adresse"]}
        else:
            result = {
                "found": True,
                "address": address,
                "inside": quarter.contains(address.longitude, address.latitude),
            }
            x, y = area_map["frame"].xy(address.longitude, address.latitude)
            marker = {"x": x, "y": y}
    return render(
        request,
        "measures/address_check.html",
        _context(
            request,
            quarter,
            "address",
            form=form,
            result=result,
            map=area_map,
            marker=marker,
        ),
    )
