from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from waypoint.audit.pages import audited_page
from waypoint.linkage import lists, queries, services
from waypoint.linkage.forms import DecisionForm, ListForm, RunForm
from waypoint.linkage.models import PairStatus
from waypoint.linkage.tables import LinkageInputError

PAGE_SIZE = 50


def _require_reviewer(request: HttpRequest) -> None:
    if not queries.may_review(request.user):
        raise PermissionDenied


def _require_counter(request: HttpRequest) -> None:
    """Counting roles see the queue as figures; reviewing roles (a subset) decide."""
    if not queries.may_count(request.user):
        raise PermissionDenied


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The review queue's size, unique people with their range, recent decisions, runs."""
    _require_counter(request)
    context = {
        "may_decide": queries.may_review(request.user),
        "counts": queries.queue_counts(request.user),
        "unique": queries.unique_people_range(request.user),
        "decisions": queries.decisions_visible_to(request.user)[:10],
        "runs": queries.runs_visible_to(request.user)[:5],
        "run_form": RunForm() if queries.may_run(request.user) else None,
    }
    return render(request, "linkage/home.html", context)


@login_required
def runs(request: HttpRequest) -> HttpResponse:
    """Deduplication runs and unique people with their range; administrators start runs."""
    if request.method == "POST":
        return _run_start(request)
    if not queries.may_count(request.user):
        raise PermissionDenied
    context = {
        "unique": queries.unique_people_range(request.user),
        "counts": queries.queue_counts(request.user),
        "runs": queries.runs_visible_to(request.user)[:20],
        "run_form": RunForm() if queries.may_run(request.user) else None,
    }
    return render(request, "linkage/runs.html", context)


def _run_start(request: HttpRequest) -> HttpResponse:
    if not queries.may_run(request.user):
        raise PermissionDenied
    form = RunForm(request.POST)
    if form.is_valid():
        try:
            run = services.run_request(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Deduplication run %(id)s queued.") % {"id": run.pk})
    else:
        messages.error(request, _("Check the threshold and the review band."))
    return redirect("linkage:home")


@login_required
def run_progress(request: HttpRequest, run_id: int) -> HttpResponse:
    """One run: its page, or (for htmx, which polls it while the run is active) its line."""
    run = queries.run_for(request.user, run_id)
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "linkage/partials/run.html", {"run": run})
    context = {"run": run, "unique": queries.unique_people_range(request.user)}
    return render(request, "linkage/run.html", context)


@login_required
def review(request: HttpRequest) -> HttpResponse:
    """The queue: reviewers open and decide each pair; counting roles see it as figures."""
    _require_counter(request)
    status = request.GET.get("status", PairStatus.PENDING)
    pairs = queries.review_queue(request.user, status=status)
    status = status if status in queries.QUEUE_STATUSES else PairStatus.PENDING
    page = audited_page(
        request, pairs, size=PAGE_SIZE, purpose="identity review queue", query={"status": status}
    )
    context = {
        "page": page,
        "status": status,
        "counts": queries.queue_counts(request.user),
        "cutoff": queries.current_cutoffs().chosen,
        "may_decide": queries.may_review(request.user),
    }
    return render(request, "linkage/review.html", context)


@login_required
def pair(request: HttpRequest, pair_id: int) -> HttpResponse:
    """Both records side by side, why the model scored them so, and the decision form."""
    _require_reviewer(request)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        found = queries.pair_for(request.user, pair_id)
        try:
            services.pair_decide(actor=request.user, pair=found, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Decision recorded. It can be undone below."))
            following = queries.review_queue(request.user).exclude(pk=found.pk).first()
            if following is not None and "next" in request.POST:
                return redirect("linkage:pair", pair_id=following.pk)
            return redirect("linkage:pair", pair_id=found.pk)
    view = queries.pair_review(request.user, pair_id)
    return render(request, "linkage/pair.html", {"view": view, "form": form})


@login_required
@require_POST
def undo(request: HttpRequest, decision_id: int) -> HttpResponse:
    _require_reviewer(request)
    decision = queries.decision_for(request.user, decision_id)
    try:
        services.decision_undo(actor=request.user, decision=decision)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Decision undone; the groups are as they were."))
    return redirect("linkage:pair", pair_id=decision.pair_id)


@login_required
def outside_list(request: HttpRequest) -> HttpResponse:
    """Upload a list, see which registrations in scope it matches, or download the matches."""
    _require_reviewer(request)
    form = ListForm(request.POST or None, request.FILES or None)
    matches = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            table = lists.list_read(
                upload.name,
                upload.read(),
                id_column=form.cleaned_data["id_column"],
                mapping=form.cleaned_data["mapping"],
            )
        except LinkageInputError as error:
            form.add_error(None, str(error))
        else:
            matches = lists.list_link(
                actor=request.user, table=table, threshold=form.cleaned_data["threshold"]
            )
            if "download" in request.POST:
                response = HttpResponse(
                    lists.matches_csv(actor=request.user, matches=matches),
                    content_type="text/csv; charset=utf-8",
                )
                response["Content-Disposition"] = 'attachment; filename="matches.csv"'
                return response
    return render(request, "linkage/list.html", {"form": form, "matches": matches})
