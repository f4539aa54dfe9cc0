"""`waypoint estimate --input F.csv`: the JSON answer on a published table, and one line with
exit status 2 for bad input, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "waypoint", "estimate", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_it_prints_the_estimate_of_the_uk_modern_slavery_lists_as_json():
    done = _run("--input", str(DATA / "uk_modern_slavery_2013.csv"), "--count-column", "count")
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert set(answer) == {
        "estimate",
        "ci_low",
        "ci_high",
        "observed",
        "model",
        "method",
        "warnings",
        "method_note",
        "notes",
    }
    assert all(isinstance(warning, str) for warning in answer["warnings"])
    assert answer["observed"] == 2744
    assert 10_000 <= answer["estimate"] <= 13_000


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ("a,count\n1,5\n", "at least two lists"),
        ("a,b,count\n1,2,5\n1,1,3\n", "0 or 1"),
        ("a,b,count\n1,0,-4\n0,1,3\n1,1,2\n", "negative"),
        ("a,b,count\n1,0,4\n0,1,3\n", "no person is on two lists"),
    ],
)
def test_bad_input_gets_one_line_and_exit_status_2(tmp_path, body, says):
    table = tmp_path / "lists.csv"
    table.write_text(body)
    done = _run("--input", str(table))
    assert done.returncode == 2
    assert says in done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_a_missing_file_is_one_line_too(tmp_path):
    done = _run("--input", str(tmp_path / "nothing.csv"))
    assert done.returncode == 2 and "cannot read" in done.stderr
