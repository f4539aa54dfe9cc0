"""Synthetic return cases for demos and benchmarks, linked to (synthetic) residents.

Cases are driven through the real services, so every stage change, transfer and audit event
is what a counsellor would have produced; only the dates are then spread over past months so
that the workspace and the figures look like a running programme.
"""

from __future__ import annotations

import random
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from waypoint.people.models import ConsentMethod, Person, Purpose
from waypoint.people.services import consent_record
from waypoint.returns.models import Case, CaseMember, Source, StageChange
from waypoint.returns.services._common import stage_move
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
from waypoint.returns.stages import TERMINAL, ClosureReason, Stage
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
}
ORDER = [stage for stage, _weight in TARGETS if stage not in TERMINAL] + [Stage.CLOSED]


def _pick(rng: random.Random, weighted: list[tuple[Any, int]]) -> Any:
    return rng.choices([value for value, _ in weighted], [weight for _, weight in weighted])[0]


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


def _step(rng: random.Random, case: Case, actor: Any, today: Any) -> None:
    """One step of a case along the forward path, through the services."""
    stage = case.stage
    if stage == Stage.APPLICATION:
        counselling_record(
            actor=actor,
            case=case,
            held_on=today,
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
        for member in case.members.select_related("person"):
            assert member.person is not None
            consent_record(
                actor=actor,
                person=member.person,
                purpose=Purpose.RETURN,
                method=ConsentMethod.SIGNED,
                recipients=[f"embassy:{case.return_country}"],
            )
            document = travel_document_request(
                actor=actor,
                case=case,
                member=member,
                kind=rng.choice(["emergency", "emergency", "passport"]),
                embassy=case.return_country,
            )
            travel_document_issue(
                actor=actor,
                document=document,
                issued_on=today,
                number=f"ETD{rng.randint(100000, 999999)}",
            )
    elif stage == Stage.MEDICAL:
        fitness_record(actor=actor, case=case, fit=True, checked_on=today)
        travel_book(
            actor=actor,
            case=case,
            departure_at=timezone.now() + timedelta(days=rng.randint(1, 12)),
            itinerary=ITINERARIES.get(case.return_country, "SJJ-IST"),
            transit="Istanbul",
            escort=rng.choice(["", "", "IOM operations assistant"]),
        )
    elif stage == Stage.TRAVEL_BOOKED:
        case_depart(actor=actor, case=case, departed_on=today)
    elif stage == Stage.DEPARTED:
        arrival_confirm(actor=actor, case=case, arrived_on=today)
    elif stage == Stage.ARRIVED:
        kinds = rng.sample(["business", "education", "housing", "medical", "psychosocial"], 2)
        plan_record(
            actor=actor,
            case=case,
            partner=PARTNERS.get(case.return_country, "IOM country office"),
            agreed_on=today,
            items=[("cash", "Arrival cash", Decimal(200))]
            + [(kind, "", Decimal(rng.choice([300, 500, 800, 1200]))) for kind in kinds],
        )
    elif stage == Stage.REINTEGRATION_PLANNED:
        for item in case.plan.items.all():
            delivery_record(actor=actor, item=item, delivered_on=today, amount=item.budget)
    elif stage in (Stage.ASSISTANCE_DELIVERED, Stage.MONITORING):
        answers = {i.code: rng.choice(i.answers)[0] for i in INDICATORS}
        monitoring_record(actor=actor, case=case, visited_on=today, answers=answers)
        if stage == Stage.MONITORING:
            stage_move(actor=actor, case=case, to=Stage.CLOSED)
    case.refresh_from_db()


def _spread_dates(rng: random.Random, case: Case) -> None:
    """Move the case's history into the past: it began 1 to 300 days ago."""
    now = timezone.now()
    changes = list(case.stage_changes.order_by("changed_at", "id"))
    start = now - timedelta(days=rng.randint(len(changes), 300), hours=rng.randint(0, 23))
    moment = last = start
    for change in changes:
        StageChange.objects.filter(pk=change.pk).update(changed_at=moment)
        last = moment
        moment = min(moment + timedelta(days=rng.randint(1, 25)), now)
    Case.objects.filter(pk=case.pk).update(
        created_at=start, stage_entered_at=last, is_synthetic=True
    )
    if case.departed_on is not None:
        departed = next(c for c in changes if c.to_stage == Stage.DEPARTED)
        departed_at = StageChange.objects.get(pk=departed.pk).changed_at
        Case.objects.filter(pk=case.pk).update(departed_on=departed_at.date())


@transaction.atomic
def cases_generate(*, count: int, seed: int, actor: Any) -> list[Case]:
    """Create ``count`` synthetic cases of residents not yet on a case, at every stage.

    Deterministic for a seed and a set of people. Uses synthetic people only, when there
    are any (``Person.is_synthetic``); returns fewer cases when residents run out.
    """
    rng = random.Random(seed)
    busy = CaseMember.objects.filter(person__isnull=False).values("person_id")
    people = Person.objects.exclude(pk__in=busy).filter(last_seen_at__isnull=False)
    if people.filter(is_synthetic=True).exists():
        people = people.filter(is_synthetic=True)
    candidates = list(people.order_by("pk").values_list("pk", flat=True)[: count * 20])
    chosen = rng.sample(candidates, min(count, len(candidates)))
    made = []
    today = timezone.localdate()
    for person in Person.objects.filter(pk__in=chosen).select_related("last_seen_at"):
        country = person.nationality if person.nationality in CITIES else _country(rng)
        case = _open(rng, person, country, actor)
        target = _pick(rng, TARGETS)
        if target == Stage.REJECTED:
            stop_at = Stage.ELIGIBILITY
        else:
            stop_at = target if target in ORDER else rng.choice(ORDER[:6])
        while case.stage != stop_at and case.stage not in TERMINAL:
            _step(rng, case, actor, today)
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
        _spread_dates(rng, case)
        made.append(case)
    return made


def _country(rng: random.Random) -> str:
    return _pick(rng, [("AFG", 30), ("PAK", 30), ("BGD", 10), ("MAR", 15), ("IRN", 8), ("TUR", 4)])
