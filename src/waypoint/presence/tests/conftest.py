"""Presence fixtures: a small baseline in Bihać and Sarajevo, rounds, and phone helpers."""

from __future__ import annotations

import base64
import uuid
from datetime import date
from decimal import Decimal
from xml.etree import ElementTree

import pytest
from defusedxml.ElementTree import fromstring
from django.test import Client

from waypoint.conftest import PASSWORD
from waypoint.places.models import Area
from waypoint.presence.models import Location, Round, RoundStatus

XFORMS = "http://www.w3.org/2002/xforms"


@pytest.fixture
def enumerator(personas):
    return personas["enumerator"]  # assigned to Una-Sana canton (BA0101)


@pytest.fixture
def analyst(personas):
    return personas["analyst"]


@pytest.fixture
def partner(personas):
    return personas["partner"]


def make_location(code: str, municipality: str, **extra) -> Location:
    values = {
        "name": f"Site {code}",
        "type": "abandoned_building",
        "latitude": Decimal("44.81"),
        "longitude": Decimal("15.87"),
        "active_from": date(2026, 1, 1),
    }
    values.update(extra)
    return Location.objects.create(
        code=code, municipality=Area.objects.get(code=municipality), **values
    )


@pytest.fixture
def baseline(places):
    """Two locations in Bihać (Una-Sana) and one in Novo Sarajevo."""
    return {
        "BIH-1": make_location("BIH-1", "BA0101001"),
        "BIH-2": make_location("BIH-2", "BA0101001"),
        "SA-1": make_location(
            "SA-1", "BA0109006", latitude=Decimal("43.85"), longitude=Decimal("18.39")
        ),
    }


@pytest.fixture
def collecting_round(baseline):
    return Round.objects.create(
        number=7, snapshot_date=date(2026, 10, 31), status=RoundStatus.COLLECTING
    )


def basic_auth(user, password: str = PASSWORD) -> dict[str, str]:
    token = base64.b64encode(f"{user.email}:{password}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {token}"}


def fill_instance(form_xml: str, values: dict[str, str], instance_id: str | None = None) -> bytes:
    """Fill the primary instance of a served XForm as a phone does: same root, id and
    version, every field in place, meta/instanceID set."""
    tree = fromstring(form_xml)
    primary = tree.find(f".//{{{XFORMS}}}instance")
    assert primary is not None
    root = next(iter(primary))
    for element in root.iter():
        name = element.tag.rsplit("}", 1)[-1]
        if name == "instanceID":
            element.text = instance_id or f"uuid:{uuid.uuid4()}"
        elif name in values:
            element.text = values[name]
    ElementTree.register_namespace("", XFORMS)
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)


def phone(user) -> Client:
    return Client(**basic_auth(user))


@pytest.fixture
def residents(personas, site):
    """Four people in Lipa and one in Ušivak on 31.10.2026; one left Lipa before then."""
    from datetime import datetime

    from django.utils import timezone

    from waypoint.people.services import person_register
    from waypoint.reception.services import stay_admit, stay_exit

    admin = personas["admin"]
    admitted = timezone.make_aware(datetime(2026, 10, 1, 10, 0))

    def admit(code, **details):
        details.setdefault("nationality", "AFG")
        details.setdefault("family_name", "Testović")
        person = person_register(
            actor=admin, site=site(code), given_name=f"P{uuid.uuid4().hex[:6]}", **details
        )
        return stay_admit(actor=admin, person=person, site=site(code), at=admitted)

    admit("TRC-LIP", sex="M", birth_date=date(1995, 3, 1))
    admit("TRC-LIP", sex="M", birth_date=date(1999, 3, 1), nationality="PAK")
    admit("TRC-LIP", sex="M", birth_date=date(2010, 3, 1))
    admit("TRC-LIP", sex="F", birth_date=date(1990, 3, 1))
    admit("TRC-USI", sex="F", birth_date=date(2015, 3, 1), nationality="SYR")
    left = admit("TRC-LIP", sex="M", birth_date=date(1990, 3, 1))
    stay_exit(
        actor=admin, stay=left, reason="onward", at=timezone.make_aware(datetime(2026, 10, 20))
    )
