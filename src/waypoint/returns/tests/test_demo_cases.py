from __future__ import annotations

from datetime import timedelta
from itertools import pairwise
from typing import Any

import pytest
from django.utils import timezone

from waypoint.people.models import Person
from waypoint.returns.models import Case, CaseMember
from waypoint.returns.queries import median_days_to_departure, withdrawals_by_reason
from waypoint.returns.services import cases_generate
from waypoint.returns.stages import STAGE_DAYS, Stage

from .conftest import resident

pytestmark = pytest.mark.django_db


@pytest.fixture
def residents(personas: dict, site: Any) -> list[Person]:
    names = ["Reza", "Omid", "Farid", "Imran", "Bilal", "Karim", "Yusuf", "Hamid", "Naveed", "Sami"]
    people = []
    for number in range(40):
        people.append(
            resident(
                personas["registrar.lipa"],
                site("TRC-LIP"),
                f"{names[number % 10]}{number}",
                nationality=["AFG", "PAK", "MAR", "BGD"][number % 4],
            )
        )
    return people


def test_it_makes_linked_cases_spread_over_stages(personas: dict, residents: list) -> None:
    made = cases_generate(count=40, seed=7, actor=personas["counsellor"])
    assert len(made) == 40
    stages = set(Case.objects.values_list("stage", flat=True))
    assert len(stages) >= 8
    assert Stage.DEPARTED in stages or Stage.MONITORING in stages or Stage.CLOSED in stages
    assert not Case.objects.filter(principal__isnull=True).exists()
    assert Case.objects.filter(is_synthetic=True).count() == 40


def test_the_history_lies_in_the_past_and_in_order(personas: dict, residents: list) -> None:
    cases_generate(count=15, seed=3, actor=personas["counsellor"])
    for case in Case.objects.all():
        times = list(case.stage_changes.order_by("id").values_list("changed_at", flat=True))
        assert times == sorted(times)
        assert case.created_at <= times[0]


def test_the_figures_have_something_to_show(personas: dict, residents: list) -> None:
    cases_generate(count=40, seed=11, actor=personas["counsellor"])
    if Case.objects.filter(departed_on__isnull=False).exists():
        assert median_days_to_departure(personas["counsellor"]) is not None
    assert (
        withdrawals_by_reason(personas["counsellor"])
        or not Case.objects.filter(stage__in=[Stage.WITHDRAWN, Stage.ABANDONED]).exists()
    )


def test_residents_run_out_gracefully(personas: dict, residents: list) -> None:
    assert len(cases_generate(count=100, seed=1, actor=personas["counsellor"])) == 40
    assert cases_generate(count=5, seed=2, actor=personas["counsellor"]) == []


# --- Issue 16 item 9: a demo that agrees with itself --------------------------------------


@pytest.fixture
def settled_residents(personas: dict, site: Any) -> list[Person]:
    """Residents registered months ago, so that their cases have room for a history;
    two are stateless (one born in Iran, one of unknown birth) and one is a child."""
    today = timezone.localdate()
    people = []
    for number in range(60):
        people.append(
            resident(
                personas["registrar.lipa"],
                site("TRC-LIP"),
                f"Resident{number}",
                nationality=["AFG", "PAK", "MAR", "BGD", "IRQ", "CUB"][number % 6],
                registered_on=today - timedelta(days=30 + 7 * number),
            )
        )
    registered = today - timedelta(days=200)
    born_in_iran = resident(
        personas["registrar.lipa"],
        site("TRC-LIP"),
        "Stateless",
        nationality="XXA",
        country_of_birth="IRN",
        registered_on=registered,
    )
    nowhere = resident(
        personas["registrar.lipa"],
        site("TRC-LIP"),
        "Unknown",
        nationality="XXX",
        registered_on=registered,
    )
    child = resident(
        personas["registrar.lipa"],
        site("TRC-LIP"),
        "Child",
        birth_date=today - timedelta(days=365 * 10),
        registered_on=registered,
    )
    return [*people, born_in_iran, nowhere, child]


def test_every_case_returns_its_principal_to_their_own_country(
    personas: dict, settled_residents: list
) -> None:
    made = cases_generate(count=100, seed=5, actor=personas["counsellor"])
    assert len(made) == 61  # all but the one with no country, and the child
    for case in Case.objects.select_related("principal"):
        assert case.principal is not None
        expected = case.principal.nationality
        if expected == "XXA":
            expected = case.principal.country_of_birth
        assert case.return_country == expected
        assert all(d.embassy == expected for d in case.travel_documents.all())
    stateless = Case.objects.get(principal__given_name="Stateless")
    assert stateless.return_country == "IRN"
    assert not Case.objects.filter(principal__given_name__in=["Unknown", "Child"]).exists()


def test_no_open_case_is_overdue_with_its_flight_within_a_week(
    personas: dict, settled_residents: list
) -> None:
    for seed in (1, 2, 3):
        CaseMember.objects.all().delete()
        Case.objects.all().delete()
        cases_generate(count=61, seed=seed, actor=personas["counsellor"])
        now = timezone.now()
        booked = Case.objects.filter(stage=Stage.TRAVEL_BOOKED)
        for case in booked:
            departure = case.bookings.get().departure_at
            assert departure > now, "a booked case departs after today"
            assert not (case.is_overdue(now) and departure < now + timedelta(days=7))
            assert case.bookings.get().booked_at == case.stage_entered_at
            assert (departure - case.stage_entered_at).days <= STAGE_DAYS[Stage.TRAVEL_BOOKED]
    assert booked.exists(), "the last seed books some travel, so the check above ran"


def test_every_date_on_a_case_agrees_with_its_history(
    personas: dict, settled_residents: list
) -> None:
    cases_generate(count=61, seed=9, actor=personas["counsellor"])
    now = timezone.now()
    for case in Case.objects.select_related("principal"):
        changes = case.stage_changes.order_by("changed_at", "id")
        entered = {change.to_stage: change.changed_at for change in changes}
        assert case.stage_entered_at == entered[case.stage]
        assert case.created_at == entered[Stage.APPLICATION] <= now
        assert case.created_at.date() >= case.principal.registered_on
        day = {stage: timezone.localdate(moment) for stage, moment in entered.items()}
        if Stage.COUNSELLING in entered:
            assert case.sessions.get().held_on == day[Stage.COUNSELLING]
        for document in case.travel_documents.all():
            assert document.requested_on == day[Stage.TRAVEL_DOCUMENTS]
            assert document.issued_on == day[Stage.MEDICAL]
        if Stage.DEPARTED in entered:
            assert case.departed_on == day[Stage.DEPARTED]
            assert case.bookings.get().departure_at == entered[Stage.DEPARTED]
        if Stage.ARRIVED in entered:
            assert case.arrived_on == day[Stage.ARRIVED]
        for (stage, began), (_next, ended) in pairwise(entered.items()):
            limit = STAGE_DAYS[stage]
            assert limit is None or (ended - began).days <= limit, (case.reference, stage)


def test_each_case_past_counselling_has_a_session(personas: dict, settled_residents: list) -> None:
    cases_generate(count=61, seed=13, actor=personas["counsellor"])
    before = {Stage.APPLICATION, Stage.COUNSELLING}
    counselled = [
        case
        for case in Case.objects.all()
        if set(case.stage_changes.values_list("to_stage", flat=True))
        - before
        - {Stage.WITHDRAWN, Stage.ABANDONED}
    ]
    assert counselled
    assert all(case.sessions.exists() for case in counselled)
    assert not Case.objects.filter(stage=Stage.ELIGIBILITY, sessions__isnull=True).exists()
