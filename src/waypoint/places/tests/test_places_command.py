from __future__ import annotations

import os
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from .conftest import replace_in_file


def _run_waypoint(*args: str, var_dir) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "WAYPOINT_VAR_DIR": str(var_dir)}
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [sys.executable, "-m", "waypoint", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )


def test_a_missing_data_directory_exits_2_with_one_line_and_no_traceback(tmp_path):
    result = _run_waypoint("places", "load", "--data-dir", str(tmp_path / "x"), var_dir=tmp_path)

    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"CommandError: {tmp_path / 'x'}: no such data directory"
    ]
    assert "Traceback" not in result.stderr


@pytest.mark.django_db
def test_the_command_prints_one_summary_line():
    output = StringIO()

    call_command("places", "load", stdout=output)

    assert output.getvalue() == (
        "loaded 1 country, 3 entities, 10 cantons, 142 municipalities, 13 sites\n"
    )


@pytest.mark.django_db
def test_a_bad_row_is_a_command_error_with_status_2(data_copy):
    replace_in_file(data_copy / "sites.csv", ",1500,", ",lots,")

    with pytest.raises(CommandError) as raised:
        call_command("places", "load", "--data-dir", str(data_copy))

    assert raised.value.returncode == 2
    assert "sites.csv row 2, column capacity: 'lots' is not a whole number" in str(raised.value)
