from __future__ import annotations

from typing import Any

import pytest

from waypoint.people.models import Person
from waypoint.returns.models import Case
from waypoint.returns.queries import median_days_to_departure, withdrawals_by_reason
from waypoint.returns.services import cases_generate
from waypoint.returns.stages import Stage

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
