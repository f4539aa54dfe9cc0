"""Pages of published figures: the public dashboard, a round's and a month's protected
tables, open-data downloads, situation reports; the analysts' exact figures."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from waypoint.audit.models import Action
from waypoint.audit.services import audit_record
from waypoint.estimation import access as estimation_access
from waypoint.reports import access, opendata, queries, services
from waypoint.reports.forms import ReportForm, parse_month
from waypoint.reports.publication import month_publication, round_publication
from waypoint.reports.quality import exact_trend, quality_view
from waypoint.reports.situation import estimate_on, monthly_context, presence_context

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _require(request: HttpRequest, work: access.Work) -> None:
    if not access.may(request.user, work):
        raise PermissionDenied


def _may_estimate(request: HttpRequest) -> bool:
    """Whether the published-estimate panel links to the estimate's page (analysts only)."""
    return estimation_access.may(request.user, estimation_access.Work.ESTIMATE)


def _month_or_404(text: str) -> date:
    try:
        return services.reportable_month(parse_month(text))
    except (ValueError, ValidationError):
        raise Http404(_("No figures for this month.")) from None


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The partners' and public dashboard: the latest published round, protected."""
    _require(request, access.Work.READ_PUBLISHED)
    rounds = list(queries.published_rounds_for(request.user)[:12])
    today = timezone.localdate()
    months = [(today.replace(day=1) - timedelta(days=31 * n)).replace(day=1) for n in range(6)]
    context = {
        "rounds": rounds,
        "months": months,
        "latest": presence_context(rounds[0]) if rounds else None,
        "estimate": estimate_on(today),
        "may_exact": access.may(request.user, access.Work.READ_EXACT),
        "may_generate": access.may(request.user, access.Work.GENERATE),
        "may_estimate": _may_estimate(request),
    }
    return render(request, "reports/home.html", context)


def _report_form(request: HttpRequest, **initial: object) -> ReportForm | None:
    if not access.may(request.user, access.Work.GENERATE):
        return None
    return ReportForm(initial={"language": request.LANGUAGE_CODE[:2], **initial})


@login_required
def round_page(request: HttpRequest, number: int) -> HttpResponse:
    _require(request, access.Work.READ_PUBLISHED)
    round_ = queries.published_round_for(request.user, number)
    context = presence_context(round_)
    context.update(
        {
            "tables": context["publication"].tables,
            "reports": queries.reports_visible_to(request.user).filter(round_number=number)[:10],
            "report_form": _report_form(request, kind="presence", round_number=number),
            "may_exact": access.may(request.user, access.Work.READ_EXACT),
            "may_estimate": _may_estimate(request),
        }
    )
    return render(request, "reports/round.html", context)


@login_required
def month_page(request: HttpRequest, month: str) -> HttpResponse:
    _require(request, access.Work.READ_PUBLISHED)
    first = _month_or_404(month)
    context = monthly_context(first, month_publication(first))
    context.update(
        {
            "month_key": first.strftime("%Y-%m"),
            "reports": queries.reports_visible_to(request.user).filter(month=first)[:10],
            "report_form": _report_form(request, kind="monthly", month=first.strftime("%Y-%m")),
            "may_estimate": _may_estimate(request),
        }
    )
    return render(request, "reports/month.html", context)


def _download(
    request: HttpRequest, body: bytes, content_type: str, filename: str, what: str
) -> HttpResponse:
    audit_record(
        actor=request.user,
        action=Action.EXPORT,
        object_type="reports.publication",
        object_id=filename[:64],
        purpose=what,
    )
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _open_data(request: HttpRequest, publication, stem: str, name: str) -> HttpResponse:  # type: ignore[no-untyped-def]
    key, _dot, extension = name.partition(".")
    if extension == "xlsx" and key == "tables":
        body = opendata.xlsx_bytes(publication)
        return _download(request, body, XLSX, f"{stem}.xlsx", "open data (xlsx)")
    if extension == "csv" and key in publication.tables:
        body = opendata.csv_bytes(publication.tables[key])
        return _download(
            request, body, "text/csv; charset=utf-8", f"{stem}-{key}.csv", "open data (csv)"
        )
    raise Http404(_("No such file."))


@login_required
def round_file(request: HttpRequest, number: int, name: str) -> HttpResponse:
    _require(request, access.Work.READ_PUBLISHED)
    round_ = queries.published_round_for(request.user, number)
    return _open_data(request, round_publication(round_), f"waypoint-round-{number}", name)


@login_required
def month_file(request: HttpRequest, month: str, name: str) -> HttpResponse:
    _require(request, access.Work.READ_PUBLISHED)
    first = _month_or_404(month)
    return _open_data(
        request, month_publication(first), f"waypoint-{first.strftime('%Y-%m')}", name
    )


@login_required
def exact(request: HttpRequest) -> HttpResponse:
    """Analysts and managers: exact figures (not for publication) and data quality."""
    _require(request, access.Work.READ_EXACT)
    rounds = list(queries.published_rounds_for(request.user)[:1])
    publication = round_publication(rounds[0], record=False) if rounds else None
    context = {
        "round": rounds[0] if rounds else None,
        "tables": [publication.tables[key] for key in publication.tables] if publication else [],
        "quality": quality_view(),
        "trend": exact_trend(),
    }
    audit_record(
        actor=request.user,
        action=Action.VIEW,
        object_type="reports.exact",
        object_id=str(rounds[0].number) if rounds else "",
        purpose="exact figures (not for publication)",
    )
    return render(request, "reports/exact.html", context)


@login_required
@require_POST
def report_new(request: HttpRequest) -> HttpResponse:
    _require(request, access.Work.GENERATE)
    form = ReportForm(request.POST)
    if not form.is_valid():
        for field, errors in form.errors.items():
            for error in errors:
                messages.error(
                    request, f"{form.fields[field].label if field in form.fields else ''}: {error}"
                )
        return redirect("reports:home")
    try:
        report = services.report_request(actor=request.user, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("reports:home")
    messages.success(request, _("The report is being generated."))
    return redirect(report)


@login_required
def report_page(request: HttpRequest, report_id: int) -> HttpResponse:
    """One report: its page, or (for htmx, polling while it is made) its status line."""
    report = queries.report_for(request.user, report_id)
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "reports/partials/report.html", {"report": report})
    return render(request, "reports/report.html", {"report": report})


@login_required
def report_pdf(request: HttpRequest, report_id: int) -> HttpResponse:
    report = queries.report_with_pdf(request.user, report_id)
    if not report.pdf:
        raise Http404(_("This report has no PDF yet."))
    response = _download(
        request, bytes(report.pdf), "application/pdf", report.filename, "situation report"
    )
    response["Content-Disposition"] = f'inline; filename="{report.filename}"'
    return response
