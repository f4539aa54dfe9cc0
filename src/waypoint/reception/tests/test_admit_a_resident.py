from datetime import datetime, time, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from waypoint.audit.models import AuditEvent
from waypoint.reception.models import Stay
from waypoint.reception.services import stay_admit

pytestmark = pytest.mark.django_db


def test_an_admission_opens_a_stay_and_marks_the_person_seen_here(registrar, lipa, beds, register):
    person = register("TRC-BOR")  # registered today: last seen today at Borići
    # Two hours ago, but on today's date where the centre is (an admission of an earlier
    # day would rightly not move "last seen" back).
    midnight = timezone.make_aware(datetime.combine(timezone.localdate(), time.min))
    at = max(timezone.now() - timedelta(hours=2), midnight)
    stay = stay_admit(actor=registrar, person=person, site=lipa, bed=beds["A1"], at=at)
    person.refresh_from_db()
    assert stay.is_open and stay.bed == beds["A1"] and stay.admitted_by == registrar
    assert stay.last_seen_at == at
    assert person.last_seen_at == lipa
    assert person.last_seen_on == timezone.localdate(at)


def test_an_admission_is_audited_with_field_names_only(registrar, lipa, register):
    person = register()
    stay = stay_admit(actor=registrar, person=person, site=lipa)
    event = AuditEvent.objects.get(object_type="reception.stay", object_id=str(stay.pk))
    assert event.person_id == person.pk
    assert event.action == "create"
    assert "bed" in event.changed_fields
    assert person.given_name not in str(event.changed_fields)


def test_it_refuses_a_second_open_stay_with_a_clear_message(
    registrar, admin, lipa, borici, register
):
    person = register()
    stay_admit(actor=admin, person=person, site=borici)
    with pytest.raises(ValidationError) as refused:
        stay_admit(actor=registrar, person=person, site=lipa)
    message = " ".join(refused.value.messages)
    # The Lipa officer may not see Borići: the message says where only to those who may.
    assert person.registration_number in message and "another centre" in message
    assert "Borići" not in message
    with pytest.raises(ValidationError) as refused_to_admin:
        stay_admit(actor=admin, person=person, site=lipa)
    assert "Borići" in " ".join(refused_to_admin.value.messages)
    assert Stay.objects.filter(person=person).count() == 1


def test_it_refuses_a_bed_that_another_resident_holds(registrar, lipa, beds, register):
    stay_admit(actor=registrar, person=register(), site=lipa, bed=beds["A1"])
    with pytest.raises(ValidationError, match="taken"):
        stay_admit(actor=registrar, person=register(), site=lipa, bed=beds["A1"])


def test_it_refuses_a_bed_in_another_centre(registrar, lipa, beds, register):
    with pytest.raises(ValidationError, match="not at Lipa"):
        stay_admit(actor=registrar, person=register(), site=lipa, bed=beds["B1"])


def test_it_refuses_a_bed_out_of_use(registrar, lipa, beds, register):
    bed = beds["A2"]
    bed.active = False
    bed.save()
    with pytest.raises(ValidationError, match="not in use"):
        stay_admit(actor=registrar, person=register(), site=lipa, bed=bed)


def test_a_child_never_gets_a_bed_among_single_men(registrar, lipa, beds, register):
    child = register(birth_date=timezone.localdate().replace(year=timezone.localdate().year - 15))
    with pytest.raises(ValidationError, match="single men"):
        stay_admit(actor=registrar, person=child, site=lipa, bed=beds["A1"])


def test_an_adult_never_gets_a_bed_among_unaccompanied_children(registrar, lipa, beds, register):
    with pytest.raises(ValidationError, match="children only"):
        stay_admit(actor=registrar, person=register(), site=lipa, bed=beds["U1"])


def test_a_flow_monitoring_point_admits_nobody(admin, site, register):
    with pytest.raises(ValidationError, match="not a centre"):
        stay_admit(actor=admin, person=register(), site=site("FMP-BIH"))


def test_an_admission_in_the_future_is_refused(registrar, lipa, register):
    with pytest.raises(ValidationError, match="future"):
        stay_admit(
            actor=registrar, person=register(), site=lipa, at=timezone.now() + timedelta(hours=3)
        )


def test_a_case_worker_may_not_admit(personas, lipa, register):
    with pytest.raises(PermissionDenied):
        stay_admit(actor=personas["caseworker.lipa"], person=register(), site=lipa)


def test_a_lipa_officer_may_not_admit_in_borici(registrar, borici, register):
    with pytest.raises(PermissionDenied):
        stay_admit(actor=registrar, person=register(), site=borici)


def test_an_admission_cannot_overlap_the_previous_stay(admin, registrar, lipa, register):
    from waypoint.reception.services import stay_exit

    person = register()
    stay = stay_admit(actor=admin, person=person, site=lipa, at=timezone.now() - timedelta(days=3))
    stay_exit(actor=admin, stay=stay, reason="onward", at=timezone.now() - timedelta(days=1))
    with pytest.raises(ValidationError, match="previous stay"):
        stay_admit(actor=registrar, person=person, site=lipa, at=timezone.now() - timedelta(days=2))
