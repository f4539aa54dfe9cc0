"""Synthetic return cases for demos and benchmarks, linked to (synthetic) residents.

Cases are driven through the real services, so every stage change, transfer and audit event
is what a counsellor would have produced. Each case's timeline is planned first (``_timeline``)
and every date given to the services comes from it; the times the services stamp (stage
changes, booking) are then set to it, so that the workspace and the figures look like a
running programme whose dates agree with each other (issue 16 item 9).
"""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from waypoint.people.models import ConsentMethod, Person, Purpose
from waypoint.people.services import (
    consent_guardian_name,
    consent_methods_for,
    consent_record,
)
from waypoint.returns.models import Case, CaseMember, Source, StageChange
from waypoint.returns.services._common import COUNTRY, stage_move
from waypoint.returns.services.intake import (
    PortalApplication,
    application_submit,
    case_open,
    member_link,
)
from waypoint.returns.services.progress import (
    arrival_confirm,
    case_depart,
    case_stop,
    counselling_record,
    eligibility_decide,
    fitness_record,
    travel_book,
    travel_document_issue,
    travel_document_request,
)
from waypoint.returns.services.reintegration import (
    delivery_record,
    monitoring_record,
    plan_record,
)
from waypoint.returns.stages import STAGE_DAYS, TERMINAL, ClosureReason, Stage
from waypoint.returns.sustainability import INDICATORS

# Where generated cases end up (weights): most are under way, a third have left.
TARGETS = [
    (Stage.APPLICATION, 8),
    (Stage.COUNSELLING, 10),
    (Stage.ELIGIBILITY, 4),
    (Stage.TRAVEL_DOCUMENTS, 10),
    (Stage.MEDICAL, 4),
    (Stage.TRAVEL_BOOKED, 5),
    (Stage.DEPARTED, 3),
    (Stage.ARRIVED, 4),
    (Stage.REINTEGRATION_PLANNED, 6),
    (Stage.ASSISTANCE_DELIVERED, 4),
    (Stage.MONITORING, 6),
    (Stage.CLOSED, 8),
    (Stage.REJECTED, 3),
    (Stage.WITHDRAWN, 9),
    (Stage.ABANDONED, 6),
]
SOURCES = [(Source.PORTAL, 35), (Source.CENTRE, 40), (Source.WALK_IN, 15), (Source.SFA, 10)]
CITIES = {
    "AFG": ["Herat", "Kabul", "Mazar-i-Sharif", "Jalalabad"],
    "PAK": ["Lahore", "Gujrat", "Peshawar", "Sialkot"],
    "BGD": ["Dhaka", "Sylhet", "Chittagong"],
    "MAR": ["Casablanca", "Oujda", "Tangier"],
    "IRN": ["Tehran", "Mashhad", "Shiraz"],
    "TUR": ["Istanbul", "Ankara"],
    "DZA": ["Algiers", "Oran"],
    "TUN": ["Tunis", "Sfax"],
    "IRQ": ["Erbil", "Baghdad", "Sulaymaniyah"],
    "SYR": ["Damascus", "Aleppo"],
    "CUB": ["Havana", "Santiago de Cuba"],
    "BDI": ["Bujumbura", "Gitega"],
    "IND": ["Delhi", "Amritsar"],
    "NPL": ["Kathmandu", "Pokhara"],
    "EGY": ["Cairo", "Alexandria"],
    "LBY": ["Tripoli", "Benghazi"],
    "PSE": ["Gaza", "Hebron"],
}
PARTNERS = {
    "AFG": "IOM Afghanistan reintegration unit",
    "PAK": "IOM Pakistan, Islamabad",
    "BGD": "BRAC Migration Programme",
    "MAR": "IOM Morocco, Rabat",
}
ITINERARIES = {
    "AFG": "SJJ-IST-KBL",
    "PAK": "SJJ-IST-LHE",
    "BGD": "SJJ-IST-DAC",
    "MAR": "SJJ-IST-CMN",
    "IRN": "SJJ-IST-IKA",
    "IRQ": "SJJ-IST-EBL",
    "CUB": "SJJ-IST-HAV",
    "BDI": "SJJ-IST-BJM",
}
# Codes that name no country to return to: stateless, refugee status, unknown (ICAO 9303).
NOT_A_COUNTRY = frozenset({"XXA", "XXB", "XXC", "XXX"})
ORDER: list[str] = [str(stage) for stage, _weight in TARGETS if stage not in TERMINAL]
ORDER.append(Stage.CLOSED)
ADULT_AGE = 18
# However long its stages last, a case's history starts at most this long ago.
LONGEST_HISTORY = timedelta(days=400)


def return_country_for(person: Person) -> str:
    """Where a person would return to: the country of their nationality; for a stateless
    person or one of unknown nationality, their country of birth; "" when neither names a
    country (nobody returns "home" to Bosnia and Herzegovina)."""
    for code in (person.nationality, person.country_of_birth):
        if COUNTRY.match(code or "") and code not in NOT_A_COUNTRY | {"BIH"}:
            return code
    return ""


def _adult(person: Person, now: datetime) -> bool:
    """A case's principal is an adult (children return on a parent's case); a person whose
    age is unknown may be one."""
    age = person.age_on(timezone.localdate(now))
    return age is None or age >= ADULT_AGE


def _pick(rng: random.Random, weighted: list[tuple[Any, int]]) -> Any:
    return rng.choices([value for value, _ in weighted], [weight for _, weight in weighted])[0]


def _path(rng: random.Random, target: str) -> list[str]:
    """The stages a case passes through, from its application to where it ends up."""
    stop_at: str = Stage.ELIGIBILITY
    if target != Stage.REJECTED:
        stop_at = target if target in ORDER else rng.choice(ORDER[:6])
    path = ORDER[: ORDER.index(stop_at) + 1]
    return path if target in ORDER else [*path, target]


def _timeline(
    rng: random.Random, path: list[str], *, now: datetime, earliest: datetime
) -> dict[str, datetime]:
    """When the case entered each stage of ``path``, planned before any service is called so
    that every date recorded on the case agrees with its history.

    Each past stage lasted at most its ``STAGE_DAYS``. The current stage of an open case
    began within its limit four times in five, and overdue otherwise, except travel booked:
    its journey departs after today and within the limit of the booking, so a booked case is
    never overdue before its flight. Nothing begins before ``earliest``.
    """
    last = path[-1]
    limit = STAGE_DAYS.get(last)
    if last == Stage.TRAVEL_BOOKED:
        days = rng.randint(0, (limit or 21) // 2)
    elif limit is None:
        days = rng.randint(0, 200)  # closed some time ago
    elif rng.random() < 0.8:
        days = rng.randint(0, limit)
    else:
        days = rng.randint(limit + 1, 2 * limit)  # overdue: the workspace shows some
    room = max(now - earliest, timedelta(0))
    current = min(timedelta(days=days, hours=rng.randint(0, 8)), room)
    lasted = [
        timedelta(days=rng.randint(1, STAGE_DAYS[stage] or 30), hours=rng.randint(0, 8))
        for stage in path[:-1]
    ]
    history = sum(lasted, timedelta(0))
    if history > room - current:  # squeeze the past stages in after the registration
        lasted = [span * ((room - current) / history) for span in lasted]
    entered = {last: now - current}
    for stage, span in zip(reversed(path[:-1]), reversed(lasted), strict=True):
        entered[stage] = entered[path[path.index(stage) + 1]] - span
    return entered


def _departure(
    rng: random.Random, path: list[str], entered: dict[str, datetime], now: datetime
) -> datetime:
    """The booked flight: the departure itself once the case departed; otherwise after today
    (or after the case was stopped), within ``STAGE_DAYS`` of the booking."""
    if Stage.DEPARTED in entered:
        return entered[Stage.DEPARTED]
    booked = entered[Stage.TRAVEL_BOOKED]
    after = path[path.index(Stage.TRAVEL_BOOKED) + 1 :]
    until = entered[after[0]] if after else now
    soonest = (until - booked).days + 1
    return booked + timedelta(
        days=rng.randint(soonest, max(soonest, STAGE_DAYS[Stage.TRAVEL_BOOKED] or 21))
    )


def _open(rng: random.Random, person: Person, country: str, actor: Any) -> Case:
    source = _pick(rng, SOURCES)
    city = rng.choice(CITIES.get(country, ["Capital"]))
    if source != Source.PORTAL:
        return case_open(
            actor=actor,
            source=source,
            principal=person,
            return_country=country,
            return_city=city,
            contact=f"+387 6{rng.randint(0, 6)} {rng.randint(100, 999)} {rng.randint(100, 999)}",
        )
    receipt = application_submit(
        application=PortalApplication(
            given_name=person.given_name,
            family_name=person.family_name,
            nationality=person.nationality if len(person.nationality) == 3 else country,
            return_country=country,
            return_city=city,
            contact=f"+387 6{rng.randint(0, 6)} {rng.randint(100, 999)} {rng.randint(100, 999)}",
            staying_at=person.last_seen_at.code if person.last_seen_at else "outside",
            staying_place="" if person.last_seen_at else "Bihać",
            family_members=(),
            preferred_language=rng.choice(["fa", "ps", "ur", "ar", "bn", "en"]),
            special_needs="",
            consent_privacy_notice="2026-11",
            language=rng.choice(["fa", "ps", "ur", "ar", "en"]),
        )
    )
    case = Case.objects.get(reference=receipt.reference)
    member_link(actor=actor, member=case.members.get(), person=person)
    case.refresh_from_db()
    return case


def _step(
    rng: random.Random, case: Case, actor: Any, path: list[str], entered: dict[str, datetime]
) -> None:
    """One step of a case along the forward path, through the services, dated the day the
    case enters the next stage of its timeline."""
    stage = case.stage
    now = timezone.now()
    day = timezone.localdate(entered[path[path.index(stage) + 1]])
    if stage == Stage.APPLICATION:
        # The session moves the case into counselling: eligibility needs one (``_guard``).
        counselling_record(
            actor=actor,
            case=case,
            held_on=day,
            language=rng.choice(["fa", "ps", "ur", "ar"]),
            outcome="wishes_to_return",
            topics=["process", "reintegration", "documents"],
            interpreter=rng.choice(["", "Farid (Dari)", "Imran (Urdu)"]),
        )
    elif stage == Stage.COUNSELLING:
        stage_move(actor=actor, case=case, to=Stage.ELIGIBILITY)
    elif stage == Stage.ELIGIBILITY:
        eligibility_decide(actor=actor, case=case, approved=True)
    elif stage == Stage.TRAVEL_DOCUMENTS:
        requested = timezone.localdate(entered[Stage.TRAVEL_DOCUMENTS])
        for member in case.members.select_related("person"):
            assert member.person is not None
            # The usual way for this person's age; a guardian consents for a child.
            method = consent_methods_for(member.person, requested)[0]
            consent_record(
                actor=actor,
                person=member.person,
                purpose=Purpose.RETURN,
                method=method,
                given_on=requested,
                recipients=[f"embassy:{case.return_country}"],
                witness=(
                    consent_guardian_name(member.person) if method == ConsentMethod.GUARDIAN else ""
                ),
            )
            document = travel_document_request(
                actor=actor,
                case=case,
                member=member,
                kind=rng.choice(["emergency", "emergency", "passport"]),
                embassy=case.return_country,
                requested_on=requested,
            )
            travel_document_issue(
                actor=actor,
                document=document,
                issued_on=day,
                number=f"ETD{rng.randint(100000, 999999)}",
            )
    elif stage == Stage.MEDICAL:
        fitness_record(actor=actor, case=case, fit=True, checked_on=day)
        travel_book(
            actor=actor,
            case=case,
            departure_at=_departure(rng, path, entered, now),
            itinerary=ITINERARIES.get(case.return_country, "SJJ-IST"),
            transit="Istanbul",
            escort=rng.choice(["", "", "IOM operations assistant"]),
        )
    elif stage == Stage.TRAVEL_BOOKED:
        case_depart(actor=actor, case=case, departed_on=day)
    elif stage == Stage.DEPARTED:
        arrival_confirm(actor=actor, case=case, arrived_on=day)
    elif stage == Stage.ARRIVED:
        kinds = rng.sample(["business", "education", "housing", "medical", "psychosocial"], 2)
        plan_record(
            actor=actor,
            case=case,
            partner=PARTNERS.get(case.return_country, "IOM country office"),
            agreed_on=day,
            items=[("cash", "Arrival cash", Decimal(200))]
            + [(kind, "", Decimal(rng.choice([300, 500, 800, 1200]))) for kind in kinds],
        )
    elif stage == Stage.REINTEGRATION_PLANNED:
        for item in case.plan.items.all():
            delivery_record(actor=actor, item=item, delivered_on=day, amount=item.budget)
    elif stage in (Stage.ASSISTANCE_DELIVERED, Stage.MONITORING):
        answers = {i.code: rng.choice(i.answers)[0] for i in INDICATORS}
        monitoring_record(actor=actor, case=case, visited_on=day, answers=answers)
        if stage == Stage.MONITORING:
            stage_move(actor=actor, case=case, to=Stage.CLOSED)
    case.refresh_from_db()


def _date_history(case: Case, entered: dict[str, datetime]) -> None:
    """Give the stage changes, the case and its booking the times of the planned timeline
    (the services stamp them with the moment they ran)."""
    for change in case.stage_changes.all():
        StageChange.objects.filter(pk=change.pk).update(changed_at=entered[change.to_stage])
    Case.objects.filter(pk=case.pk).update(
        created_at=entered[Stage.APPLICATION],
        stage_entered_at=entered[case.stage],
        is_synthetic=True,
    )
    if Stage.TRAVEL_BOOKED in entered:
        case.bookings.update(booked_at=entered[Stage.TRAVEL_BOOKED])


@transaction.atomic
def cases_generate(*, count: int, seed: int, actor: Any) -> list[Case]:
    """Create ``count`` synthetic cases of residents not yet on a case, at every stage.

    Deterministic for a seed and a set of people. Uses synthetic people only, when there
    are any (``Person.is_synthetic``); returns fewer cases when residents run out. Each case
    returns its principal to ``return_country_for`` them (people with no such country and
    children are left out: a child returns on a parent's case), and its dates agree (see
    ``_timeline``).
    """
    rng = random.Random(seed)
    busy = CaseMember.objects.filter(person__isnull=False).values("person_id")
    people = Person.objects.exclude(pk__in=busy).filter(
        last_seen_at__isnull=False, unaccompanied=False
    )
    if people.filter(is_synthetic=True).exists():
        people = people.filter(is_synthetic=True)
    candidates = list(people.order_by("pk").values_list("pk", flat=True)[: count * 20])
    by_pk = Person.objects.select_related("last_seen_at").in_bulk(candidates)
    made: list[Case] = []
    now = timezone.now()
    for pk in rng.sample(candidates, len(candidates)):
        person, country = by_pk[pk], return_country_for(by_pk[pk])
        if len(made) == count:
            break
        if not country or not _adult(person, now):
            continue
        target = _pick(rng, TARGETS)
        path = _path(rng, target)
        registered = timezone.make_aware(datetime.combine(person.registered_on, time(8)))
        entered = _timeline(rng, path, now=now, earliest=max(registered, now - LONGEST_HISTORY))
        case = _open(rng, person, country, actor)
        walk_to = path[-2] if target in TERMINAL and target != Stage.CLOSED else path[-1]
        while case.stage != walk_to:
            _step(rng, case, actor, path, entered)
        if target == Stage.REJECTED:
            eligibility_decide(
                actor=actor, case=case, approved=False, reason="Holds a valid residence permit"
            )
        elif target in (Stage.WITHDRAWN, Stage.ABANDONED):
            reason = _pick(
                rng,
                [
                    (ClosureReason.CHANGED_MIND, 5),
                    (ClosureReason.ONWARD, 6),
                    (ClosureReason.LOST_CONTACT, 4),
                    (ClosureReason.ASYLUM, 2),
                    (ClosureReason.DOCUMENTS, 2),
                    (ClosureReason.FAMILY, 1),
                ],
            )
            case_stop(actor=actor, case=case, stage=target, reason=reason)
        case.refresh_from_db()
        _date_history(case, entered)
        made.append(case)
    return made
