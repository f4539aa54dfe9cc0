"""Opening a screening, a referral, an incident or a protection page is audited."""

from datetime import date

import pytest

from waypoint.audit.models import Action, AuditEvent
from waypoint.protection.services import incident_record, referral_create, screening_record

from .conftest import CSW, consent_to

pytestmark = pytest.mark.django_db


def views_of(user, obj):
    return AuditEvent.objects.filter(
        actor=user,
        action=Action.VIEW_PROTECTION,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
    )


def test_viewing_a_screening_writes_view_protection(client, officer, at_borici):
    screening = screening_record(actor=officer, person=at_borici, answers={"pregnant": "yes"})
    client.force_login(officer)
    client.get(f"/protection/screenings/{screening.pk}/")
    event = views_of(officer, screening).get()
    assert event.person_id == at_borici.pk
    assert event.changed_fields == []


def test_viewing_a_referral_writes_view_protection(client, officer, at_borici):
    consent_to(officer, at_borici, CSW)
    referral = referral_create(actor=officer, person=at_borici, recipient=CSW)
    client.force_login(officer)
    client.get(f"/protection/referrals/{referral.pk}/")
    assert views_of(officer, referral).get().person_id == at_borici.pk


def test_viewing_an_incident_writes_view_protection(client, officer, site):
    incident = incident_record(
        actor=officer, kind="other", occurred_on=date.today(), site=site("TRC-BOR"), narrative="x"
    )
    client.force_login(officer)
    client.get(f"/protection/incidents/{incident.pk}/")
    assert views_of(officer, incident).count() == 1


def test_opening_a_persons_protection_page_writes_view_protection(client, officer, at_borici):
    client.force_login(officer)
    client.get(f"/protection/people/{at_borici.pk}/")
    assert views_of(officer, at_borici).count() == 1


def test_a_refused_view_writes_nothing(client, caseworker, officer, at_borici):
    screening = screening_record(actor=officer, person=at_borici, answers={})
    client.force_login(caseworker)
    client.get(f"/protection/screenings/{screening.pk}/")
    assert not views_of(caseworker, screening).exists()


def test_writes_name_the_fields_but_never_their_values(officer, site, at_borici):
    screening = screening_record(
        actor=officer, person=at_borici, answers={"torture": "yes"}, notes="Scars on both arms."
    )
    incident_record(
        actor=officer,
        kind="gbv",
        occurred_on=date.today(),
        site=site("TRC-BOR"),
        narrative="A very private account.",
    )
    created = AuditEvent.objects.filter(action=Action.CREATE, actor=officer)
    dumped = " ".join(event.canonical() for event in created)
    assert "Scars" not in dumped and "private account" not in dumped and "torture" not in dumped
    screening_event = created.get(object_type="protection.screening", object_id=str(screening.pk))
    assert "answers" in screening_event.changed_fields
