"""Every reception page answers a registration officer at their centre."""

import pytest
from django.urls import reverse
from django.utils import timezone

from waypoint.reception.models import Stay
from waypoint.reception.services import stay_admit

pytestmark = pytest.mark.django_db


@pytest.fixture
def resident(registrar, lipa, beds, register):
    return stay_admit(
        actor=registrar, person=register(given_name_original="Мухамед"), site=lipa, bed=beds["A1"]
    )


@pytest.mark.parametrize(
    "name",
    [
        "centre",
        "residents",
        "admit_search",
        "rollcall",
        "absences",
        "services",
        "distribution",
        "occupancy",
    ],
)
def test_each_centre_page_opens(client, registrar, resident, name):
    client.force_login(registrar)
    assert client.get(reverse(f"reception:{name}", args=["TRC-LIP"])).status_code == 200


def test_the_stay_page_offers_transfer_exit_and_card(client, registrar, resident):
    client.force_login(registrar)
    page = client.get(reverse("reception:stay", args=[resident.pk])).content.decode()
    assert reverse("reception:stay_transfer", args=[resident.pk]) in page
    assert reverse("reception:card", args=[resident.pk]) in page


def test_the_residents_search_finds_a_name_in_cyrillic(client, registrar, resident):
    client.force_login(registrar)
    page = client.get(reverse("reception:residents", args=["TRC-LIP"]), {"q": "Мухамед"})
    assert resident.person.registration_number in page.content.decode()


def test_admitting_through_the_pages_suggests_a_fitting_bed(client, registrar, beds, register):
    person = register("TRC-LIP")
    client.force_login(registrar)
    found = client.get(
        reverse("reception:admit_search", args=["TRC-LIP"]), {"q": person.registration_number}
    )
    url = reverse("reception:admit", args=["TRC-LIP", person.registration_number])
    assert url in found.content.decode()
    form = client.get(url)
    assert form.context["suggested"].unit.profile == "single_men"
    response = client.post(url, {"bed": form.context["suggested"].pk, "admitted_at": ""})
    assert response.status_code == 302
    assert Stay.objects.get(person=person).bed == form.context["suggested"]


def test_a_transfer_through_the_page_that_fails_shows_why(client, registrar, resident):
    client.force_login(registrar)
    response = client.post(
        reverse("reception:stay_transfer", args=[resident.pk]), {"to_site": "TRC-LIP"}
    )
    assert response.status_code == 400
    resident.refresh_from_db()
    assert resident.is_open


def test_an_exit_through_the_page(client, registrar, resident):
    client.force_login(registrar)
    response = client.post(
        reverse("reception:stay_exit", args=[resident.pk]), {"reason": "avrr", "exited_at": ""}
    )
    assert response.status_code == 302
    resident.refresh_from_db()
    assert resident.exit_reason == "avrr"


def test_the_landing_page_shows_the_centres_panel(client, registrar, resident):
    client.force_login(registrar)
    page = client.get(reverse("accounts:home")).content.decode()
    assert "Residents at your centres" in page


def test_an_exit_in_the_future_through_the_page_is_refused(client, registrar, resident):
    client.force_login(registrar)
    later = (timezone.localtime() + timezone.timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(
        reverse("reception:stay_exit", args=[resident.pk]), {"reason": "avrr", "exited_at": later}
    )
    assert response.status_code == 400


def test_the_person_page_lists_the_persons_stays(client, registrar, resident):
    client.force_login(registrar)
    page = client.get(reverse("people:person", args=[resident.person.pk])).content.decode()
    assert reverse("reception:stay", args=[resident.pk]) in page
