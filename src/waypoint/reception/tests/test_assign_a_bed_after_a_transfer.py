import pytest
from django.urls import reverse

from waypoint.reception.models import Stay
from waypoint.reception.services import stay_admit, stay_transfer

pytestmark = pytest.mark.django_db


def test_the_receiving_centre_gives_a_transferred_person_a_bed(
    client, admin, lipa, borici, beds, register
):
    person = register("TRC-LIP", sex="F")
    first = stay_admit(actor=admin, person=person, site=lipa, bed=beds["F1"])
    arrived = stay_transfer(actor=admin, stay=first, to_site=borici)
    assert arrived.bed is None
    client.force_login(admin)
    response = client.post(reverse("reception:stay_bed", args=[arrived.pk]), {"bed": beds["B1"].pk})
    assert response.status_code == 302
    assert Stay.objects.get(pk=arrived.pk).bed == beds["B1"]


def test_a_bed_of_another_centre_is_refused_with_the_form_shown_again(
    client, admin, lipa, beds, register
):
    person = register("TRC-LIP", sex="F")
    stay = stay_admit(actor=admin, person=person, site=lipa)
    client.force_login(admin)
    response = client.post(reverse("reception:stay_bed", args=[stay.pk]), {"bed": beds["B1"].pk})
    assert response.status_code == 400
    assert Stay.objects.get(pk=stay.pk).bed is None


def test_a_case_worker_may_not_move_beds(client, personas, admin, lipa, beds, register):
    stay = stay_admit(actor=admin, person=register("TRC-LIP", sex="F"), site=lipa)
    client.force_login(personas["caseworker.lipa"])
    response = client.post(reverse("reception:stay_bed", args=[stay.pk]), {"bed": beds["F1"].pk})
    assert response.status_code == 403
