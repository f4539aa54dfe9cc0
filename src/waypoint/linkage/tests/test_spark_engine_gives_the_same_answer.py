"""``waypoint link --engine spark``: the same comparisons on Apache Spark, same answers."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from waypoint.linkage.tests.test_link_command import HEADER, MAP, ROWS, read_csv, write_csv

needs_java = pytest.mark.skipif(
    shutil.which("java") is None and not os.environ.get("JAVA_HOME"),
    reason="the spark engine needs Java, which this machine does not have",
)


def run_link(tmp_path: Path, *args: str, pythonpath: str = "") -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "WAYPOINT_VAR_DIR": str(tmp_path),
        **({"JAVA_HOME": os.environ["JAVA_HOME"]} if os.environ.get("JAVA_HOME") else {}),
        **({"PYTHONPATH": pythonpath} if pythonpath else {}),
    }
    return subprocess.run(
        [sys.executable, "-m", "waypoint", "link", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )


@needs_java
def test_spark_groups_one_file_as_duckdb_does(tmp_path: Path) -> None:
    people = write_csv(tmp_path / "people.csv", HEADER, ROWS)
    outputs = {}
    for engine in ("duckdb", "spark"):
        output = tmp_path / f"{engine}.csv"
        result = run_link(
            tmp_path,
            *("--input", str(people), "--output", str(output), "--id-column", "id"),
            *("--map", MAP, "--engine", engine),
        )
        assert result.returncode == 0, result.stderr[-2000:]
        outputs[engine] = read_csv(output)
    assert outputs["spark"] == outputs["duckdb"]
    assert outputs["spark"][1:] == [["1", "1"], ["2", "1"], ["3", "3"], ["4", "4"]]


@needs_java
def test_spark_links_two_files_with_the_same_probabilities(tmp_path: Path) -> None:
    people = write_csv(tmp_path / "people.csv", HEADER, ROWS)
    other = write_csv(
        tmp_path / "police.csv",
        HEADER,
        [
            ["p1", "Hasan", "Kureshi", "Tarik", "30.11.1979", "M", "PAK", ""],
            ["p2", "Amina", "Begum", "Rafiq", "1999-02-02", "F", "BGD", ""],
        ],
    )
    outputs = {}
    for engine in ("duckdb", "spark"):
        output = tmp_path / f"{engine}.csv"
        result = run_link(
            tmp_path,
            *("--input", str(people), "--other", str(other), "--output", str(output)),
            *("--id-column", "id", "--map", MAP, "--engine", engine),
        )
        assert result.returncode == 0, result.stderr[-2000:]
        outputs[engine] = read_csv(output)
    assert outputs["spark"] == outputs["duckdb"]
    assert [row[:2] for row in outputs["spark"][1:]] == [["4", "p1"]]


def test_without_pyspark_it_says_so_in_one_line_and_exits_2(tmp_path: Path) -> None:
    # A pyspark that cannot be imported stands in for one that is not installed.
    fake = tmp_path / "shadow" / "pyspark"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("raise ImportError('no pyspark here')\n")
    people = write_csv(tmp_path / "people.csv", HEADER, ROWS)
    result = run_link(
        tmp_path,
        *("--input", str(people), "--output", str(tmp_path / "out.csv"), "--id-column", "id"),
        *("--map", MAP, "--engine", "spark"),
        pythonpath=str(tmp_path / "shadow"),
    )
    assert result.returncode == 2
    assert "pyspark" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out.csv").exists()
