"""Protection officers in scope read screenings; everyone else sees at most the flag."""

import pytest

from waypoint.accounts.models import Role
from waypoint.accounts.services import assignment_add
from waypoint.protection.queries import protection_flag_for, screening_for
from waypoint.protection.services import screening_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def flagged_at_lipa(officer, admin, at_lipa):
    return screening_record(
        actor=admin, person=at_lipa, answers={"torture": "yes"}, notes="Scars on both arms."
    )


def test_the_protection_officer_reads_a_screening_in_scope(client, officer, at_borici):
    screening = screening_record(
        actor=officer, person=at_borici, answers={"torture": "yes"}, notes="Scars on both arms."
    )
    client.force_login(officer)
    response = client.get(f"/protection/screenings/{screening.pk}/")
    assert response.status_code == 200
    assert "Scars on both arms." in response.content.decode()
    assert "Survivor of torture" in response.content.decode()


def test_a_protection_officer_in_borici_gets_404_for_a_person_registered_in_lipa(
    client, officer, flagged_at_lipa
):
    client.force_login(officer)
    assert client.get(f"/protection/screenings/{flagged_at_lipa.pk}/").status_code == 404
    assert client.get(f"/protection/people/{flagged_at_lipa.person_id}/").status_code == 404
    assert client.get(f"/protection/people/{flagged_at_lipa.person_id}/screen/").status_code == 404


def test_a_case_worker_gets_404_on_a_screening_in_their_own_centre(
    client, caseworker, flagged_at_lipa
):
    client.force_login(caseworker)
    assert client.get(f"/protection/screenings/{flagged_at_lipa.pk}/").status_code == 404
    from django.http import Http404

    with pytest.raises(Http404):
        screening_for(caseworker, flagged_at_lipa.pk)


def test_a_case_worker_sees_only_that_follow_up_is_needed(client, caseworker, flagged_at_lipa):
    client.force_login(caseworker)
    response = client.get(f"/protection/people/{flagged_at_lipa.person_id}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Protection follow-up needed" in page
    assert "Scars" not in page
    assert "torture" not in page.lower()
    assert protection_flag_for(caseworker, flagged_at_lipa.person) is True


def test_no_flag_is_shown_for_a_person_without_follow_up(client, caseworker, admin, at_lipa):
    screening_record(actor=admin, person=at_lipa, answers={"torture": "no"})
    client.force_login(caseworker)
    page = client.get(f"/protection/people/{at_lipa.pk}/").content.decode()
    assert "Protection follow-up needed" not in page
    assert protection_flag_for(caseworker, at_lipa) is False


def test_a_case_worker_outside_the_persons_centre_learns_nothing(
    client, caseworker, officer, at_borici
):
    screening_record(actor=officer, person=at_borici, answers={"torture": "yes"})
    client.force_login(caseworker)
    assert client.get(f"/protection/people/{at_borici.pk}/").status_code == 404
    assert protection_flag_for(caseworker, at_borici) is False


def test_a_case_worker_who_is_also_a_protection_officer_elsewhere_sees_only_the_flag_here(
    client, caseworker, admin, site, flagged_at_lipa
):
    assignment_add(actor=admin, user=caseworker, role=Role.PROTECTION_OFFICER, site=site("TRC-BOR"))
    client.force_login(caseworker)
    assert client.get(f"/protection/screenings/{flagged_at_lipa.pk}/").status_code == 404
    page = client.get(f"/protection/people/{flagged_at_lipa.person_id}/").content.decode()
    assert "Protection follow-up needed" in page
    assert "Scars" not in page


def test_an_administrator_reads_every_screening(client, admin, flagged_at_lipa):
    client.force_login(admin)
    response = client.get(f"/protection/screenings/{flagged_at_lipa.pk}/")
    assert response.status_code == 200


def test_roles_without_personal_data_see_nothing(client, personas, flagged_at_lipa):
    for name in ("analyst", "partner", "enumerator"):
        client.force_login(personas[name])
        assert client.get(f"/protection/screenings/{flagged_at_lipa.pk}/").status_code == 404
        assert client.get(f"/protection/people/{flagged_at_lipa.person_id}/").status_code == 404
        assert client.get("/protection/").status_code == 403
        assert protection_flag_for(personas[name], flagged_at_lipa.person) is False


def test_the_protection_officer_screens_through_the_form(client, officer, at_borici):
    client.force_login(officer)
    data = {code: "no" for code in ("disability", "pregnant")}
    data.update({"single_woman": "yes", "notes": "Travels alone since Tuzla."})
    response = client.post(f"/protection/people/{at_borici.pk}/screen/", data)
    assert response.status_code == 302
    screening = at_borici.screenings.get()
    assert screening.flags == ["single_woman"]
    assert screening.answers["pregnant"] == "no"
    assert screening.answers["torture"] == "unknown"
    assert screening.screened_by == officer
    assert screening.site.code == "TRC-BOR"
