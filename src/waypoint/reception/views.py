"""Reception pages: parse with a form, call one service or query, render."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from waypoint.audit.services import audit_list_read
from waypoint.places.models import Site
from waypoint.reception import queries, services
from waypoint.reception.access import Work, allowed_work, may, require
from waypoint.reception.cards import CardUnavailable
from waypoint.reception.forms import (
    AdmitForm,
    BedForm,
    DistributionForm,
    ExitForm,
    OccupancyForm,
    RollCallAction,
    RollCallForm,
    SearchForm,
    ServiceForm,
    TakeOverForm,
    TransferForm,
)
from waypoint.reception.models import ServiceKind, Stay


def _centre(request: HttpRequest, code: str, work: Work | None = None) -> Site:
    """The centre (404 out of scope) and, for ``work``, the right to do it there (403)."""
    site = queries.centre_for(request.user, code)
    if work is not None and not may(request.user, work, site):
        raise PermissionDenied
    return site


def _audit_stays(
    request: HttpRequest,
    stays: Iterable[Stay],
    purpose: str,
    *,
    page: int | None = None,
    query: dict[str, str] | None = None,
) -> None:
    """One audit event for a list of residents' stays as shown (see ``audit_list_read``)."""
    ids = [stay.pk for stay in stays]
    audit_list_read(
        actor=request.user,
        object_type="reception.stay",
        ids=ids,
        purpose=purpose,
        page=page,
        query=query,
    )


def _search_term(request: HttpRequest) -> str:
    form = SearchForm(request.GET or None)
    return form.cleaned_data["q"] if form.is_valid() else ""


@login_required
def centres(request: HttpRequest) -> HttpResponse:
    require(request.user, Work.READ)
    return render(
        request, "reception/centres.html", {"centres": queries.centres_visible_to(request.user)}
    )


@login_required
def centre(request: HttpRequest, code: str) -> HttpResponse:
    site = _centre(request, code)
    context = {
        "site": site,
        "dashboard": queries.centre_dashboard(request.user, site),
        "work": allowed_work(request.user, site),
    }
    return render(request, "reception/centre.html", context)


@login_required
def residents(request: HttpRequest, code: str) -> HttpResponse:
    site = _centre(request, code)
    term = _search_term(request)
    page = Paginator(queries.residents(request.user, site, search=term), 50).get_page(
        request.GET.get("page")
    )
    _audit_stays(request, page, "residents", page=page.number, query={"q": term})
    context = {"site": site, "page": page, "search": SearchForm(initial={"q": term})}
    return render(request, "reception/residents.html", context)


@login_required
def admit_search(request: HttpRequest, code: str) -> HttpResponse:
    site = _centre(request, code, Work.ACCOMMODATE)
    term = _search_term(request)
    people = queries.persons_to_admit(request.user, site, search=term)
    if term:  # without a search the page lists nobody
        audit_list_read(
            actor=request.user,
            object_type="people.person",
            ids=[person.pk for person in people],
            purpose="admission search",
            query={"q": term},
        )
    context = {"site": site, "people": people, "search": SearchForm(initial={"q": term})}
    return render(request, "reception/admit_search.html", {**context, "searched": bool(term)})


@login_required
def admit(request: HttpRequest, code: str, number: str) -> HttpResponse:
    site = _centre(request, code, Work.ACCOMMODATE)
    person = queries.person_to_admit(request.user, site, number)
    suggested = services.bed_suggest(site=site, person=person)
    form = AdmitForm(
        request.POST or None, beds=services.beds_free(site), initial={"bed": suggested}
    )
    if request.method == "POST" and form.is_valid():
        try:
            stay = services.stay_admit(
                actor=request.user,
                person=person,
                site=site,
                bed=form.cleaned_data["bed"],
                at=form.cleaned_data["admitted_at"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("%(name)s is admitted.") % {"name": person.full_name})
            return redirect("reception:stay", stay_id=stay.pk)
    context = {"site": site, "person": person, "form": form, "suggested": suggested}
    return render(request, "reception/admit.html", context)


@login_required
def take_over(request: HttpRequest, code: str) -> HttpResponse:
    site = _centre(request, code, Work.ACCOMMODATE)
    form = TakeOverForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            person = services.registration_take_over(
                actor=request.user, site=site, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("%(name)s's registration is now in this centre's scope.")
                % {"name": person.full_name},
            )
            return redirect("reception:admit", code=site.code, number=person.registration_number)
    return render(request, "reception/take_over.html", {"site": site, "form": form})


def _stay_page(request: HttpRequest, stay: Stay, **forms: object) -> HttpResponse:
    context = {
        "stay": stay,
        "work": allowed_work(request.user, stay.site),
        "transfer_form": forms.get("transfer_form") or TransferForm(current=stay.site),
        "exit_form": forms.get("exit_form") or ExitForm(),
        "bed_form": forms.get("bed_form")
        or BedForm(
            beds=services.beds_free(stay.site),
            initial={"bed": services.bed_suggest(site=stay.site, person=stay.person)},
        ),
        "overdue": stay.is_overdue(timezone.now()),
        "history": queries.stays_of_person(request.user, stay.person),
    }
    return render(request, "reception/stay.html", context, status=400 if forms else 200)


@login_required
def stay(request: HttpRequest, stay_id: int) -> HttpResponse:
    return _stay_page(request, queries.stay_for(request.user, stay_id))


@login_required
@require_POST
def stay_transfer(request: HttpRequest, stay_id: int) -> HttpResponse:
    current = queries.stay_for(request.user, stay_id)
    require(request.user, Work.ACCOMMODATE, current.site)
    form = TransferForm(request.POST, current=current.site)
    if form.is_valid():
        try:
            following = services.stay_transfer(
                actor=request.user, stay=current, to_site=form.cleaned_data["to_site"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Transferred to %(site)s.") % {"site": following.site})
            return redirect("reception:stay", stay_id=current.pk)
    return _stay_page(request, current, transfer_form=form)


@login_required
@require_POST
def stay_bed(request: HttpRequest, stay_id: int) -> HttpResponse:
    current = queries.stay_for(request.user, stay_id)
    form = BedForm(request.POST, beds=services.beds_free(current.site))
    if form.is_valid():
        try:
            services.stay_bed_assign(actor=request.user, stay=current, bed=form.cleaned_data["bed"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Bed saved."))
            return redirect("reception:stay", stay_id=current.pk)
    return _stay_page(request, current, bed_form=form)


@login_required
@require_POST
def stay_exit(request: HttpRequest, stay_id: int) -> HttpResponse:
    current = queries.stay_for(request.user, stay_id)
    require(request.user, Work.ACCOMMODATE, current.site)
    form = ExitForm(request.POST)
    if form.is_valid():
        try:
            services.stay_exit(
                actor=request.user,
                stay=current,
                reason=form.cleaned_data["reason"],
                at=form.cleaned_data["exited_at"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The exit is recorded."))
            return redirect("reception:stay", stay_id=current.pk)
    return _stay_page(request, current, exit_form=form)


@login_required
@require_POST
def absence_confirm(request: HttpRequest, stay_id: int) -> HttpResponse:
    current = queries.stay_for(request.user, stay_id)
    try:
        services.absence_confirm_exit(actor=request.user, stay=current)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(number)s is recorded as gone without notice.")
            % {"number": current.person.registration_number},
        )
    return redirect("reception:absences", code=current.site.code)


@login_required
def card(request: HttpRequest, stay_id: int) -> HttpResponse:
    current = queries.stay_for(request.user, stay_id)
    try:
        pdf = services.resident_card_issue(actor=request.user, stay=current)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("reception:stay", stay_id=current.pk)
    except CardUnavailable as error:
        context = {"stay": current, "detail": error}
        return render(request, "reception/card_unavailable.html", context, status=503)
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"card-{current.person.registration_number}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
def rollcall(request: HttpRequest, code: str) -> HttpResponse:
    site = _centre(request, code, Work.ACCOMMODATE)
    stays = list(queries.residents(request.user, site))
    data = request.POST if request.method == "POST" else request.GET
    action = data.get("action", RollCallAction.SAVE) if request.method == "POST" else ""
    if action == RollCallAction.SAVE:
        form = RollCallForm(data, stays=stays)
    else:  # a redraw without JavaScript (search, card number, mark all) keeps the ticks sent
        initial = {"day": data.get("day") or timezone.localdate(), "q": data.get("q", "")}
        form = RollCallForm(stays=stays, initial=initial)
    if action == RollCallAction.SAVE and form.is_valid():
        try:
            taken = services.rollcall_record(
                actor=request.user,
                site=site,
                day=form.cleaned_data["day"],
                present_stay_ids=form.cleaned_data["present"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            present = taken.entries.filter(present=True).count()
            messages.success(
                request, _("Roll-call saved: %(present)s present.") % {"present": present}
            )
            return redirect("reception:centre", code=site.code)
    _audit_stays(request, stays, "roll-call")
    context = {"site": site, "form": form, "sheet": form.sheet(data, action)}
    return render(request, "reception/rollcall.html", context)


@login_required
def absences(request: HttpRequest, code: str) -> HttpResponse:
    site = _centre(request, code)
    stays = list(queries.absences_for(request.user, site))
    _audit_stays(request, stays, "absences")
    context = {"site": site, "stays": stays, "work": allowed_work(request.user, site)}
    return render(request, "reception/absences.html", context)


@login_required
def service_new(request: HttpRequest, code: str) -> HttpResponse:
    site = _centre(request, code)
    can_serve = may(request.user, Work.SERVE, site)
    form = ServiceForm(
        request.POST or None, initial={"delivered_on": timezone.localdate(), "quantity": 1}
    )
    if request.method == "POST":
        if not can_serve:
            raise PermissionDenied
        if form.is_valid() and _record_service(request, site, form):
            messages.success(request, _("The service is recorded."))
            return redirect("reception:services", code=site.code)
    deliveries = list(queries.deliveries_at(request.user, site)[:50])
    audit_list_read(
        actor=request.user,
        object_type="reception.servicedelivery",
        ids=[delivery.pk for delivery in deliveries],
        purpose="services recorded",
    )
    context = {"site": site, "form": form, "deliveries": deliveries, "can_serve": can_serve}
    return render(request, "reception/services.html", context)


def _record_service(request: HttpRequest, site: Site, form: ServiceForm) -> bool:
    data = form.cleaned_data
    stay = queries.residents(request.user, site).filter(
        person__registration_number=data["registration_number"]
    )
    resident = stay.first()
    if resident is None:
        form.add_error("registration_number", _("No resident here has this number."))
        return False
    membership = getattr(resident.person, "membership", None)
    household = membership.household if data["whole_household"] and membership else None
    try:
        services.service_record(
            actor=request.user,
            site=site,
            kind=data["kind"],
            delivered_on=data["delivered_on"],
            person=None if household else resident.person,
            household=household,
            quantity=data["quantity"],
            note=data["note"],
        )
    except ValidationError as error:
        form.add_error(None, error)
        return False
    return True


@login_required
def distribution(request: HttpRequest, code: str) -> HttpResponse:
    site = _centre(request, code, Work.SERVE)
    initial = {"delivered_on": timezone.localdate(), "quantity": 1, "kind": ServiceKind.MEALS}
    form = DistributionForm(request.POST or None, initial=initial)
    line_errors: list[services.LineError] = []
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.distribution_record_batch(
                actor=request.user,
                site=site,
                kind=form.cleaned_data["kind"],
                registration_numbers=form.cleaned_data["numbers"],
                delivered_on=form.cleaned_data["delivered_on"],
                quantity=form.cleaned_data["quantity"],
            )
        except services.DistributionRejected as rejected:
            line_errors = rejected.lines
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Recorded for %(count)s people.") % {"count": len(saved)})
            return redirect("reception:distribution", code=site.code)
    context = {"site": site, "form": form, "line_errors": line_errors}
    return render(
        request, "reception/distribution.html", context, status=400 if line_errors else 200
    )


@login_required
def occupancy(request: HttpRequest, code: str) -> HttpResponse:
    site = _centre(request, code)
    today = timezone.localdate()
    form = OccupancyForm(request.GET or None)
    first, last = today - timedelta(days=29), today
    if form.is_valid():
        first, last = form.cleaned_data["first"], form.cleaned_data["last"]
    elif not form.is_bound:
        form = OccupancyForm(initial={"first": first, "last": last})
    rows = queries.occupancy_by_day(request.user, site, first, last)
    return render(request, "reception/occupancy.html", {"site": site, "form": form, "rows": rows})
