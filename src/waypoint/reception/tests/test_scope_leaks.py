"""The leaks the security probe found in admission, closed: an officer cannot pull a person
registered elsewhere into their scope through the admission lookup, answers tell nothing
about registrations out of scope, and a registration made elsewhere is taken over only with
the person's card and a reason, audited."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from rest_framework.test import APIClient

from waypoint.audit.models import AuditEvent
from waypoint.people.queries import persons_visible_to
from waypoint.reception.models import RegistrationTakeOver
from waypoint.reception.services import registration_take_over, stay_admit

pytestmark = pytest.mark.django_db
BORN = date(1995, 3, 1)


@pytest.fixture
def api(registrar):
    client = APIClient()
    client.force_authenticate(registrar)
    return client


def test_the_api_does_not_admit_a_person_registered_elsewhere(api, register, beds):
    elsewhere = register("TRC-USI")
    answer = api.post(
        "/api/v1/stays/",
        {"registration_number": elsewhere.registration_number, "site": "TRC-LIP"},
        format="json",
    )
    missing = api.post(
        "/api/v1/stays/", {"registration_number": "USI-9999999-9", "site": "TRC-LIP"}, format="json"
    )
    assert answer.status_code == missing.status_code == 404
    assert answer.json() == missing.json()
    assert "Ušivak" not in answer.content.decode() and "USI" not in answer.content.decode()
    assert not persons_visible_to(api.handler._force_user).filter(pk=elsewhere.pk).exists()


def test_the_open_stay_message_does_not_name_a_centre_out_of_scope(
    admin, api, register, borici, beds
):
    person = register("TRC-LIP")
    stay_admit(actor=admin, person=person, site=borici)
    answer = api.post(
        "/api/v1/stays/",
        {"registration_number": person.registration_number, "site": "TRC-LIP"},
        format="json",
    )
    assert answer.status_code == 400
    text = answer.content.decode()
    assert "another centre" in text and "Borići" not in text and "Bori" not in text


def test_taking_over_needs_the_card_and_a_reason_and_is_audited(registrar, lipa, register):
    person = register("TRC-USI", birth_date=BORN)
    with pytest.raises(ValidationError) as wrong_date:
        registration_take_over(
            actor=registrar,
            site=lipa,
            registration_number=person.registration_number,
            birth_date=date(1995, 3, 2),
            reason="Came to Lipa from the street.",
        )
    with pytest.raises(ValidationError) as no_such_number:
        registration_take_over(
            actor=registrar,
            site=lipa,
            registration_number="USI-9999999-9",
            birth_date=BORN,
            reason="Came to Lipa from the street.",
        )
    assert wrong_date.value.messages == no_such_number.value.messages
    with pytest.raises(ValidationError) as no_reason:
        registration_take_over(
            actor=registrar,
            site=lipa,
            registration_number=person.registration_number,
            birth_date=BORN,
            reason="x",
        )
    assert "reason" in no_reason.value.message_dict
    assert not persons_visible_to(registrar).filter(pk=person.pk).exists()

    taken = registration_take_over(
        actor=registrar,
        site=lipa,
        registration_number=person.registration_number.lower(),
        birth_date=BORN,
        reason="Came to Lipa from the street.",
    )
    assert taken == person
    assert persons_visible_to(registrar).filter(pk=person.pk).exists()
    record = RegistrationTakeOver.objects.get(person=person)
    assert record.site == lipa and record.taken_by == registrar
    events = AuditEvent.objects.filter(actor=registrar)
    assert events.filter(purpose="registration taken over", person_id=person.pk).count() == 1
    assert events.filter(purpose="registration take-over refused").count() == 2


def test_a_person_staying_elsewhere_is_not_taken_over(admin, registrar, lipa, site, register):
    person = register("TRC-USI", birth_date=BORN)
    stay_admit(actor=admin, person=person, site=site("TRC-USI"))
    with pytest.raises(ValidationError) as staying:
        registration_take_over(
            actor=registrar,
            site=lipa,
            registration_number=person.registration_number,
            birth_date=BORN,
            reason="Says they left Ušivak.",
        )
    assert "transferred by that centre" in staying.value.messages[0]
    assert "Ušivak" not in staying.value.messages[0]


def test_trying_numbers_is_stopped_after_five_refusals(registrar, lipa, register):
    person = register("TRC-USI", birth_date=BORN)
    for guess in range(5):
        with pytest.raises(ValidationError):
            registration_take_over(
                actor=registrar,
                site=lipa,
                registration_number=f"USI-000000{guess}-0",
                birth_date=BORN,
                reason="Trying numbers in a row.",
            )
    with pytest.raises(ValidationError) as stopped:
        registration_take_over(
            actor=registrar,
            site=lipa,
            registration_number=person.registration_number,
            birth_date=BORN,
            reason="The right number, too late.",
        )
    assert "Too many" in stopped.value.messages[0]
    assert not persons_visible_to(registrar).filter(pk=person.pk).exists()


def test_the_take_over_page_and_the_api(client, api, registrar, register):
    person = register("TRC-USI", birth_date=BORN)
    client.force_login(registrar)
    search = client.get("/reception/TRC-LIP/admit/", {"q": person.registration_number})
    assert person.full_name not in search.content.decode()
    assert b"/reception/TRC-LIP/admit/take-over/" in search.content
    page = client.post(
        "/reception/TRC-LIP/admit/take-over/",
        {
            "registration_number": person.registration_number,
            "birth_date": "1995-03-01",
            "reason": "Came to Lipa from the street.",
        },
    )
    assert page.status_code == 302
    assert page["Location"] == f"/reception/TRC-LIP/admit/{person.registration_number}/"
    other = register("TRC-USI", birth_date=BORN)
    answer = api.post(
        "/api/v1/stays/take-over/",
        {
            "registration_number": other.registration_number,
            "birth_date": "1995-03-01",
            "site": "TRC-LIP",
            "reason": "Came to Lipa from the street.",
        },
        format="json",
    )
    assert answer.status_code == 200
    assert answer.json() == {"registration_number": other.registration_number, "site": "TRC-LIP"}


def test_household_members_out_of_scope_are_counted_not_named(admin, client, registrar, register):
    from waypoint.people.services import household_register

    head = register("TRC-LIP")
    away = register("TRC-USI", family_name="Daleković")
    household_register(actor=admin, head=head, members=[(away, "spouse")])
    client.force_login(registrar)
    page = client.get(f"/people/{head.pk}/").content.decode()
    assert away.full_name not in page and "Daleković" not in page
    assert "One more member is registered outside your scope." in page
    api = APIClient()
    api.force_authenticate(registrar)
    households = api.get("/api/v1/households/").json()
    rows = households["results"] if isinstance(households, dict) else households
    members = [member["person"] for row in rows for member in row["members"]]
    assert head.pk in members and away.pk not in members
