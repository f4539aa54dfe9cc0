"""The actions on a case page: which form each takes, at which stages it is offered, and the
service it calls. The case view renders the offered forms; the action view runs one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from waypoint.people.models import Purpose
from waypoint.people.queries import persons_visible_to
from waypoint.people.services import consent_record
from waypoint.returns import forms, services
from waypoint.returns.models import AssistanceItem, Case, Source, TravelDocument
from waypoint.returns.stages import BEFORE_DEPARTURE, NEEDS_REASON, TERMINAL, TRANSITIONS, Stage

OPEN = tuple(stage for stage in Stage.values if stage not in TERMINAL)


@dataclass(frozen=True)
class CaseAction:
    title: str | Promise
    button: str | Promise
    form: type[forms.CaseForm]
    stages: tuple[str, ...]
    run: Callable[[Any, Case, Any], str]


def _member(case: Case, form: Any) -> Any:
    return forms.member_of(case, form.cleaned_data["member"])


def _take(user: Any, case: Case, form: Any) -> str:
    services.case_assign(actor=user, case=case, counsellor=user)
    return _("You now hold this case.")


def _link(user: Any, case: Case, form: Any) -> str:
    number = form.cleaned_data["registration_number"].strip().upper()
    person = persons_visible_to(user).filter(registration_number=number).first()
    if person is None:
        raise ValidationError(
            {"registration_number": _("No registration with this number in your scope.")}
        )
    member = services.member_link(actor=user, member=_member(case, form), person=person)
    return _("%(name)s is linked to %(number)s.") % {"name": member.name, "number": number}


def _counselling(user: Any, case: Case, form: Any) -> str:
    services.counselling_record(actor=user, case=case, **form.cleaned_data)
    return _("Counselling session recorded.")


def _consent(user: Any, case: Case, form: Any) -> str:
    member = _member(case, form)
    if member.person is None:
        raise ValidationError(
            {"member": _("Link this person to a registration before recording consent.")}
        )
    embassy = form.cleaned_data["embassy"].upper()
    consent_record(
        actor=user,
        person=member.person,
        purpose=Purpose.RETURN,
        method=form.cleaned_data["method"],
        recipients=[f"embassy:{embassy}"],
        witness=form.cleaned_data["witness"],
    )
    return _("Consent recorded: %(name)s agrees to sharing with the embassy of %(country)s.") % {
        "name": member.name,
        "country": embassy,
    }


def _eligibility(user: Any, case: Case, form: Any) -> str:
    approved = form.cleaned_data["decision"] == "approve"
    services.eligibility_decide(
        actor=user, case=case, approved=approved, reason=form.cleaned_data["reason"]
    )
    return _("Case approved.") if approved else _("Case rejected.")


def _document_request(user: Any, case: Case, form: Any) -> str:
    services.travel_document_request(
        actor=user,
        case=case,
        member=_member(case, form),
        kind=form.cleaned_data["kind"],
        embassy=form.cleaned_data["embassy"],
    )
    return _("Travel document requested; the transfer to the embassy is recorded.")


def _document_issue(user: Any, case: Case, form: Any) -> str:
    document = TravelDocument.objects.get(case=case, pk=int(form.cleaned_data["document"]))
    services.travel_document_issue(
        actor=user,
        document=document,
        issued_on=form.cleaned_data["issued_on"],
        number=form.cleaned_data["number"],
    )
    return _("Travel document recorded as issued.")


def _fitness(user: Any, case: Case, form: Any) -> str:
    services.fitness_record(actor=user, case=case, **form.cleaned_data)
    return _("Medical check recorded.")


def _booking(user: Any, case: Case, form: Any) -> str:
    services.travel_book(actor=user, case=case, **form.cleaned_data)
    return _("Travel booked.")


def _depart(user: Any, case: Case, form: Any) -> str:
    services.case_depart(actor=user, case=case, **form.cleaned_data)
    return _("Departure recorded.")


def _arrival(user: Any, case: Case, form: Any) -> str:
    services.arrival_confirm(actor=user, case=case, **form.cleaned_data)
    return _("Arrival confirmed.")


def _plan(user: Any, case: Case, form: Any) -> str:
    services.plan_record(
        actor=user,
        case=case,
        partner=form.cleaned_data["partner"],
        agreed_on=form.cleaned_data["agreed_on"],
        items=form.items(),
    )
    return _("Reintegration plan recorded.")


def _delivery(user: Any, case: Case, form: Any) -> str:
    item = AssistanceItem.objects.get(plan__case=case, pk=int(form.cleaned_data["item"]))
    services.delivery_record(
        actor=user,
        item=item,
        delivered_on=form.cleaned_data["delivered_on"],
        amount=form.cleaned_data["amount"],
        note=form.cleaned_data["note"],
    )
    return _("Delivery recorded.")


def _monitoring(user: Any, case: Case, form: Any) -> str:
    services.monitoring_record(
        actor=user,
        case=case,
        visited_on=form.cleaned_data["visited_on"],
        visited_by=form.cleaned_data["visited_by"],
        answers=form.answers(),
    )
    return _("Monitoring visit recorded.")


def _advance(user: Any, case: Case, form: Any) -> str:
    services.stage_move(
        actor=user, case=case, to=form.cleaned_data["to"], reason=form.cleaned_data["reason"]
    )
    return _("Stage changed.")


def _stop(user: Any, case: Case, form: Any) -> str:
    services.case_stop(actor=user, case=case, **form.cleaned_data)
    return _("Case closed.")


def _pin(user: Any, case: Case, form: Any) -> str:
    pin = services.pin_reissue(actor=user, case=case)
    return _("New PIN for the applicant: %(pin)s. Give it to them now; it is not shown again.") % {
        "pin": pin
    }


T = gettext_lazy
ACTIONS: dict[str, CaseAction] = {
    "take": CaseAction(T("Counsellor"), T("Take this case"), forms.TakeForm, OPEN, _take),
    "link": CaseAction(T("Link to a registration"), T("Link"), forms.LinkForm, OPEN, _link),
    "counselling": CaseAction(
        T("Record counselling"),
        T("Save session"),
        forms.CounsellingForm,
        BEFORE_DEPARTURE,
        _counselling,
    ),
    "consent": CaseAction(
        T("Record consent to share with an embassy"),
        T("Record consent"),
        forms.ConsentForm,
        BEFORE_DEPARTURE,
        _consent,
    ),
    "eligibility": CaseAction(
        T("Eligibility assessment"),
        T("Record decision"),
        forms.EligibilityForm,
        (Stage.COUNSELLING, Stage.ELIGIBILITY),
        _eligibility,
    ),
    "document_request": CaseAction(
        T("Request a travel document"),
        T("Request document"),
        forms.DocumentRequestForm,
        (Stage.TRAVEL_DOCUMENTS,),
        _document_request,
    ),
    "document_issue": CaseAction(
        T("Travel document issued"),
        T("Record issued"),
        forms.DocumentIssueForm,
        (Stage.TRAVEL_DOCUMENTS, Stage.MEDICAL, Stage.TRAVEL_BOOKED),
        _document_issue,
    ),
    "fitness": CaseAction(
        T("Medical check: fitness to travel"),
        T("Record medical check"),
        forms.FitnessForm,
        (Stage.TRAVEL_DOCUMENTS, Stage.MEDICAL, Stage.TRAVEL_BOOKED),
        _fitness,
    ),
    "booking": CaseAction(
        T("Book travel"),
        T("Book travel"),
        forms.BookingForm,
        (Stage.MEDICAL, Stage.TRAVEL_BOOKED),
        _booking,
    ),
    "depart": CaseAction(
        T("Departure"), T("Mark departed"), forms.DepartForm, (Stage.TRAVEL_BOOKED,), _depart
    ),
    "arrival": CaseAction(
        T("Arrival"), T("Confirm arrival"), forms.ArrivalForm, (Stage.DEPARTED,), _arrival
    ),
    "plan": CaseAction(
        T("Reintegration plan"), T("Save plan"), forms.PlanForm, (Stage.ARRIVED,), _plan
    ),
    "delivery": CaseAction(
        T("Assistance delivered"),
        T("Record delivery"),
        forms.DeliveryForm,
        (Stage.REINTEGRATION_PLANNED,),
        _delivery,
    ),
    "monitoring": CaseAction(
        T("Monitoring visit"),
        T("Save visit"),
        forms.MonitoringForm,
        (Stage.ASSISTANCE_DELIVERED, Stage.MONITORING),
        _monitoring,
    ),
    "advance": CaseAction(T("Change stage"), T("Move"), forms.AdvanceForm, OPEN, _advance),
    "stop": CaseAction(T("Withdraw or abandon"), T("Close the case"), forms.StopForm, OPEN, _stop),
    "pin": CaseAction(T("Portal PIN"), T("Issue a new PIN"), forms.PinForm, OPEN, _pin),
}


def offered(case: Case, user: Any) -> list[str]:
    """The actions to show on this case, in page order."""
    names = [name for name, action in ACTIONS.items() if case.stage in action.stages]
    if case.counsellor_id == getattr(user, "pk", None):
        names = [name for name in names if name != "take"]
    if not case.members.filter(person__isnull=True).exists():
        names = [name for name in names if name != "link"]
    if case.source != Source.PORTAL:
        names = [name for name in names if name != "pin"]
    if not TRANSITIONS.get(case.stage, frozenset()) - NEEDS_REASON:
        names = [name for name in names if name != "advance"]
    return names
