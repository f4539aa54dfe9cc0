"""Returns fixtures: a portal application, residents of Lipa, and a case walked to any stage."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from waypoint.accounts.models import User
from waypoint.people.models import ConsentMethod, Person, Purpose
from waypoint.people.services import consent_record, person_register
from waypoint.places.models import Site
from waypoint.returns import services
from waypoint.returns.models import Case
from waypoint.returns.services import PortalApplication
from waypoint.returns.stages import Stage
from waypoint.returns.sustainability import INDICATORS


def application(**changes: Any) -> PortalApplication:
    base = PortalApplication(
        given_name="Reza",
        family_name="Ahmadi",
        nationality="AFG",
        return_country="AFG",
        return_city="Herat",
        contact="+387 61 000 000",
        staying_at="TRC-LIP",
        staying_place="",
        family_members=(("Maryam Ahmadi", "spouse", 1994), ("Ali Ahmadi", "child", 2019)),
        preferred_language="fa",
        special_needs="",
        consent_privacy_notice="2026-11-fa",
        language="fa",
    )
    return replace(base, **changes)


def resident(actor: User, site: Site, given_name: str = "Reza", **details: Any) -> Person:
    details.setdefault("family_name", "Ahmadi")
    details.setdefault("birth_date", date(1990, 5, 1))
    details.setdefault("nationality", "AFG")
    return person_register(actor=actor, site=site, given_name=given_name, **details)


@pytest.fixture
def lipa_resident(personas: dict[str, User], site: Any) -> Person:
    return resident(personas["registrar.lipa"], site("TRC-LIP"))


def consent_to_embassy(actor: User, person: Person, country: str = "AFG") -> None:
    consent_record(
        actor=actor,
        person=person,
        purpose=Purpose.RETURN,
        method=ConsentMethod.SIGNED,
        recipients=[f"embassy:{country}"],
    )


def walk(case: Case, to: str, actor: User) -> Case:
    """Drive ``case`` (one linked member) through the services until it reaches stage ``to``."""
    today = date.today()
    steps: list[tuple[str, Callable[[], object]]] = [
        (
            Stage.COUNSELLING,
            lambda: services.counselling_record(
                actor=actor, case=case, held_on=today, language="fa", outcome="wishes_to_return"
            ),
        ),
        (
            Stage.TRAVEL_DOCUMENTS,
            lambda: services.eligibility_decide(actor=actor, case=case, approved=True),
        ),
        (Stage.MEDICAL, lambda: _documents(case, actor)),
        (Stage.TRAVEL_BOOKED, lambda: _fit_and_book(case, actor)),
        (Stage.DEPARTED, lambda: services.case_depart(actor=actor, case=case, departed_on=today)),
        (Stage.ARRIVED, lambda: services.arrival_confirm(actor=actor, case=case, arrived_on=today)),
        (
            Stage.REINTEGRATION_PLANNED,
            lambda: services.plan_record(
                actor=actor,
                case=case,
                partner="IOM Kabul",
                agreed_on=today,
                items=[("business", "Shop", Decimal("1500"))],
            ),
        ),
        (
            Stage.ASSISTANCE_DELIVERED,
            lambda: services.delivery_record(
                actor=actor,
                item=case.plan.items.get(),
                delivered_on=today,
                amount=Decimal("1500"),
            ),
        ),
        (
            Stage.MONITORING,
            lambda: services.monitoring_record(
                actor=actor, case=case, visited_on=today, answers=GOOD_ANSWERS
            ),
        ),
    ]
    for stage, step in steps:
        if case.stage == to:
            break
        step()
        case.refresh_from_db()
        assert case.stage == stage, (case.stage, stage)
    return case


GOOD_ANSWERS = {indicator.code: indicator.answers[0][0] for indicator in INDICATORS}


def _documents(case: Case, actor: User) -> None:
    for member in case.members.all():
        assert member.person is not None, "link every member before requesting documents"
        consent_to_embassy(actor, member.person, case.return_country)
        document = services.travel_document_request(
            actor=actor, case=case, member=member, kind="emergency", embassy=case.return_country
        )
        services.travel_document_issue(actor=actor, document=document, issued_on=date.today())


def _fit_and_book(case: Case, actor: User) -> None:
    services.fitness_record(actor=actor, case=case, fit=True, checked_on=date.today())
    services.travel_book(
        actor=actor,
        case=case,
        departure_at=timezone.now() + timedelta(days=3),
        itinerary="SJJ-IST-KBL TK1022/TK706",
    )


@pytest.fixture
def linked_case(personas: dict[str, User], lipa_resident: Person) -> Case:
    """A centre referral of one Lipa resident, held by the counsellor."""
    return services.case_open(
        actor=personas["manager.lipa"],
        source="centre",
        principal=lipa_resident,
        return_country="AFG",
        return_city="Herat",
        counsellor=personas["counsellor"],
    )
