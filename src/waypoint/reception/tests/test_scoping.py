import pytest
from django.http import Http404
from django.urls import reverse

from waypoint.reception import queries
from waypoint.reception.services import stay_admit

pytestmark = pytest.mark.django_db


@pytest.fixture
def borici_stay(admin, borici, register):
    return stay_admit(actor=admin, person=register("TRC-BOR"), site=borici)


def test_a_lipa_officer_gets_404_for_a_borici_stay(client, registrar, borici_stay):
    with pytest.raises(Http404):
        queries.stay_for(registrar, borici_stay.pk)
    client.force_login(registrar)
    for name in ("reception:stay", "reception:card"):
        assert client.get(reverse(name, args=[borici_stay.pk])).status_code == 404
    for name in ("reception:stay_exit", "reception:stay_transfer", "reception:absence_confirm"):
        response = client.post(reverse(name, args=[borici_stay.pk]), {"reason": "onward"})
        assert response.status_code == 404
    borici_stay.refresh_from_db()
    assert borici_stay.is_open


def test_a_lipa_officer_gets_404_for_borici_pages(client, registrar, borici_stay):
    client.force_login(registrar)
    for name in (
        "reception:centre",
        "reception:residents",
        "reception:rollcall",
        "reception:absences",
        "reception:services",
        "reception:distribution",
        "reception:occupancy",
        "reception:admit_search",
    ):
        assert client.get(reverse(name, args=["TRC-BOR"])).status_code == 404, name


def test_the_protection_officer_in_borici_sees_the_borici_stay(personas, borici_stay):
    assert queries.stay_for(personas["protection.borici"], borici_stay.pk) == borici_stay


def test_the_centre_list_shows_only_centres_in_scope(client, registrar, borici_stay):
    assert [site.code for site in queries.centres_visible_to(registrar)] == ["TRC-LIP"]
    client.force_login(registrar)
    page = client.get(reverse("reception:centres")).content.decode()
    assert "Lipa" in page and "Borići" not in page


@pytest.mark.parametrize("name", ["analyst", "partner", "enumerator"])
def test_aggregate_roles_see_no_stays(personas, borici_stay, name):
    assert not queries.stays_visible_to(personas[name]).exists()
    assert not queries.centres_visible_to(personas[name]).exists()


def test_a_case_worker_reads_but_may_not_admit(client, personas, lipa):
    client.force_login(personas["caseworker.lipa"])
    assert client.get(reverse("reception:residents", args=["TRC-LIP"])).status_code == 200
    assert client.get(reverse("reception:admit_search", args=["TRC-LIP"])).status_code == 403
    assert client.get(reverse("reception:rollcall", args=["TRC-LIP"])).status_code == 403
