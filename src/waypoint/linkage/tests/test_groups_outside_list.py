"""An outside list (CSV or XLSX) linked to the registrations in the user's scope."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given
from openpyxl import Workbook

from waypoint.audit.models import Action, AuditEvent
from waypoint.core.tests.strategies import FUZZ, form_data

pytestmark = pytest.mark.django_db

HEADER = ["Ref", "Ime", "Prezime", "Rodjen"]
ROWS = [["P-1", "Muhammad", "Rahimy", "1995"], ["P-2", "Jean", "Dupont", "12.03.1970"]]


def _csv() -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows([HEADER, *ROWS])
    return out.getvalue().encode()


def _xlsx() -> bytes:
    book = Workbook()
    for row in [HEADER, *ROWS]:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _post(client, name, data, **extra):
    fields = {
        "file": SimpleUploadedFile(name, data),
        "id_column": "Ref",
        "mapping": "given_name=Ime,family_name=Prezime,birth_date=Rodjen",
        "threshold": "0.5",
        **extra,
    }
    return client.post("/linkage/lists/", fields)


@pytest.mark.parametrize("name,data", [("police.csv", _csv()), ("police.xlsx", _xlsx())])
def test_a_list_row_finds_the_registration_in_scope(client, personas, twins, name, data):
    first, _second, _other = twins
    client.force_login(personas["manager.lipa"])
    response = _post(client, name, data)
    text = response.content.decode()
    assert response.status_code == 200
    assert first.registration_number in text
    assert "Dupont" not in text  # the list's own names are not echoed back
    event = AuditEvent.objects.get(action=Action.SEARCH, purpose="outside list linkage")
    assert str(first.pk) in event.object_ids  # the registrations matched, by id


def test_registrations_out_of_scope_are_never_matched(client, personas, twins):
    first, _second, _other = twins
    client.force_login(personas["registrar.usivak"])
    response = _post(client, "police.csv", _csv())
    assert first.registration_number not in response.content.decode()


def test_downloading_the_matches_is_an_audited_export(client, personas, twins):
    first, _second, _other = twins
    client.force_login(personas["manager.lipa"])
    response = _post(client, "police.csv", _csv(), download="1")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["list_id", "registration_number", "match_probability"]
    assert ["P-1", first.registration_number] in [row[:2] for row in rows[1:]]
    assert AuditEvent.objects.filter(action=Action.EXPORT, purpose="outside list linkage").exists()


def test_a_missing_column_is_named_in_one_line(client, personas, twins):
    client.force_login(personas["manager.lipa"])
    response = _post(client, "police.csv", _csv(), mapping="given_name=Name")
    text = response.content.decode()
    assert "police.csv: no column &#x27;Name&#x27;" in text


@FUZZ
@given(data=form_data(["id_column", "mapping", "threshold"]), body=form_data(["x"]))
def test_the_list_form_never_fails(client, personas, twins, data, body):
    client.force_login(personas["manager.lipa"])
    upload = SimpleUploadedFile("list.csv", body.get("x", "").encode("utf-8", "replace"))
    assert client.post("/linkage/lists/", {**data, "file": upload}).status_code < 500
    broken = SimpleUploadedFile("list.xlsx", b"PK\x03\x04 not a workbook")
    assert client.post("/linkage/lists/", {**data, "file": broken}).status_code < 500
