"""``waypoint link`` as a user runs it: real files, a real process, its exit status."""

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

MAP = (
    "given_name=First,family_name=Last,father_name=Father,birth_date=DOB,"
    "sex=Sex,nationality=Country"
)
HEADER = ["id", "First", "Last", "Father", "DOB", "Sex", "Country", "Note"]
ROWS = [
    ["1", "Mohammed", "Rahimi", "Ahmad", "1994-03-14", "M", "AFG", "Lipa"],
    ["2", "Muhammad", "Rahimi", "Ahmed", "14.03.1994", "M", "AFG", "Borići"],
    ["3", "Fatima", "Rahimi", "Karim", "2001-07-02", "F", "AFG", "Lipa"],
    ["4", "Hassan", "Qureshi", "Tariq", "19791130", "M", "PAK", "Ušivak"],
]


def write_csv(path: Path, header: list[str], rows: list[list[str]], delimiter: str = ",") -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def run_link(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": os.environ["PATH"],
        "WAYPOINT_VAR_DIR": str(tmp_path),
    }
    return subprocess.run(
        [sys.executable, "-m", "waypoint", "link", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


@pytest.fixture
def people(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "people.csv", HEADER, ROWS)


def test_it_writes_one_cluster_row_for_every_input_row(tmp_path: Path, people: Path) -> None:
    output = tmp_path / "clusters.csv"
    result = run_link(
        tmp_path,
        *("--input", str(people), "--output", str(output), "--id-column", "id"),
        *("--map", MAP, "--text-columns", "Note"),
    )
    assert result.returncode == 0, result.stderr
    lines = read_csv(output)
    assert lines[0] == ["record_id", "cluster_id"]
    assert lines[1:] == [["1", "1"], ["2", "1"], ["3", "3"], ["4", "4"]]


def test_it_reads_a_semicolon_separated_file_with_a_full_name(tmp_path: Path) -> None:
    source = write_csv(
        tmp_path / "list.csv",
        ["ref", "Name", "Born"],
        [["x", "Mohammed Rahimi", "1994"], ["y", "Hassan Qureshi", "1979"]],
        delimiter=";",
    )
    output = tmp_path / "out.csv"
    result = run_link(
        tmp_path,
        *("--input", str(source), "--output", str(output), "--id-column", "ref"),
        *("--map", "full_name=Name,birth_year=Born"),
    )
    assert result.returncode == 0, result.stderr
    assert read_csv(output) == [["record_id", "cluster_id"], ["x", "x"], ["y", "y"]]


def test_with_other_it_writes_the_matching_pairs(tmp_path: Path, people: Path) -> None:
    other = write_csv(
        tmp_path / "police.csv",
        HEADER,
        [
            ["p1", "Hasan", "Kureshi", "Tarik", "30.11.1979", "M", "PAK", ""],
            ["p2", "Amina", "Begum", "Rafiq", "1999-02-02", "F", "BGD", ""],
        ],
    )
    output = tmp_path / "pairs.csv"
    result = run_link(
        tmp_path,
        *("--input", str(people), "--other", str(other), "--output", str(output)),
        *("--id-column", "id", "--map", MAP),
    )
    assert result.returncode == 0, result.stderr
    lines = read_csv(output)
    assert lines[0] == ["left_id", "right_id", "match_probability"]
    assert [line[:2] for line in lines[1:]] == [["4", "p1"]]
    assert 0.9 <= float(lines[1][2]) <= 1


def test_a_higher_threshold_is_accepted(tmp_path: Path, people: Path) -> None:
    output = tmp_path / "clusters.csv"
    result = run_link(
        tmp_path,
        *("--input", str(people), "--output", str(output), "--id-column", "id"),
        *("--map", MAP, "--threshold", "0.999999"),
    )
    assert result.returncode == 0, result.stderr
    assert len(read_csv(output)) == len(ROWS) + 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"--map": "given_name=First,family_name=Surname"}, "no column 'Surname'"),
        ({"--id-column": "code"}, "no column 'code'"),
        ({"--text-columns": "Remarks"}, "no column 'Remarks'"),
        ({"--map": "nickname=First"}, "unknown role 'nickname'"),
        ({"--map": "given_name"}, "is not ROLE=COLUMN"),
        ({"--map": ","}, "--map names no columns"),
        ({"--map": ""}, "--map names no columns"),
        ({"--threshold": "sometimes"}, "is not a number"),
        ({"--threshold": "high"}, "is not a number"),
        ({"--threshold": "1.5"}, "above 0 and below 1"),
        ({"--input": "missing.csv"}, "cannot read"),
    ],
)
def test_bad_arguments_give_one_line_and_status_2(
    tmp_path: Path, people: Path, change: dict[str, str], message: str
) -> None:
    options = {
        "--input": str(people),
        "--output": str(tmp_path / "out.csv"),
        "--id-column": "id",
        "--map": MAP,
    }
    options.update(change)
    if change.get("--input") == "missing.csv":
        options["--input"] = str(tmp_path / "missing.csv")
    result = run_link(tmp_path, *(part for pair in options.items() for part in pair))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert message in lines[0]
    assert not (tmp_path / "out.csv").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"id,First,Last,Father,DOB,Sex,Country\n", "no rows"),
        (b"\xff\xfe\x00\x01binary\x00", "not a UTF-8 text file"),
        (b'id,First\n1,"Mohammed\n', "not a readable CSV file"),
        (b"id,First\n1,Ali\n1,Omar\n", "is used twice"),
    ],
)
def test_bad_files_give_one_line_and_status_2(tmp_path: Path, content: bytes, message: str) -> None:
    source = tmp_path / "bad.csv"
    source.write_bytes(content)
    result = run_link(
        tmp_path,
        *("--input", str(source), "--output", str(tmp_path / "out.csv")),
        *("--id-column", "id", "--map", "given_name=First"),
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert message in lines[0]


def test_a_missing_required_flag_gives_one_line_and_status_2(tmp_path: Path) -> None:
    result = run_link(tmp_path, "--input", "x.csv")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_it_chooses_the_cut_off_from_the_data_and_says_so(tmp_path: Path, people: Path) -> None:
    output = tmp_path / "clusters.csv"
    result = run_link(
        tmp_path,
        *("--input", str(people), "--output", str(output), "--id-column", "id"),
        *("--map", MAP),
    )
    assert result.returncode == 0, result.stderr
    assert "(chosen from the data)" in result.stdout
    assert "unique people: 3 (" in result.stdout
    assert "match weight (log2 odds) of the compared pairs:" in result.stdout


def test_with_a_truth_column_the_report_scores_the_result(tmp_path: Path) -> None:
    source = write_csv(
        tmp_path / "known.csv",
        [*HEADER, "Person"],
        [[*row, person] for row, person in zip(ROWS, ["a", "a", "b", "c"], strict=True)],
    )
    report = tmp_path / "report.json"
    result = run_link(
        tmp_path,
        *("--input", str(source), "--output", str(tmp_path / "out.csv"), "--id-column", "id"),
        *("--map", MAP, "--threshold", "0.8", "--truth-column", "Person"),
        *("--report", str(report)),
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(report.read_text(encoding="utf-8"))
    assert found["records"] == 4
    assert found["threshold"] == 0.8
    assert found["threshold_chosen_from_data"] is False
    assert found["unique"]["figure"] == 3
    assert found["unique"]["low"] <= 3 <= found["unique"]["high"]
    truth = found["truth"]
    assert (truth["true_pairs"], truth["compared_true_pairs"]) == (1, 1)
    assert (truth["precision"], truth["recall"], truth["cluster_purity"]) == (1.0, 1.0, 1.0)
    assert "pairs-completeness 1.0000" in result.stdout


def test_a_truth_column_that_is_not_there_gives_one_line_and_status_2(
    tmp_path: Path, people: Path
) -> None:
    result = run_link(
        tmp_path,
        *("--input", str(people), "--output", str(tmp_path / "out.csv"), "--id-column", "id"),
        *("--map", MAP, "--truth-column", "Person"),
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "no column 'Person'" in lines[0]
