"""Erasing a person reaches every table, the files on disk and the search keys; what
published figures count stays, anonymised; the audit trail records counts, never values."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from waypoint.audit.models import Action, AuditEvent
from waypoint.audit.services import audit_chain_verify
from waypoint.linkage.models import CandidatePair, IdentityLink
from waypoint.people.models import NameKey, Person
from waypoint.people.queries import identification_search, persons_search
from waypoint.privacy.models import Erasure, ErasureReason
from waypoint.privacy.services import person_erase
from waypoint.privacy.tests.conftest import (
    CANARY,
    CANARY_FAMILY,
    CANARY_ORIGINAL,
    register,
    rows_holding,
    stay_at,
)
from waypoint.protection.models import Incident, OutreachContact, Referral, Screening
from waypoint.reception.models import ServiceDelivery, Stay
from waypoint.returns.models import Case, CaseMember, CounsellingSession, DataTransfer
from waypoint.returns.stages import Stage


def erase(admin, person):  # type: ignore[no-untyped-def]
    return person_erase(actor=admin, person=person, reason=ErasureReason.SUBJECT_REQUEST)


def test_after_erasure_no_table_holds_the_name(admin, canary, django_capture_on_commit_callbacks):
    assert "people.person.given_name" in rows_holding(CANARY)
    assert "returns.case.given_name" in rows_holding(CANARY)
    with django_capture_on_commit_callbacks(execute=True):
        erase(admin, canary)
    for trace in (CANARY, CANARY_FAMILY, CANARY_ORIGINAL, "P-ZQ-771", "+38761000111"):
        assert rows_holding(trace) == [], trace


def test_the_photo_file_is_gone_from_disk(admin, canary, django_capture_on_commit_callbacks):
    photo = Path(canary.photo.path)
    assert photo.exists()
    with django_capture_on_commit_callbacks(execute=True):
        erase(admin, canary)
    assert not photo.exists()
    canary.refresh_from_db()
    assert not canary.photo


def test_search_finds_nothing_after_erasure(admin, canary):
    assert persons_search(admin, CANARY).filter(pk=canary.pk).exists()
    hits = identification_search(admin, name=f"{CANARY} {CANARY_FAMILY}")
    assert canary.pk in [hit.person_id for hit in hits]
    erase(admin, canary)
    assert not NameKey.objects.filter(person=canary).exists()
    assert not persons_search(admin, CANARY).filter(pk=canary.pk).exists()
    hits = identification_search(admin, name=f"{CANARY} {CANARY_FAMILY}")
    assert canary.pk not in [hit.person_id for hit in hits]


def test_the_erasure_is_audited_with_counts_and_the_chain_still_verifies(admin, canary):
    before = AuditEvent.objects.filter(person_id=canary.pk).count()
    erasure = erase(admin, canary)
    event = AuditEvent.objects.filter(person_id=canary.pk).order_by("-sequence").first()
    assert event is not None
    assert event.action == Action.DELETE
    assert event.purpose == "person erased: subject_request"
    assert "deleted:people.namekey=" + str(erasure.counts["deleted:people.namekey"]) in (
        event.changed_fields
    )
    assert "anonymised:people.person=1" in event.changed_fields
    # Earlier events stay, and none of them, nor this one, carries a name.
    assert AuditEvent.objects.filter(person_id=canary.pk).count() == before + 1
    assert not [column for column in rows_holding(CANARY) if column.startswith("audit.")]
    assert audit_chain_verify().intact


def test_what_figures_count_stays_anonymised(admin, canary):
    stays = Stay.objects.filter(person=canary).count()
    erase(admin, canary)
    person = Person.objects.get(pk=canary.pk)
    assert person.registration_number == f"ERASED{canary.pk:07d}"
    assert (person.given_name, person.family_name, person.phone) == ("", "", "")
    assert person.birth_date == date(1994, 1, 1)
    assert (person.sex, person.nationality) == ("M", "AFG")
    assert Stay.objects.filter(person=canary).count() == stays
    assert ServiceDelivery.objects.get(person=canary).note == ""
    case = Case.objects.get(principal=canary)
    assert (case.return_country, case.stage, case.given_name) == ("AFG", Stage.CLOSED, "")
    assert CaseMember.objects.filter(case=case).count() == 2
    assert not CounsellingSession.objects.filter(case=case).exists()
    assert not DataTransfer.objects.filter(person=canary).exists()
    assert OutreachContact.objects.filter(notes="", person=None).count() == 1


def test_protection_records_and_linkage_are_deleted(admin, canary):
    erase(admin, canary)
    for model in (Screening, Referral, Incident):
        assert not model.objects.filter(person=canary).exists()
    assert not CandidatePair.objects.filter(left=canary).exists()
    assert not CandidatePair.objects.filter(right=canary).exists()
    assert not IdentityLink.objects.filter(canonical=canary).exists()
    assert Erasure.objects.get(person_pk=canary.pk).reason == ErasureReason.SUBJECT_REQUEST


def test_a_person_with_an_open_stay_is_not_erased(admin, lipa):
    person = register(admin, lipa, "Openstay", date(2024, 1, 5))
    stay_at(person, lipa, date(2024, 1, 5), None)
    with pytest.raises(ValidationError, match="open stay"):
        erase(admin, person)
    assert Person.objects.get(pk=person.pk).given_name == "Openstay"


def test_a_person_with_an_open_return_case_is_not_erased(admin, lipa):
    person = register(admin, lipa, "Opencase", date(2024, 1, 5))
    Case.objects.create(
        reference="R-OPEN-CASE",
        source="centre",
        principal=person,
        given_name="Opencase",
        return_country="PAK",
    )
    with pytest.raises(ValidationError, match="open return case"):
        erase(admin, person)


def test_a_registration_is_erased_only_once(admin, canary):
    erase(admin, canary)
    with pytest.raises(ValidationError, match="erased already"):
        erase(admin, Person.objects.get(pk=canary.pk))


def test_only_administrators_erase(personas, canary):
    with pytest.raises(PermissionDenied):
        person_erase(
            actor=personas["registrar.lipa"], person=canary, reason=ErasureReason.SUBJECT_REQUEST
        )
    assert Person.objects.get(pk=canary.pk).given_name == CANARY
