from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from waypoint.reception.services import stay_admit

pytestmark = pytest.mark.django_db


def test_the_command_lists_residents_absent_over_48_hours(registrar, lipa, register):
    gone = stay_admit(
        actor=registrar, person=register(), site=lipa, at=timezone.now() - timedelta(hours=60)
    )
    here = stay_admit(actor=registrar, person=register(), site=lipa)
    out = StringIO()
    call_command("reception", "absences", "--site", "trc-lip", stdout=out)
    text = out.getvalue()
    assert gone.person.registration_number in text
    assert here.person.registration_number not in text
    assert "reception: 1 absent over 48 hours at Lipa" in text


def test_an_unknown_centre_is_one_clear_error(places):
    with pytest.raises(CommandError, match="no centre"):
        call_command("reception", "absences", "--site", "NOPE")
