"""The protection contract: persona × work × place → may(); services refuse the rest."""

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from waypoint.people.services import person_register
from waypoint.protection import access
from waypoint.protection.access import Work
from waypoint.protection.models import Incident
from waypoint.protection.services import incident_record, screening_record

pytestmark = pytest.mark.django_db

TABLE = [
    ("protection.borici", Work.READ, "TRC-BOR", True),
    ("protection.borici", Work.READ, "TRC-LIP", False),
    ("protection.borici", Work.SCREEN, "TRC-BOR", True),
    ("protection.borici", Work.REFER, None, True),
    ("protection.borici", Work.RECORD_INCIDENT, "TRC-LIP", False),
    ("admin", Work.RECORD_INCIDENT, "TRC-LIP", True),
    ("admin", Work.RECORD_OUTREACH, None, True),
    ("caseworker.lipa", Work.READ, "TRC-LIP", False),
    ("manager.lipa", Work.SCREEN, "TRC-LIP", False),
    ("counsellor", Work.REFER, None, False),
    ("analyst", Work.READ, None, False),
]


@pytest.mark.parametrize(("persona", "work", "where", "expected"), TABLE)
def test_the_contract_answers_by_role_and_place(personas, site, persona, work, where, expected):
    target = site(where) if where else None
    assert access.may(personas[persona], work, target) is expected


def test_the_screening_service_refuses_a_case_worker(personas, site):
    someone = person_register(actor=None, site=site("TRC-LIP"), given_name="Screened")
    with pytest.raises(PermissionDenied):
        screening_record(actor=personas["caseworker.lipa"], person=someone, answers={})
    assert not someone.screenings.exists()


def test_the_incident_service_refuses_a_site_outside_the_officers_scope(personas, site):
    with pytest.raises(PermissionDenied):
        incident_record(
            actor=personas["protection.borici"],
            kind=Incident._meta.get_field("kind").choices[0][0],
            occurred_on=timezone.localdate(),
            site=site("TRC-LIP"),
            narrative="Not here.",
        )
    assert not Incident.objects.exists()
