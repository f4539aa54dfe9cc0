from __future__ import annotations

from collections.abc import Iterable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from waypoint.audit.services import audit_list_read
from waypoint.core.crypto import FieldUnreadable
from waypoint.core.forms import show_errors
from waypoint.people.queries import person_view
from waypoint.protection import access, queries, services
from waypoint.protection.access import Work
from waypoint.protection.forms import (
    IncidentForm,
    IncidentStatusForm,
    OutreachForm,
    PersonLookupForm,
    ReferralForm,
    ReferralStatusForm,
    ScreeningForm,
)
from waypoint.protection.screening import template_current

PAGE_SIZE = 50


def _audit_page(
    request: HttpRequest,
    object_type: str,
    rows: Iterable[Model],
    purpose: str,
    page: int | None = None,
) -> None:
    """One audit event for a list of protection data as shown (see ``audit_list_read``)."""
    ids = [row.pk for row in rows]
    audit_list_read(
        actor=request.user, object_type=object_type, ids=ids, purpose=purpose, page=page
    )


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Find a person by registration number; people needing follow-up; open referrals."""
    access.require(request.user, Work.READ)
    lookup = PersonLookupForm(request.GET or None)
    if lookup.is_valid():
        found = queries.person_by_number(request.user, lookup.cleaned_data["number"])
        if found is not None:
            return redirect("protection:person", person_id=found.pk)
        lookup.add_error("number", _("No person with this registration number in your scope."))
    page = Paginator(queries.persons_flagged(request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    for flagged in page:
        flagged.reasons = queries.follow_up_reasons(flagged)  # type: ignore[attr-defined]
    referrals = list(queries.open_referrals(request.user))
    _audit_page(request, "people.person", page, "protection follow-up", page.number)
    _audit_page(request, "protection.referral", referrals, "open referrals")
    context = {"lookup": lookup, "page": page, "referrals": referrals}
    return render(request, "protection/home.html", context)


@login_required
def person(request: HttpRequest, person_id: int) -> HttpResponse:
    """Protection staff see the whole record; others in scope see only the follow-up flag."""
    if queries.persons_for_protection(request.user).filter(pk=person_id).exists():
        context = queries.person_protection_view(request.user, person_id)
        context["template"] = template_current()
        return render(request, "protection/person.html", context)
    someone = person_view(request.user, person_id, purpose="protection flag")
    flag = queries.protection_flag_for(request.user, someone)
    return render(
        request, "protection/person_flag.html", {"person": someone, "protection_follow_up": flag}
    )


@login_required
def screening_new(request: HttpRequest, person_id: int) -> HttpResponse:
    someone = queries.person_for_protection(request.user, person_id)
    form = ScreeningForm(request.POST or None, template=template_current(), person=someone)
    if request.method == "POST" and form.is_valid():
        try:
            screening = services.screening_record(
                actor=request.user,
                person=someone,
                answers=form.answers(),
                notes=form.cleaned_data["notes"],
                version=form.template.version,
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Screening saved."))
            return redirect("protection:screening", screening_id=screening.pk)
    return render(request, "protection/screening_form.html", {"person": someone, "form": form})


@login_required
def screening(request: HttpRequest, screening_id: int) -> HttpResponse:
    found = queries.screening_view(request.user, screening_id)
    return render(request, "protection/screening.html", {"screening": found})


@login_required
def referral_new(request: HttpRequest, person_id: int) -> HttpResponse:
    someone = queries.person_for_protection(request.user, person_id)
    form = ReferralForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        latest = someone.screenings.order_by("-screened_at", "-id").first()
        try:
            referral = services.referral_create(
                actor=request.user, person=someone, screening=latest, **form.cleaned_data
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Referral proposed."))
            return redirect("protection:referral", referral_id=referral.pk)
    return render(request, "protection/referral_form.html", {"person": someone, "form": form})


@login_required
def referral(request: HttpRequest, referral_id: int) -> HttpResponse:
    found = queries.referral_view(request.user, referral_id)
    form = ReferralStatusForm(allowed=found.next_statuses())
    changes = found.changes.select_related("changed_by")
    return render(
        request, "protection/referral.html", {"referral": found, "form": form, "changes": changes}
    )


@login_required
@require_POST
def referral_status(request: HttpRequest, referral_id: int) -> HttpResponse:
    found = queries.referral_for(request.user, referral_id)
    form = ReferralStatusForm(request.POST, allowed=found.next_statuses())
    if form.is_valid():
        try:
            services.referral_move(actor=request.user, referral=found, **form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Referral status changed."))
            return redirect("protection:referral", referral_id=found.pk)
    changes = found.changes.select_related("changed_by")
    context = {"referral": found, "form": form, "changes": changes}
    return render(request, "protection/referral.html", context, status=400)


@login_required
def incidents(request: HttpRequest) -> HttpResponse:
    access.require(request.user, Work.READ)
    page = Paginator(queries.incidents_visible_to(request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    _audit_page(request, "protection.incident", page, "incident log", page.number)
    return render(request, "protection/incidents.html", {"page": page})


@login_required
def incident_new(request: HttpRequest) -> HttpResponse:
    access.require(request.user, Work.RECORD_INCIDENT)
    form = IncidentForm(
        request.POST or None,
        sites=queries.sites_for_protection(request.user),
        people=queries.persons_for_protection(request.user),
    )
    if request.method == "POST" and form.is_valid():
        try:
            incident = services.incident_record(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Incident recorded."))
            return redirect("protection:incident", incident_id=incident.pk)
    return render(request, "protection/incident_form.html", {"form": form})


@login_required
def incident(request: HttpRequest, incident_id: int) -> HttpResponse:
    found = queries.incident_view(request.user, incident_id)
    try:
        narrative: str | None = found.narrative
    except FieldUnreadable:
        narrative = None
    form = IncidentStatusForm(initial={"status": found.status})
    context = {"incident": found, "narrative": narrative, "form": form}
    return render(request, "protection/incident.html", context)


@login_required
@require_POST
def incident_status(request: HttpRequest, incident_id: int) -> HttpResponse:
    found = queries.incident_for(request.user, incident_id)
    form = IncidentStatusForm(request.POST)
    if form.is_valid():
        services.incident_set_status(actor=request.user, incident=found, **form.cleaned_data)
        messages.success(request, _("Incident status changed."))
    else:
        messages.error(request, _("Choose one of the listed statuses."))
    return redirect("protection:incident", incident_id=found.pk)


@login_required
def outreach(request: HttpRequest) -> HttpResponse:
    access.require(request.user, Work.READ)
    page = Paginator(queries.outreach_visible_to(request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    _audit_page(request, "protection.outreachcontact", page, "outreach contacts", page.number)
    return render(request, "protection/outreach.html", {"page": page})


@login_required
def outreach_new(request: HttpRequest) -> HttpResponse:
    access.require(request.user, Work.RECORD_OUTREACH)
    form = OutreachForm(
        request.POST or None,
        areas=queries.municipalities(),
        people=queries.persons_for_protection(request.user),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.outreach_record(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Outreach contact recorded."))
            return redirect("protection:outreach")
    return render(request, "protection/outreach_form.html", {"form": form})
