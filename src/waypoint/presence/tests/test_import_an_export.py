"""Kobo/ODK exports import all-or-nothing, by command and by the upload page."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from waypoint.presence.models import Observation

# Kobo's default CSV: semicolons, group paths in the headers, its own columns.
KOBO_HEADER = (
    "observed_on;location_code;team;migrants_observed;not_in_trc;adult_men;adult_women;"
    "boys;girls;unaccompanied_children;nationalities/nationality_AFG;"
    "nationalities/nationality_MAR;needs;needs/food;_uuid"
)


def _csv(*rows: str) -> bytes:
    return ("\n".join([KOBO_HEADER, *rows]) + "\n").encode()


GOOD = "2026-10-30;BIH-1;T1;10;8;9;1;0;0;0;6;4;food water;1;abc"
GOOD_2 = "2026-10-30;BIH-2;T1;5;5;5;0;0;0;0;5;;;0;def"
BAD = "2026-10-30;BIH-2;T1;5;9;5;0;0;0;0;;;;0;ghi"


def test_the_command_imports_every_row(tmp_path, enumerator, collecting_round):
    path = tmp_path / "export.csv"
    path.write_bytes(_csv(GOOD, GOOD_2))
    out = io.StringIO()

    call_command(
        "presence",
        "import",
        form="presence_location",
        input=path,
        round=7,
        actor=enumerator.email,
        stdout=out,
    )

    assert "imported 2 rows" in out.getvalue()
    observation = Observation.objects.get(location__code="BIH-1")
    assert observation.nationalities == {"AFG": 6, "MAR": 4}
    assert observation.source == "import"


def test_one_bad_row_imports_nothing_and_names_row_and_field(
    tmp_path, enumerator, collecting_round
):
    path = tmp_path / "export.csv"
    path.write_bytes(_csv(GOOD, BAD))
    err = io.StringIO()

    with pytest.raises(CommandError):
        call_command(
            "presence",
            "import",
            form="presence_location",
            input=path,
            round=7,
            actor=enumerator.email,
            stderr=err,
        )

    assert "row 3, column not_in_trc" in err.getvalue()
    assert not Observation.objects.exists()


def test_a_location_outside_the_enumerators_area_imports_nothing(
    tmp_path, enumerator, collecting_round
):
    path = tmp_path / "export.csv"
    path.write_bytes(_csv(GOOD, GOOD.replace("BIH-1", "SA-1")))
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "presence",
            "import",
            form="presence_location",
            input=path,
            round=7,
            actor=enumerator.email,
            stderr=err,
        )
    assert "row 3" in err.getvalue()
    assert not Observation.objects.exists()


def test_the_upload_page_imports_an_xlsx_export(client, enumerator, collecting_round):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(KOBO_HEADER.split(";"))
    sheet.append(GOOD.split(";"))
    buffer = io.BytesIO()
    workbook.save(buffer)
    client.force_login(enumerator)

    response = client.post(
        "/presence/import/",
        {
            "form_id": "presence_location",
            "round_number": "7",
            "file": SimpleUploadedFile("export.xlsx", buffer.getvalue()),
        },
    )

    assert response.status_code == 302
    assert Observation.objects.get(location__code="BIH-1").migrants_observed == 10


def test_dates_stored_as_dates_in_a_workbook_are_read_as_dates(
    tmp_path, enumerator, collecting_round
):
    from datetime import datetime

    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(KOBO_HEADER.split(";"))
    row: list = GOOD.split(";")
    row[0] = datetime(2026, 10, 29)
    sheet.append(row)
    path = tmp_path / "export.xlsx"
    workbook.save(path)

    call_command(
        "presence",
        "import",
        form="presence_location",
        input=path,
        round=7,
        actor=enumerator.email,
        stdout=io.StringIO(),
    )

    assert str(Observation.objects.get().observed_on) == "2026-10-29"
