"""Retention schedules, tested by travelling in time: a record just inside its period stays,
one just outside goes; a person with an open stay or an open case is never erased."""

from __future__ import annotations

from datetime import date, timedelta
from io import StringIO

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.utils import timezone

from waypoint.audit.models import AuditEvent
from waypoint.audit.services import audit_chain_verify
from waypoint.people.models import Person
from waypoint.privacy.models import Erasure, RetentionRun
from waypoint.privacy.retention import SCHEDULES, retention_run
from waypoint.privacy.tests.conftest import moment, register, rows_holding, stay_at
from waypoint.protection.models import Screening
from waypoint.returns.models import Case, Source
from waypoint.returns.stages import Stage

TODAY = date(2031, 6, 2)
PEOPLE_DAYS = 5 * 365
CUTOFF = TODAY - timedelta(days=PEOPLE_DAYS)


@pytest.fixture
def people(admin, lipa):
    """Four registrations of 2020 at Lipa: one who left on the last day still inside the
    period, one who left the day before, one still in the centre, one with an open case."""
    on = date(2020, 1, 10)
    inside = register(admin, lipa, "Insidename", on)
    stay_at(inside, lipa, on, CUTOFF)
    outside = register(admin, lipa, "Outsidename", on)
    stay_at(outside, lipa, on, CUTOFF - timedelta(days=1))
    staying = register(admin, lipa, "Stayingname", on)
    stay_at(staying, lipa, on, None)
    applying = register(admin, lipa, "Applyingname", on)
    stay_at(applying, lipa, on, on + timedelta(days=3))
    case = Case.objects.create(
        reference="R-OPEN-0001",
        source=Source.CENTRE,
        principal=applying,
        given_name="Applyingname",
        return_country="PAK",
    )
    old = moment(on)
    Case.objects.filter(pk=case.pk).update(created_at=old, stage_entered_at=old, updated_at=old)
    return {"inside": inside, "outside": outside, "staying": staying, "applying": applying}


def given(person: Person) -> str:
    return Person.objects.get(pk=person.pk).given_name


def test_a_registration_just_outside_the_period_is_erased_and_just_inside_stays(people):
    retention_run(today=TODAY)
    assert given(people["outside"]) == ""
    assert Erasure.objects.filter(person_pk=people["outside"].pk, reason="retention").exists()
    assert given(people["inside"]) == "Insidename"
    assert rows_holding("Outsidename") == []


def test_a_person_with_an_open_stay_or_an_open_case_is_never_erased(people):
    retention_run(today=TODAY + timedelta(days=20 * 365))
    assert given(people["staying"]) == "Stayingname"
    assert given(people["applying"]) == "Applyingname"
    assert given(people["inside"]) == ""


def test_a_dry_run_counts_and_changes_nothing(people):
    outcomes = {outcome.schedule: outcome for outcome in retention_run(today=TODAY, dry_run=True)}
    assert outcomes["people"].records == 1
    assert outcomes["people"].counts == {}
    assert given(people["outside"]) == "Outsidename"
    assert RetentionRun.objects.filter(schedule="people", dry_run=True, records=1).exists()


def test_each_schedule_writes_one_audit_event_with_counts_and_no_names(people):
    before = AuditEvent.objects.count()
    retention_run(today=TODAY)
    runs = AuditEvent.objects.filter(object_type="privacy.retentionrun")
    applied = [schedule for schedule in SCHEDULES if schedule.default_days is not None]
    assert runs.count() == len(applied)
    people_run = runs.get(purpose__startswith="retention people")
    assert "due=1" in people_run.changed_fields
    assert "anonymised:people.person=1" in people_run.changed_fields
    # One more event for the person erased, with its counts.
    assert AuditEvent.objects.count() == before + len(applied) + 1
    assert audit_chain_verify().intact


def test_screenings_go_three_years_after_they_were_made(admin, lipa):
    person = register(admin, lipa, "Screenedname", date(2024, 1, 1))
    stay_at(person, lipa, date(2024, 1, 1), None)  # still here: the person is not due
    today = date(2030, 1, 1)
    cutoff = today - timedelta(days=3 * 365)
    kept = Screening.objects.create(person=person, version="v1", site=lipa)
    gone = Screening.objects.create(person=person, version="v1", site=lipa)
    Screening.objects.filter(pk=kept.pk).update(screened_at=moment(cutoff))
    Screening.objects.filter(pk=gone.pk).update(screened_at=moment(cutoff - timedelta(days=1)))
    retention_run(today=today)
    assert list(Screening.objects.filter(person=person)) == [kept]


def test_portal_applications_never_linked_go_after_six_months(places):
    today = date(2030, 7, 1)
    cutoff = today - timedelta(days=183)
    kept = Case.objects.create(
        reference="R-KEPT-0001", source=Source.PORTAL, given_name="Kept", return_country="IRQ"
    )
    gone = Case.objects.create(
        reference="R-GONE-0001",
        source=Source.PORTAL,
        given_name="Gone",
        return_country="IRQ",
        stage=Stage.WITHDRAWN,
    )
    for case, day in ((kept, cutoff), (gone, cutoff - timedelta(days=1))):
        at = moment(day)
        Case.objects.filter(pk=case.pk).update(stage_entered_at=at, updated_at=at, created_at=at)
    retention_run(today=today)
    assert list(Case.objects.filter(source=Source.PORTAL)) == [kept]


def test_sign_in_attempts_go_after_ninety_days(places):
    today = timezone.localdate()
    for age in (89, 91):
        attempt = AccessAttempt.objects.create(
            username=f"someone{age}@example.org",
            ip_address="192.0.2.1",
            failures_since_start=1,
            get_data="",
            post_data="",
            http_accept="",
            path_info="/",
            user_agent="",
        )
        AccessAttempt.objects.filter(pk=attempt.pk).update(
            attempt_time=timezone.now() - timedelta(days=age)
        )
    retention_run(today=today)
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == [
        "someone89@example.org"
    ]


def test_periods_are_set_through_the_environment(monkeypatch, settings):
    people = next(schedule for schedule in SCHEDULES if schedule.name == "people")
    assert people.days == PEOPLE_DAYS
    settings.RETENTION_DAYS = {"people": 3650}
    assert people.days == 3650
    monkeypatch.setenv("WAYPOINT_RETENTION_PEOPLE_DAYS", "30")
    assert people.days == 30


def test_the_command_travels_in_time_and_prints_counts_per_schedule(people):
    out = StringIO()
    call_command("retention", "run", "--dry-run", "--today", TODAY.isoformat(), stdout=out)
    printed = out.getvalue()
    assert f"people (after {PEOPLE_DAYS} days): 1 due, would go" in printed
    assert "audit: never by the application" in printed
    assert given(people["outside"]) == "Outsidename"
    out = StringIO()
    call_command("retention", "run", "--today", TODAY.isoformat(), stdout=out)
    assert "people (after 1825 days): 1 due, done; anonymised:people.person 1" in out.getvalue()
    assert given(people["outside"]) == ""
