"""The roll-call sheet works without JavaScript: search, card numbers, "mark all" and "clear"
redraw it with the ticks kept, and only "Save" records."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from waypoint.people.services import person_register
from waypoint.reception.forms import card_key, search_fold
from waypoint.reception.models import RollCall, RollCallEntry
from waypoint.reception.services import stay_admit

pytestmark = pytest.mark.django_db

URL = reverse("reception:rollcall", args=["TRC-LIP"])


@pytest.fixture
def residents(registrar, lipa):
    """Three residents of Lipa: Amir Hadžić, Bilal Hadžić and Carlos Ruiz."""
    long_ago = timezone.now() - timedelta(days=3)
    names = [("Amir", "Hadžić"), ("Bilal", "Hadžić"), ("Carlos", "Ruiz")]
    return [
        stay_admit(
            actor=registrar,
            person=person_register(
                actor=registrar, site=lipa, given_name=given, family_name=family
            ),
            site=lipa,
            at=long_ago,
        )
        for given, family in names
    ]


@pytest.fixture
def officer(client, registrar):
    client.force_login(registrar)
    return client


def _rows(response):
    """{stay id: (shown, ticked)} as the page draws the sheet."""
    rows = re.findall(
        r'<li( hidden)? data-search="[^"]*" data-card="\w+">\s*<label><input type="checkbox" '
        r'name="present" value="(\d+)"( checked)?>',
        response.content.decode(),
    )
    return {int(pk): (not hidden, bool(checked)) for hidden, pk, checked in rows}


def _send(client, action, present=(), **fields):
    data = {"day": timezone.localdate().isoformat(), "action": action, **fields}
    return client.post(URL, {**data, "present": [stay.pk for stay in present]})


def test_the_search_in_the_address_shows_only_the_matching_residents(officer, residents):
    amir, bilal, carlos = residents
    rows = _rows(officer.get(URL, {"q": "hadzic"}))
    assert rows == {amir.pk: (True, False), bilal.pk: (True, False), carlos.pk: (False, False)}


def test_searching_keeps_the_ticks_of_the_residents_it_hides(officer, residents):
    amir, bilal, carlos = residents
    response = _send(officer, "show", present=[carlos], q="amir")
    assert response.status_code == 200
    assert _rows(response) == {
        amir.pk: (True, False),
        bilal.pk: (False, False),
        carlos.pk: (False, True),
    }
    assert "Showing 1 of 3" in response.content.decode()
    assert not RollCall.objects.exists()


def test_mark_all_present_ticks_the_residents_shown_and_clear_unticks_them(officer, residents):
    amir, bilal, carlos = residents
    everyone = _send(officer, "all")
    assert "3 of 3 marked" in everyone.content.decode()
    only_hadzic = _send(officer, "clear", present=residents, q="Hadžić")
    assert {pk: ticked for pk, (_shown, ticked) in _rows(only_hadzic).items()} == {
        amir.pk: False,
        bilal.pk: False,
        carlos.pk: True,
    }
    assert "1 of 3 marked" in only_hadzic.content.decode()
    assert not RollCall.objects.exists()


def test_a_card_number_ticks_its_resident_whatever_its_dashes_or_case(officer, residents):
    amir, bilal, _carlos = residents
    typed = amir.person.registration_number.lower().replace("-", " ")
    response = _send(officer, "show", present=[bilal], card=typed)
    assert _rows(response)[amir.pk] == (True, True)
    assert _rows(response)[bilal.pk] == (True, True)
    assert "Marked present: Amir Hadžić" in response.content.decode()


def test_an_unknown_card_number_is_said_and_ticks_nobody(officer, residents, register):
    stranger = register()  # registered, never admitted here
    response = _send(officer, "show", card=stranger.registration_number)
    page = response.content.decode()
    assert f"No resident here has card number {stranger.registration_number}." in page
    assert not any(ticked for _shown, ticked in _rows(response).values())


def test_saving_records_the_unticked_as_absent_and_counts_a_card_left_in_the_box(
    officer, residents
):
    amir, bilal, carlos = residents
    response = _send(
        officer, "save", present=[amir], q="hadzic", card=carlos.person.registration_number
    )
    assert response.status_code == 302
    entries = dict(RollCallEntry.objects.values_list("stay_id", "present"))
    assert entries == {amir.pk: True, bilal.pk: False, carlos.pk: True}


def test_saving_with_an_unknown_card_number_records_nothing(officer, residents):
    amir, _bilal, _carlos = residents
    response = _send(officer, "save", present=[amir], card="LIP-9999999-9")
    assert response.status_code == 200
    assert "No resident here has card number LIP-9999999-9." in response.content.decode()
    assert _rows(response)[amir.pk] == (True, True)
    assert not RollCall.objects.exists()


def test_the_search_ignores_accents_and_case_as_the_script_does():
    assert search_fold("Hadžić ĐURIĆ Čaušević") == "hadzic duric causevic"
    assert search_fold("Мухамед") == "мухамед"
    assert card_key(" lip-0000012-4\n") == "LIP00000124"
