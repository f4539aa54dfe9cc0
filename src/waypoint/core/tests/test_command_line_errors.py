"""Bad input on the command line gives one clear line and no traceback."""

import os
import subprocess
import sys

import pytest


def waypoint(tmp_path, *args, **env):
    environment = {"PATH": os.environ.get("PATH", ""), "WAYPOINT_VAR_DIR": str(tmp_path), **env}
    environment.pop("DATABASE_URL", None) if "DATABASE_URL" not in env else None
    return subprocess.run(
        [sys.executable, "-m", "waypoint", *args],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
        timeout=120,
    )


def assert_one_clear_line(result, words):
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert words in lines[0]


def test_an_unknown_flag_is_one_line(tmp_path):
    result = waypoint(tmp_path, "demo", "--peeple", "10")
    assert_one_clear_line(result, "unrecognized arguments: --peeple")
    assert result.returncode == 2


@pytest.mark.parametrize("url", ["mysql://root@localhost/db", "postgres://u@h:port/db"])
def test_a_malformed_database_url_is_one_line(tmp_path, url):
    result = waypoint(tmp_path, "check", DATABASE_URL=url)
    assert_one_clear_line(result, "DATABASE_URL")
    assert result.returncode == 2


def test_a_missing_places_data_file_is_one_line(tmp_path):
    result = waypoint(tmp_path, "places", "load", "--data-dir", str(tmp_path / "nowhere"))
    assert_one_clear_line(result, "nowhere")
    assert result.returncode == 2
