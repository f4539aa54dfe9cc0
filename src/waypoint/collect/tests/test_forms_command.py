"""``waypoint forms`` uploads, publishes, lists and exports, and says what is wrong in an
XLSForm one problem per line."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook

from waypoint.collect.models import Form, FormState
from waypoint.collect.tests.conftest import xlsform

pytestmark = pytest.mark.django_db


def _run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("forms", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_upload_publish_list_and_export(personas, tmp_path):
    source = tmp_path / "visit.xlsx"
    source.write_bytes(
        xlsform(
            [("type", "name", "label"), ("text", "place", "Place")],
            settings=[("form_id", "version"), ("visit", "4")],
        )
    )
    out, _err = _run("upload", str(source), "--actor", "analyst@waypoint.test", "--publish")
    assert out.strip() == "visit version 4 published"
    assert Form.objects.get(form_id="visit").state == FormState.OPEN
    listed, _err = _run("list")
    assert "visit\topen\t4\t0 submissions" in listed
    assert "presence_location\topen" in listed
    target = tmp_path / "visit-export.xlsx"
    out, _err = _run("export", "visit", "--actor", "analyst@waypoint.test", "--output", str(target))
    assert "sha256" in out
    assert load_workbook(target, read_only=True).worksheets[0].title


def test_a_broken_xlsform_is_listed_problem_by_problem(personas, tmp_path):
    source = tmp_path / "broken.xlsx"
    source.write_bytes(
        xlsform(
            [("type", "name", "label"), ("integr", "n", "N")],
            settings=[("form_id", "version"), ("broken", "1")],
        )
    )
    err = StringIO()
    with pytest.raises(CommandError, match="not a usable XLSForm"):
        call_command("forms", "upload", str(source), "--actor", "analyst@waypoint.test", stderr=err)
    assert "survey, row 2, type: Unknown question type 'integr'" in err.getvalue()


def test_roles_without_the_library_are_refused(personas, tmp_path):
    source = tmp_path / "x.md"
    source.write_text("| survey |\n| | type | name | label |\n| | text | a | A |\n")
    with pytest.raises(CommandError, match="Only analysts and administrators"):
        _run("upload", str(source), "--actor", "registrar.lipa@waypoint.test")
