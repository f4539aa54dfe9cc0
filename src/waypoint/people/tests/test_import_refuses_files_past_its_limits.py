"""The person import refuses a file past its limits (bytes, rows, what an XLSX unpacks to,
time) with one line naming the limit, and saves nothing."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from waypoint.core.tests.workbooks import bomb_xlsx
from waypoint.people import imports
from waypoint.people.models import Person

pytestmark = pytest.mark.django_db

GOOD = (
    "given_name,family_name,sex,birth_date,nationality\n"
    "Ahmad,Karimi,M,01.01.1990,AFG\n"
    "Omar,Haidari,M,02.02.1992,AFG\n"
    "Fatima,Rahimi,F,2001-03-04,AFG\n"
)


def upload(client, name, content):  # type: ignore[no-untyped-def]
    return client.post(
        reverse("people:import"),
        {"file": SimpleUploadedFile(name, content), "site": "TRC-LIP"},
    )


def test_a_zip_bomb_is_refused_at_once_with_what_it_unpacks_to(client, personas):
    client.force_login(personas["registrar.lipa"])
    bomb = bomb_xlsx(["given_name", "family_name"])
    started = time.monotonic()
    response = upload(client, "people.xlsx", bomb)
    assert time.monotonic() - started < 5
    assert response.status_code == 400
    assert "the workbook unpacks to 60.0 MB; the limit is 50.0 MB" in response.content.decode()
    assert not Person.objects.exists()


def test_a_file_over_ten_megabytes_is_refused(client, personas):
    client.force_login(personas["registrar.lipa"])
    content = GOOD.encode() + b"Ali,Hasan,M,,AFG\n" * 600_000
    assert len(content) > imports.LIMITS.max_bytes
    response = upload(client, "people.csv", content)
    assert response.status_code == 400
    assert f"has {len(content):,} bytes; the limit is 10,000,000 bytes" in (
        response.content.decode()
    )
    assert not Person.objects.exists()


def test_one_row_past_the_limit_saves_nothing(client, personas, monkeypatch):
    monkeypatch.setattr(imports, "LIMITS", replace(imports.LIMITS, max_rows=2))
    client.force_login(personas["registrar.lipa"])
    response = upload(client, "people.csv", GOOD.encode())
    assert response.status_code == 400
    assert "more than 2 rows; the limit is 2 rows" in response.content.decode()
    assert not Person.objects.exists()


def test_the_command_line_refuses_a_zip_bomb_too(personas, tmp_path):
    path = tmp_path / "people.xlsx"
    path.write_bytes(bomb_xlsx(["given_name"]))
    with pytest.raises(CommandError, match=r"unpacks to 60\.0 MB"):
        call_command(
            "import", "persons", "--input", str(path), "--actor", "registrar.lipa@waypoint.test"
        )
    assert not Person.objects.exists()
