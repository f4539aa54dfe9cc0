"""The people contract: persona × work × place → may()."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from waypoint.people import access
from waypoint.people.access import Work
from waypoint.people.services import person_register

pytestmark = pytest.mark.django_db

TABLE = [
    ("registrar.lipa", Work.REGISTER, "TRC-LIP", True),
    ("registrar.lipa", Work.REGISTER, "TRC-BOR", False),
    ("registrar.lipa", Work.IMPORT, None, True),
    ("registrar.usivak", Work.IMPORT, "TRC-LIP", False),
    ("manager.lipa", Work.REGISTER, None, False),
    ("manager.lipa", Work.EDIT, "TRC-LIP", True),
    ("manager.lipa", Work.EDIT, "TRC-BOR", False),
    ("manager.lipa", Work.IDENTIFY, None, True),
    ("caseworker.lipa", Work.READ, "TRC-LIP", True),
    ("caseworker.lipa", Work.EDIT, "TRC-LIP", False),
    ("caseworker.lipa", Work.IDENTIFY, None, False),
    ("protection.borici", Work.READ, "TRC-BOR", True),
    ("protection.borici", Work.READ, "TRC-LIP", False),
    ("counsellor", Work.IDENTIFY, None, True),
    ("counsellor", Work.REGISTER, None, False),
    ("admin", Work.IMPORT, "TRC-BOR", True),
    ("analyst", Work.READ, None, False),
    ("partner", Work.READ, None, False),
    ("enumerator", Work.IDENTIFY, None, False),
]


@pytest.mark.parametrize(("persona", "work", "where", "expected"), TABLE)
def test_the_contract_answers_by_role_and_place(personas, site, persona, work, where, expected):
    target = site(where) if where else None
    assert access.may(personas[persona], work, target) is expected


def test_nobody_signed_out_or_deactivated_may_read(personas):
    admin = personas["admin"]
    admin.is_active = False
    assert not access.may(admin, Work.READ)
    assert not access.may(AnonymousUser(), Work.READ)


def test_a_person_is_in_reach_where_last_seen_as_well_as_where_registered(personas, site):
    someone = person_register(actor=None, site=site("TRC-BOR"), given_name="Moved")
    assert not access.may(personas["manager.lipa"], Work.EDIT, someone)
    someone.last_seen_at = site("TRC-LIP")
    assert access.may(personas["manager.lipa"], Work.EDIT, someone)


def test_changing_answers_403_in_reading_scope_and_404_outside_it(client, personas, site):
    at_lipa = person_register(actor=None, site=site("TRC-LIP"), given_name="Here")
    at_borici = person_register(actor=None, site=site("TRC-BOR"), given_name="There")
    client.force_login(personas["caseworker.lipa"])
    document = {"kind": "passport", "number": "X1"}
    url = "people:document_add"
    assert client.post(reverse(url, args=[at_lipa.pk]), document).status_code == 403
    assert client.post(reverse(url, args=[at_borici.pk]), document).status_code == 404
