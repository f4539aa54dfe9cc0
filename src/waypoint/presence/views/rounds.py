"""Round pages: the list, a new round, the round's figures, review and publishing."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from waypoint.core.countries import country_name
from waypoint.presence import access, queries, services
from waypoint.presence.figures import change
from waypoint.presence.forms import CheckConfirmForm, RoundForm
from waypoint.presence.maps import presence_map
from waypoint.presence.models import RoundStatus
from waypoint.presence.quality import round_checks


@login_required
def rounds(request: HttpRequest) -> HttpResponse:
    if not access.may_read(request.user):
        # Everyone else reads the published, protected figures.
        return redirect("reports:home")
    context = {
        "rounds": queries.rounds_visible_to(request.user),
        "may_review": access.may_review(request.user),
    }
    return render(request, "presence/rounds.html", context)


@login_required
def round_new(request: HttpRequest) -> HttpResponse:
    if not access.may_review(request.user):
        raise PermissionDenied
    form = RoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.round_create(actor=request.user, values=form.cleaned_data)
        except services.PresenceError as error:
            form.add_error(error.field or None, error.message)
        else:
            return redirect(created)
    return render(request, "presence/round_new.html", {"form": form})


def _table(splits: dict, previous: dict | None, names: dict[str, str]) -> list[dict]:
    rows = []
    for code, split in splits.items():
        before = previous.get(code) if previous else None
        rows.append(
            {
                "code": code,
                "name": names.get(code, code),
                "inside": split.inside,
                "outside": split.outside,
                "total": split.total,
                "change": change(split.total, before.total if before else None),
            }
        )
    return sorted(rows, key=lambda row: (-row["total"], row["name"]))


@login_required
def round_page(request: HttpRequest, number: int) -> HttpResponse:
    if not access.may_read(request.user):
        return redirect("reports:round", number=number)
    round_ = queries.round_for(request.user, number)
    report = queries.round_report(request.user, round_)
    figures, before = report.figures, report.previous_figures
    names = {code: info.name for code, info in report.areas.items()}
    may_review = access.may_review(request.user)
    context = {
        "round": round_,
        "report": report,
        "figures": figures,
        "total_change": change(figures.totals.total, before.totals.total if before else None),
        "inside_change": change(figures.totals.inside, before.totals.inside if before else None),
        "outside_change": change(figures.totals.outside, before.totals.outside if before else None),
        "entities": _table(figures.by_entity, before.by_entity if before else None, names),
        "cantons": _table(figures.by_canton, before.by_canton if before else None, names),
        "municipalities": _table(
            figures.by_municipality, before.by_municipality if before else None, names
        ),
        "nationalities": _table(
            figures.by_nationality,
            before.by_nationality if before else None,
            {code: country_name(code) for code in figures.by_nationality},
        ),
        "sex_age": [
            {"group": group, "inside": split.inside, "outside": split.outside, "total": split.total}
            for group, split in figures.by_sex_age.items()
        ],
        "map": presence_map(figures),
        "may_review": may_review,
        "may_enter": access.may_enter(request.user)
        and (round_.status == RoundStatus.COLLECTING or (may_review and round_.accepts_entries)),
        "problems": round_checks(round_) if may_review and not round_.is_published else [],
        "observations": round_.observations.select_related("location").order_by("location__code")
        if access.may_see_unpublished(request.user)
        else [],
    }
    return render(request, "presence/round.html", context)


@login_required
@require_POST
def round_advance(request: HttpRequest, number: int) -> HttpResponse:
    round_ = queries.round_for(request.user, number)
    try:
        services.round_advance(actor=request.user, round=round_)
    except services.PresenceError as error:
        messages.error(request, error.message)
    return redirect(round_)


@login_required
@require_POST
def round_publish(request: HttpRequest, number: int) -> HttpResponse:
    round_ = queries.round_for(request.user, number)
    try:
        services.round_publish(actor=request.user, round=round_)
    except services.PresenceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The round is published and frozen."))
    return redirect(round_)


@login_required
@require_POST
def check_confirm(request: HttpRequest, number: int) -> HttpResponse:
    round_ = queries.round_for(request.user, number)
    access.require(request.user, access.Work.REVIEW)
    form = CheckConfirmForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The confirmation could not be read."))
        return redirect(round_)
    try:
        services.check_confirm(
            actor=request.user,
            round=round_,
            check=form.cleaned_data["check"],
            location_code=form.cleaned_data["location"],
            note=form.cleaned_data["note"],
        )
    except services.PresenceError as error:
        messages.error(request, error.message)
    return redirect(round_)
