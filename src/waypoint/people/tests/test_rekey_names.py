import pytest
from django.core.management import call_command

from waypoint.people.models import NameKey
from waypoint.people.services import person_register
from waypoint.places.models import Site

pytestmark = pytest.mark.django_db


def test_rekey_rebuilds_stale_search_keys(places, capsys):
    person = person_register(
        actor=None, site=Site.objects.get(code="TRC-LIP"), given_name="Hocine", family_name="Benali"
    )
    NameKey.objects.filter(person=person).delete()
    NameKey.objects.create(person=person, key="stale")
    call_command("people", "rekey")
    keys = set(NameKey.objects.filter(person=person).values_list("key", flat=True))
    assert "stale" not in keys and "hsn" in keys
    assert "search keys rebuilt for 1 registrations" in capsys.readouterr().out
