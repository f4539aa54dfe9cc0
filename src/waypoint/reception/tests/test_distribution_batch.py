import pytest
from django.urls import reverse
from django.utils import timezone

from waypoint.people.identifiers import registration_number
from waypoint.reception.models import ServiceDelivery, ServiceKind
from waypoint.reception.services import DistributionRejected, distribution_record_batch, stay_admit

pytestmark = pytest.mark.django_db


@pytest.fixture
def residents(registrar, lipa, register):
    people = [register() for _ in range(3)]
    for person in people:
        stay_admit(actor=registrar, person=person, site=lipa)
    return people


def _wrong_check_digit(number: str) -> str:
    return number[:-1] + str((int(number[-1]) + 1) % 10)


def test_a_valid_list_is_recorded_for_everyone(registrar, lipa, residents):
    numbers = [person.registration_number for person in residents]
    saved = distribution_record_batch(
        actor=registrar,
        site=lipa,
        kind=ServiceKind.HYGIENE_KIT,
        registration_numbers=["", *numbers, "  "],
        delivered_on=timezone.localdate(),
    )
    assert len(saved) == 3
    assert set(ServiceDelivery.objects.values_list("person_id", flat=True)) == {
        person.pk for person in residents
    }


def test_one_bad_line_saves_nothing_and_every_bad_line_is_named(
    registrar, lipa, residents, register
):
    elsewhere = register("TRC-BOR")
    good = residents[0].registration_number
    lines = [
        good,
        "hello",
        _wrong_check_digit(residents[1].registration_number),
        registration_number("LIP", 9_999_999),
        elsewhere.registration_number,
        good.lower(),
    ]
    with pytest.raises(DistributionRejected) as rejected:
        distribution_record_batch(
            actor=registrar,
            site=lipa,
            kind=ServiceKind.MEALS,
            registration_numbers=lines,
            delivered_on=timezone.localdate(),
        )
    errors = {error.line: error.reason for error in rejected.value.lines}
    assert sorted(errors) == [2, 3, 4, 5, 6]
    assert "not a registration number" in errors[2]
    assert "check digit" in errors[3]
    assert "no registration" in errors[4]
    assert "not resident at Lipa" in errors[5]
    assert "already on line 1" in errors[6]
    assert not ServiceDelivery.objects.exists()


def test_an_empty_list_is_refused(registrar, lipa, residents):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="at least one"):
        distribution_record_batch(
            actor=registrar,
            site=lipa,
            kind=ServiceKind.MEALS,
            registration_numbers=["", " "],
            delivered_on=timezone.localdate(),
        )


def test_the_distribution_page_shows_line_errors(client, registrar, residents):
    client.force_login(registrar)
    url = reverse("reception:distribution", args=["TRC-LIP"])
    numbers = f"{residents[0].registration_number}\nLIP-0000000-1\n"
    response = client.post(
        url,
        {"kind": "meals", "delivered_on": timezone.localdate(), "quantity": 1, "numbers": numbers},
    )
    assert response.status_code == 400
    assert "Line 2" in response.content.decode()
    assert not ServiceDelivery.objects.exists()


def test_the_distribution_page_counts_what_it_saved(client, registrar, residents):
    client.force_login(registrar)
    url = reverse("reception:distribution", args=["TRC-LIP"])
    numbers = "\r\n".join(person.registration_number for person in residents)
    response = client.post(
        url,
        {
            "kind": "clothes",
            "delivered_on": timezone.localdate(),
            "quantity": 2,
            "numbers": numbers,
        },
        follow=True,
    )
    assert "Recorded for 3 people" in response.content.decode()
    assert ServiceDelivery.objects.filter(kind="clothes", quantity=2).count() == 3
