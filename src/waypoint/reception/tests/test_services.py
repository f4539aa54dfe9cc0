import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from waypoint.audit.models import AuditEvent
from waypoint.people.services import household_register
from waypoint.reception.models import ServiceDelivery, ServiceKind
from waypoint.reception.services import service_record, stay_admit

pytestmark = pytest.mark.django_db


def test_a_case_worker_records_a_service_for_a_resident(personas, registrar, lipa, register):
    person = register()
    stay_admit(actor=registrar, person=person, site=lipa)
    delivery = service_record(
        actor=personas["caseworker.lipa"],
        site=lipa,
        kind=ServiceKind.LEGAL_AID,
        delivered_on=timezone.localdate(),
        person=person,
        note="Asylum procedure explained",
    )
    assert delivery.recorded_by == personas["caseworker.lipa"]
    assert AuditEvent.objects.filter(
        object_type="reception.servicedelivery", person_id=person.pk
    ).exists()


def test_a_service_for_a_household_needs_a_member_resident_here(admin, registrar, lipa, register):
    head, child = register(sex="F"), register(sex="M")
    household = household_register(actor=admin, head=head, members=[(child, "child")])
    with pytest.raises(ValidationError, match="No member"):
        service_record(
            actor=registrar,
            site=lipa,
            kind=ServiceKind.NON_FOOD_KIT,
            delivered_on=timezone.localdate(),
            household=household,
        )
    stay_admit(actor=registrar, person=child, site=lipa)
    service_record(
        actor=registrar,
        site=lipa,
        kind=ServiceKind.NON_FOOD_KIT,
        delivered_on=timezone.localdate(),
        household=household,
    )
    assert ServiceDelivery.objects.filter(household=household).count() == 1


def test_a_service_for_someone_not_resident_is_refused(registrar, lipa, register):
    with pytest.raises(ValidationError, match="not resident"):
        service_record(
            actor=registrar,
            site=lipa,
            kind=ServiceKind.MEDICAL,
            delivered_on=timezone.localdate(),
            person=register(),
        )


def test_the_services_page_records_a_service(client, personas, registrar, lipa, register):
    person = register()
    stay_admit(actor=registrar, person=person, site=lipa)
    client.force_login(personas["caseworker.lipa"])
    url = reverse("reception:services", args=["TRC-LIP"])
    response = client.post(
        url,
        {
            "kind": "psychosocial",
            "registration_number": person.registration_number.lower(),
            "delivered_on": timezone.localdate(),
            "quantity": 1,
            "note": "سلام",
        },
        follow=True,
    )
    assert response.status_code == 200
    assert ServiceDelivery.objects.get().note == "سلام"
