"""The privacy pages: schedules and runs for administrators, the erase form that asks for
the registration number, and the links on a person's page."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from waypoint.people.models import Person
from waypoint.privacy.models import Erasure
from waypoint.privacy.retention import retention_run
from waypoint.privacy.tests.conftest import CANARY


def test_administrators_see_the_schedules_and_the_last_runs(client, admin):
    retention_run(today=date(2030, 1, 1), dry_run=True)
    client.force_login(admin)
    page = client.get(reverse("privacy:home"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Sign-in attempts and sign-in log (django-axes)" in text
    assert "2030-01-01" in text
    assert "never by the application" in text


def test_other_roles_may_not_open_the_privacy_page(client, personas):
    client.force_login(personas["registrar.lipa"])
    assert client.get(reverse("privacy:home")).status_code == 403


def test_the_erase_form_wants_the_registration_number_typed(client, admin, canary):
    client.force_login(admin)
    url = reverse("privacy:erase", args=[canary.pk])
    assert client.get(url).status_code == 200
    wrong = client.post(url, {"reason": "subject_request", "confirmation": "LIP-0000000-0"})
    assert wrong.status_code == 400
    assert Person.objects.get(pk=canary.pk).given_name == CANARY
    done = client.post(
        url, {"reason": "subject_request", "confirmation": canary.registration_number.lower()}
    )
    assert done.status_code == 302
    assert Person.objects.get(pk=canary.pk).given_name == ""
    assert Erasure.objects.filter(person_pk=canary.pk).exists()


def test_a_person_page_links_to_the_privacy_work_the_role_allows(client, personas, canary):
    person_page = reverse("people:person", args=[canary.pk])
    client.force_login(personas["admin"])
    text = client.get(person_page).content.decode()
    for name in ("export", "rectify", "erase"):
        assert reverse(f"privacy:{name}", args=[canary.pk]) in text
    client.force_login(personas["registrar.lipa"])
    text = client.get(person_page).content.decode()
    assert reverse("privacy:rectify", args=[canary.pk]) in text
    assert reverse("privacy:erase", args=[canary.pk]) not in text
    assert reverse("privacy:export", args=[canary.pk]) not in text
