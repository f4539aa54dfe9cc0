"""A Kobo/ODK export past the import limits (bytes, rows, what an XLSX unpacks to) is
refused with one line naming the limit, and nothing is imported."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from waypoint.core.tests.workbooks import bomb_xlsx
from waypoint.presence import imports
from waypoint.presence.models import Observation
from waypoint.presence.tests.test_import_an_export import GOOD, GOOD_2, KOBO_HEADER, _csv


def upload(client, enumerator, name, content):  # type: ignore[no-untyped-def]
    client.force_login(enumerator)
    return client.post(
        "/presence/import/",
        {
            "form_id": "presence_location",
            "round_number": "7",
            "file": SimpleUploadedFile(name, content),
        },
    )


def test_a_zip_bomb_is_refused_at_once(client, enumerator, collecting_round):
    started = time.monotonic()
    response = upload(client, enumerator, "export.xlsx", bomb_xlsx(KOBO_HEADER.split(";")))
    assert time.monotonic() - started < 5
    assert response.status_code == 200  # the form again, with the reason
    assert "the workbook unpacks to 60.0 MB; the limit is 50.0 MB" in response.content.decode()
    assert not Observation.objects.exists()


def test_a_file_over_ten_megabytes_is_refused(client, enumerator, collecting_round):
    content = _csv(GOOD, *[GOOD_2] * 230_000)
    assert len(content) > imports.LIMITS.max_bytes
    response = upload(client, enumerator, "export.csv", content)
    assert f"has {len(content):,} bytes; the limit is 10,000,000 bytes" in (
        response.content.decode()
    )
    assert not Observation.objects.exists()


def test_one_row_past_the_limit_imports_nothing(client, enumerator, collecting_round, monkeypatch):
    monkeypatch.setattr(imports, "LIMITS", replace(imports.LIMITS, max_rows=1))
    response = upload(client, enumerator, "export.csv", _csv(GOOD, GOOD_2))
    assert "more than 1 rows; the limit is 1 rows" in response.content.decode()
    assert not Observation.objects.exists()


@pytest.mark.parametrize("rows", [1, 2])
def test_rows_within_the_limit_import(client, enumerator, collecting_round, rows):
    response = upload(client, enumerator, "export.csv", _csv(*[GOOD, GOOD_2][:rows]))
    assert response.status_code == 302
    assert Observation.objects.count() == rows
