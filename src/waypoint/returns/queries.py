"""Reading return cases. Staff reads take the acting user; out of scope answers 404.

Counsellors (and administrators) see every case; centre managers and case workers see the
cases of people staying in their centre. The public status check takes a reference and PIN.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from statistics import median
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from waypoint.accounts.scoping import scope_for
from waypoint.audit.models import Action
from waypoint.audit.services import audit_record
from waypoint.core.lookups import one_in_scope
from waypoint.people import access as people_access
from waypoint.people.models import Person
from waypoint.people.queries import (
    identification_search,
    persons_search,
    persons_visible_to,
)
from waypoint.people.timeline import Kind, TimelineEntry
from waypoint.returns import access
from waypoint.returns.access import Work
from waypoint.returns.models import (
    AssistanceDelivery,
    Case,
    CounsellingSession,
    MonitoringVisit,
    StageChange,
    TravelBooking,
)
from waypoint.returns.references import pin_matches, reference_normalise
from waypoint.returns.stages import STAGE_DAYS, TERMINAL, ClosureReason, Stage

MAX_PIN_FAILURES = 5


@dataclass(frozen=True)
class PublicStatus:
    stage: str  # the Stage value
    stage_label: str | Promise  # translated in the active language when rendered
    updated_on: date


def case_status_public(*, reference: str, pin: str) -> PublicStatus | None:
    """The stage of a case for the applicant holding its reference and PIN, else None.

    Unknown reference, wrong PIN and locked reference all answer None after the same work
    (one PIN hash check, against a dummy hash when the reference is unknown). After
    ``MAX_PIN_FAILURES`` wrong PINs the reference is locked until staff issue a new PIN.
    """
    case = Case.objects.filter(reference=reference_normalise(str(reference))).first()
    matched = pin_matches(str(pin)[:64], case.pin_hash if case is not None else None)
    if case is None:
        return None
    if case.pin_failures >= MAX_PIN_FAILURES:
        return None
    if not matched:
        Case.objects.filter(pk=case.pk).update(pin_failures=F("pin_failures") + 1)
        return None
    if case.pin_failures:
        Case.objects.filter(pk=case.pk).update(pin_failures=0)
    return PublicStatus(
        stage=case.stage,
        stage_label=Stage(case.stage).label,
        updated_on=timezone.localdate(case.stage_entered_at),
    )


def cases_visible_to(user: Any) -> QuerySet[Case]:
    """Cases in the user's scope: all for counsellors, their centres' residents for centre staff."""
    scope = scope_for(user, access.ROLES[Work.READ])
    if scope.is_empty:
        return Case.objects.none()
    cases = Case.objects.select_related("principal", "site", "counsellor")
    if scope.national:
        return cases
    return cases.filter(scope.site_filter("site") | scope.site_filter("principal__last_seen_at"))


def case_for(user: Any, case_id: Any) -> Case:
    """One case the user may see; ``Http404`` when it does not exist or is out of scope."""
    return one_in_scope(cases_visible_to(user), case_id, "case")


def case_view(user: Any, case_id: Any) -> Case:
    """``case_for`` that records that the user opened the case."""
    case = case_for(user, case_id)
    audit_record(
        actor=user,
        action=Action.VIEW,
        target=case,
        person_id=case.principal_id,
        purpose="voluntary return",
    )
    return case


def cases_search(user: Any, *, text: str = "", stage: str = "") -> QuerySet[Case]:
    cases = cases_visible_to(user)
    if stage in Stage.values:
        cases = cases.filter(stage=stage)
    text = text.strip()[:120]
    if text:
        cases = cases.filter(
            Q(reference__iexact=reference_normalise(text))
            | Q(given_name__icontains=text)
            | Q(family_name__icontains=text)
            | Q(principal__registration_number=text.upper())
        )
    return cases.order_by("-created_at", "-id")


# --- The counsellor's workspace and the managers' figures ----------------------------------

UPCOMING_DAYS = 14


def overdue_filter(now: datetime) -> Q:
    """Cases that have been in their stage longer than ``STAGE_DAYS`` allows."""
    condition = Q(pk__in=[])
    for stage, days in STAGE_DAYS.items():
        if days is not None:
            condition |= Q(stage=stage, stage_entered_at__lt=now - timedelta(days=days))
    return condition


def open_cases(user: Any) -> QuerySet[Case]:
    return cases_visible_to(user).exclude(stage__in=list(TERMINAL))


@dataclass(frozen=True)
class StageGroup:
    stage: str
    label: str | Promise
    cases: list[Case]


def workspace(user: Any, now: datetime | None = None) -> dict[str, Any]:
    """My open cases by stage, new portal applications nobody holds yet, overdue cases,
    departures and appointments in the next two weeks."""
    now = now or timezone.now()
    mine = list(open_cases(user).filter(counsellor=user).order_by("stage_entered_at"))
    groups = [
        StageGroup(stage, label, [case for case in mine if case.stage == stage])
        for stage, label in Stage.choices
        if any(case.stage == stage for case in mine)
    ]
    soon = now + timedelta(days=UPCOMING_DAYS)
    visible = cases_visible_to(user).values("pk")
    departures = (
        TravelBooking.objects.filter(
            case__in=visible, case__stage=Stage.TRAVEL_BOOKED, departure_at__range=(now, soon)
        )
        .select_related("case")
        .order_by("departure_at")
    )
    appointments = (
        CounsellingSession.objects.filter(
            case__in=open_cases(user).values("pk"), next_appointment__range=(now, soon)
        )
        .select_related("case")
        .order_by("next_appointment")
    )
    return {
        "groups": groups,
        # New applications only: a case further on without a counsellor is someone's to
        # reassign, not a new application to take.
        "unassigned": open_cases(user)
        .filter(counsellor__isnull=True, stage=Stage.APPLICATION)
        .order_by("created_at")[:50],
        "overdue": open_cases(user).filter(overdue_filter(now)).order_by("stage_entered_at")[:50],
        "departures": departures[:50],
        "appointments": appointments[:50],
        "now": now,
    }


def returns_by_month(user: Any) -> list[dict[str, Any]]:
    """Departures per month and country of return (cases in the user's scope)."""
    rows = (
        StageChange.objects.filter(
            case__in=cases_visible_to(user).values("pk"), to_stage=Stage.DEPARTED
        )
        .annotate(month=TruncMonth("changed_at"))
        .values("month", "case__return_country")
        .annotate(cases=Count("case", distinct=True))
        .order_by("-month", "case__return_country")
    )
    return [
        {"month": row["month"], "country": row["case__return_country"], "cases": row["cases"]}
        for row in rows
    ]


def median_days_to_departure(user: Any) -> float | None:
    """Median days from the application to departure over departed cases in scope."""
    departures = StageChange.objects.filter(
        case__in=cases_visible_to(user).values("pk"), to_stage=Stage.DEPARTED
    ).values_list("changed_at", "case__created_at")
    days = [(departed - opened).total_seconds() / 86400 for departed, opened in departures]
    return round(median(days), 1) if days else None


def withdrawals_by_reason(user: Any) -> list[dict[str, Any]]:
    rows = (
        cases_visible_to(user)
        .filter(stage__in=[Stage.WITHDRAWN, Stage.ABANDONED])
        .values("stage", "closure_reason")
        .annotate(cases=Count("pk"))
        .order_by("-cases")
    )
    labels = dict(ClosureReason.choices)
    return [
        {
            "stage": Stage(row["stage"]).label,
            "reason": labels.get(row["closure_reason"], row["closure_reason"]),
            "cases": row["cases"],
        }
        for row in rows
    ]


# --- Identity resolution: which registrations a case member may be -------------------------

SUGGESTION_LIMIT = 5


@dataclass(frozen=True)
class LinkSuggestion:
    member_id: int
    person_id: int
    registration_number: str
    name: str
    birth_date: date | None
    nationality: str
    last_seen_at: str
    score: float
    likelihood_percent: int | None = None  # the linkage model's match probability


def link_suggestions(user: Any, case: Case) -> list[LinkSuggestion]:
    """Likely registrations for each unlinked member of ``case``, best first.

    Uses the national identification search (``people.queries.identification_search``) for
    users who may run it, and otherwise the user's own scoped search; only registrations the
    user may open are suggested, since linking needs the number.
    """
    suggestions: list[LinkSuggestion] = []
    visible = persons_visible_to(user)
    for member in case.members.filter(person__isnull=True):
        born = date(member.birth_year, 7, 1) if member.birth_year else None
        hits = identification_search(
            user,
            name=member.name,
            birth_date=born,
            nationality=case.nationality,
            purpose="voluntary return: link case member",
        )
        found = [
            LinkSuggestion(
                member.pk,
                hit.person_id,
                hit.registration_number,
                f"{hit.given_name} {hit.family_name}".strip(),
                hit.birth_date,
                hit.nationality,
                hit.last_seen_at,
                hit.score,
                hit.likelihood_percent,
            )
            for hit in hits
            if hit.in_scope
        ]
        if not found and not people_access.may(user, people_access.Work.IDENTIFY):
            people = persons_search(user, member.name)[:SUGGESTION_LIMIT]
            found = [
                LinkSuggestion(
                    member.pk,
                    person.pk,
                    person.registration_number,
                    person.full_name,
                    person.birth_date,
                    person.nationality,
                    person.last_seen_at.name if person.last_seen_at else "",
                    0.0,
                )
                for person in people
            ]
        suggestions.extend(
            suggestion
            for suggestion in found[:SUGGESTION_LIMIT]
            if visible.filter(pk=suggestion.person_id).exists()
        )
    return suggestions


# --- What other pages show ----------------------------------------------------------------


def returns_panel(user: Any) -> dict[str, Any]:
    """The landing-page panel of a counsellor: their open cases, waiting and overdue ones."""
    cases = open_cases(user)
    return {
        "returns_open": cases.filter(counsellor=user).count(),
        "returns_new": cases.filter(counsellor__isnull=True, stage=Stage.APPLICATION).count(),
        "returns_overdue": cases.filter(overdue_filter(timezone.now())).count(),
    }


def person_fragment(user: Any, person: Any) -> dict[str, Any] | None:
    """The "Voluntary return" box on a person's page: their open case, or a referral link
    for staff who may refer. None for everybody else."""
    if not access.may(user, Work.READ):
        return None
    case = (
        open_cases(user)
        .filter(Q(principal=person) | Q(members__person=person))
        .order_by("-created_at")
        .first()
    )
    return {"returns_case": case, "returns_person_id": person.pk}


# --- The person's timeline (registered into people.timeline) ------------------------------


def timeline_return(user: Any, persons: Sequence[Person]) -> list[TimelineEntry]:
    """Timeline source "voluntary return" (returns): for the cases the user may read
    (``cases_visible_to``, as ``access.py`` says) where one of ``persons`` is the principal
    or a member: the application and each stage, counselling sessions (outcome only, never
    notes), travel booked, reintegration assistance delivered and monitoring visits."""
    ids = [person.pk for person in persons]
    cases = list(
        cases_visible_to(user)
        .filter(Q(principal__in=ids) | Q(members__person__in=ids))
        .distinct()
        .prefetch_related("members")
    )
    entries: list[TimelineEntry] = []
    numbers = {person.pk: person.registration_number for person in persons}
    for case in cases:
        member = next((m.person_id for m in case.members.all() if m.person_id in numbers), None)
        owner = case.principal_id if case.principal_id in numbers else member
        source = _("Voluntary return · case %(reference)s") % {"reference": case.reference}
        where = case.site.name if case.site is not None else ""
        # (when, title, detail, where) of each record of the case
        rows: list[tuple[Any, str, str, str]] = []
        for change in StageChange.objects.filter(case=case):
            if not change.from_stage:
                title, detail = _("Voluntary return application"), case.get_source_display()
            else:
                label = Stage(change.to_stage).label
                title, detail = _("Return stage: %(stage)s") % {"stage": label}, ""
            rows.append((change.changed_at, title, detail, where))
        for session in CounsellingSession.objects.filter(case=case):
            outcome = session.get_outcome_display()
            rows.append((session.held_on, _("Counselling session"), outcome, where))
        for booking in TravelBooking.objects.filter(case=case):
            departure = timezone.localtime(booking.departure_at).strftime("%d.%m.%Y %H:%M")
            detail = _("departure %(when)s") % {"when": departure}
            rows.append((booking.booked_at, _("Travel booked"), detail, where))
        assistance = AssistanceDelivery.objects.filter(item__plan__case=case)
        for delivery in assistance.select_related("item"):
            kind = delivery.item.get_kind_display()
            title = _("Reintegration assistance delivered")
            rows.append((delivery.delivered_on, title, kind, case.return_city))
        for visit in MonitoringVisit.objects.filter(case=case):
            rows.append((visit.visited_on, _("Monitoring visit"), "", case.return_city))
        for when, title, detail, place in rows:
            entries.append(
                TimelineEntry(
                    when,
                    Kind.RETURN,
                    title,
                    str(detail),
                    place,
                    source=source,
                    url=case.get_absolute_url(),
                    registration=numbers.get(owner, "") if owner is not None else "",
                )
            )
    return entries
