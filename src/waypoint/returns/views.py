from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from waypoint.audit.pages import audited_page
from waypoint.audit.services import audit_list_read
from waypoint.core.crypto import unseal
from waypoint.core.forms import show_errors
from waypoint.people.queries import person_for, persons_visible_to
from waypoint.returns import access, queries, services
from waypoint.returns.access import Work
from waypoint.returns.actions import ACTIONS, offered
from waypoint.returns.forms import CaseFilterForm, CaseOpenForm, ReferForm
from waypoint.returns.models import Case, ReintegrationPlan, Source
from waypoint.returns.services.reintegration import item_delivered
from waypoint.returns.sustainability import INDICATORS

PAGE_SIZE = 50


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Counsellors: their workspace. Centre staff: the cases of their residents."""
    access.require(request.user, Work.READ)
    context: dict[str, Any] = {"is_counsellor": access.may(request.user, Work.COUNSEL)}
    if context["is_counsellor"]:
        context.update(queries.workspace(request.user))
        shown = [
            *(case.pk for group in context["groups"] for case in group.cases),
            *(case.pk for case in context["unassigned"]),
            *(case.pk for case in context["overdue"]),
            *(booking.case_id for booking in context["departures"]),
            *(session.case_id for session in context["appointments"]),
        ]
    else:
        context["cases"] = list(
            queries.open_cases(request.user).order_by("-created_at")[:PAGE_SIZE]
        )
        shown = [case.pk for case in context["cases"]]
    # One event for the page: each case once, in the order of the sections.
    ids = list(dict.fromkeys(shown))
    audit_list_read(actor=request.user, object_type="returns.case", ids=ids, purpose="workspace")
    return render(request, "returns/home.html", context)


@login_required
def cases(request: HttpRequest) -> HttpResponse:
    access.require(request.user, Work.READ)
    form = CaseFilterForm(request.GET or None)
    found = queries.cases_visible_to(request.user).none()
    if form.is_valid() or not request.GET:
        data = form.cleaned_data if form.is_bound else {}
        found = queries.cases_search(
            request.user, text=data.get("q", ""), stage=data.get("stage", "")
        )
    query = form.cleaned_data if form.is_valid() else None
    page = audited_page(request, found, size=PAGE_SIZE, purpose="case list", query=query)
    return render(request, "returns/cases.html", {"form": form, "page": page})


def _case_page(
    request: HttpRequest, case: Case, failed: tuple[str, Form] | None = None
) -> HttpResponse:
    may_act = access.may(request.user, Work.COUNSEL)
    forms = []
    if may_act:
        for name in offered(case, request.user):
            action = ACTIONS[name]
            form = failed[1] if failed and failed[0] == name else None
            forms.append((name, action, form or action.form(case=case, prefix=name)))
    plan = ReintegrationPlan.objects.filter(case=case).first()
    items = [(item, item_delivered(item)) for item in plan.items.all()] if plan else []
    context = {
        "case": case,
        "members": case.members.select_related("person"),
        "history": case.stage_changes.select_related("changed_by"),
        "sessions": case.sessions.select_related("counsellor"),
        "documents": case.travel_documents.select_related("member"),
        "transfers": case.transfers.select_related("sent_by"),
        "bookings": case.bookings.all(),
        "plan": plan,
        "items": items,
        "visits": case.visits.all(),
        "portal_consents": case.portal_consents.all(),
        "contact": unseal(case.contact_token) if may_act else "",
        "suggestions": queries.link_suggestions(request.user, case) if may_act else [],
        "forms": forms,
        "may_act": may_act,
        "overdue": case.is_overdue(),
        "indicators": INDICATORS,
    }
    return render(request, "returns/case.html", context, status=400 if failed else 200)


@login_required
def case(request: HttpRequest, case_id: int) -> HttpResponse:
    return _case_page(request, queries.case_view(request.user, case_id))


@login_required
@require_POST
def case_action(request: HttpRequest, case_id: int, action: str) -> HttpResponse:
    """Run one action on a case; on a refusal, the case page again with the form's errors."""
    found = queries.case_for(request.user, case_id)
    access.require(request.user, Work.COUNSEL)
    if action not in offered(found, request.user):
        raise Http404("No such action at this stage.")
    form = ACTIONS[action].form(request.POST, case=found, prefix=action)
    if form.is_valid():
        try:
            message = ACTIONS[action].run(request.user, found, form)
        except ValidationError as error:
            show_errors(form, error)
        except (ObjectDoesNotExist, ValueError):
            form.add_error(None, _("Choose from the list."))
        else:
            messages.success(request, message)
            return redirect("returns:case", case_id=found.pk)
    found.refresh_from_db()
    return _case_page(request, found, failed=(action, form))


@login_required
def case_new(request: HttpRequest) -> HttpResponse:
    """Open a case for a walk-in or an SFA referral (registered or not yet)."""
    access.require(request.user, Work.COUNSEL)
    form = CaseOpenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        number = data.pop("registration_number").strip().upper()
        principal = None
        if number:
            principal = persons_visible_to(request.user).filter(registration_number=number).first()
            if principal is None:
                form.add_error("registration_number", _("No registration with this number."))
        if not form.errors:
            try:
                opened = services.case_open(
                    actor=request.user, principal=principal, counsellor=request.user, **data
                )
            except ValidationError as error:
                show_errors(form, error)
            else:
                messages.success(request, _("Case %(ref)s opened.") % {"ref": opened.reference})
                return redirect("returns:case", case_id=opened.pk)
    return render(request, "returns/case_new.html", {"form": form})


@login_required
def refer(request: HttpRequest, person_id: int) -> HttpResponse:
    """Centre staff refer a resident for voluntary return (from the person page)."""
    someone = person_for(request.user, person_id)
    # Counsellors open cases anyway; referring from the person page is one way of opening.
    if not access.may(request.user, Work.COUNSEL):
        access.require(request.user, Work.REFER)
    form = ReferForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            opened = services.case_open(
                actor=request.user, source=Source.CENTRE, principal=someone, **form.cleaned_data
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(
                request, _("Referred for voluntary return: %(ref)s.") % {"ref": opened.reference}
            )
            return redirect("returns:case", case_id=opened.pk)
    return render(request, "returns/refer.html", {"person": someone, "form": form})


@login_required
def figures(request: HttpRequest) -> HttpResponse:
    """Managers' figures over the cases in the user's scope (no personal data)."""
    access.require(request.user, Work.READ)
    context = {
        "by_month": queries.returns_by_month(request.user),
        "median_days": queries.median_days_to_departure(request.user),
        "withdrawals": queries.withdrawals_by_reason(request.user),
    }
    return render(request, "returns/figures.html", context)
