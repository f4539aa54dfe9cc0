"""The person's timeline, voluntary return's part: the application, each stage, counselling,
travel, reintegration and monitoring, for those who may read the case (``returns/access.py``)."""

from __future__ import annotations

import pytest

from waypoint.people.timeline import Kind, timeline_of
from waypoint.returns.queries import timeline_return
from waypoint.returns.stages import Stage
from waypoint.returns.tests.conftest import walk

pytestmark = pytest.mark.django_db


@pytest.fixture
def monitored(personas, linked_case):
    return walk(linked_case, Stage.MONITORING, personas["counsellor"])


def test_the_counsellor_reads_the_whole_return_in_order(personas, monitored, lipa_resident):
    entries = timeline_return(personas["counsellor"], [lipa_resident])
    titles = [entry.title for entry in sorted(entries, key=lambda entry: entry.moment)]
    # Everything happened today in this walk; the stages carry their times.
    assert titles.index("Voluntary return application") < titles.index("Return stage: Departed")
    assert titles.index("Return stage: Departed") < titles.index("Return stage: Arrival confirmed")
    for expected in (
        "Counselling session",
        "Travel booked",
        "Return stage: Departed",
        "Return stage: Arrival confirmed",
        "Reintegration assistance delivered",
        "Monitoring visit",
    ):
        assert expected in titles
    assert {entry.kind for entry in entries} == {Kind.RETURN}
    assert {entry.source for entry in entries} == {f"Voluntary return · case {monitored.reference}"}
    assert {entry.registration for entry in entries} == {lipa_resident.registration_number}


def test_counselling_shows_the_outcome_and_never_the_notes(personas, monitored, lipa_resident):
    sessions = [
        entry
        for entry in timeline_return(personas["counsellor"], [lipa_resident])
        if entry.title == "Counselling session"
    ]
    assert [entry.detail for entry in sessions] == ["Wishes to return"]


def test_the_centres_case_worker_follows_the_case_of_a_resident(personas, monitored, lipa_resident):
    assert timeline_return(personas["caseworker.lipa"], [lipa_resident])


def test_a_registration_officer_reads_the_person_but_not_the_return(
    personas, monitored, lipa_resident
):
    registrar = personas["registrar.lipa"]
    assert timeline_return(registrar, [lipa_resident]) == []
    kinds = {entry.kind for entry in timeline_of(registrar, lipa_resident).entries}
    assert Kind.REGISTRATION in kinds and Kind.RETURN not in kinds
