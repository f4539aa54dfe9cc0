"""Bad flags and values end ``waypoint demo`` with one clear line and exit status 2."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command


def _run_waypoint(*args: str, var_dir) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
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


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--people", "-5"], "CommandError: --people must be 0 or more, not -5"),
        (
            ["--people", "10000001"],
            "CommandError: --people must be at most 10,000,000, not 10,000,001",
        ),
        (
            ["--people", "many"],
            "waypoint demo: error: argument --people: invalid int value: 'many' (see --help)",
        ),
        (
            ["--password", "short"],
            "CommandError: --password: This password is too short. "
            "It must contain at least 10 characters.",
        ),
    ],
)
def test_a_bad_value_exits_2_with_one_line(tmp_path, flags, message):
    result = _run_waypoint("demo", *flags, var_dir=tmp_path)

    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [message]
    assert result.stdout == ""


def test_an_unwritable_ground_truth_path_exits_2_with_one_line(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")

    result = _run_waypoint("demo", "--ground-truth", str(blocker / "truth.csv"), var_dir=tmp_path)

    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"CommandError: --ground-truth {blocker / 'truth.csv'} cannot be written: "
        f"{blocker} is not a directory"
    ]


@pytest.mark.parametrize(
    "flags",
    [
        ["--people", "-1"],
        ["--csv", "."],
        ["--csv", "same.csv", "--ground-truth", "same.csv"],
    ],
)
def test_called_from_code_a_bad_value_raises_a_command_error_with_status_2(
    tmp_path, monkeypatch, flags
):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CommandError) as raised:
        call_command("demo", *flags)

    assert raised.value.returncode == 2
    assert "\n" not in str(raised.value)
