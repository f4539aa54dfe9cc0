import subprocess
import sys

import pytest
from django.urls import reverse
from openpyxl import Workbook

from waypoint.people.models import Person

pytestmark = pytest.mark.django_db

GOOD = (
    "given_name,family_name,given_name_original,sex,birth_date,nationality,site\n"
    "Ahmad,Karimi,,M,01.01.1990,AFG,TRC-LIP\n"
    ",,محمد,M,19950101,PAK,TRC-LIP\n"
    "Fatima,Rahimi,,F,2001-03-04,afg,\n"
)


def upload(client, name, content, site="TRC-LIP"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        reverse("people:import"), {"file": SimpleUploadedFile(name, content), "site": site}
    )


def test_a_valid_csv_registers_every_row(client, personas):
    client.force_login(personas["registrar.lipa"])
    response = upload(client, "people.csv", GOOD.encode())
    assert response.status_code == 302
    assert Person.objects.count() == 3
    assert Person.objects.get(given_name_original="محمد").given_name == "Mhmd"


def test_one_bad_row_saves_nothing_and_names_the_row_and_column(client, personas):
    client.force_login(personas["registrar.lipa"])
    bad = GOOD + "Omar,,,X,31.02.1990,Afghan,TRC-LIP\n"
    response = upload(client, "people.csv", bad.encode())
    assert response.status_code == 400
    assert not Person.objects.exists()
    problems = {(error.row, error.column) for error in response.context["errors"]}
    assert {(5, "sex"), (5, "birth_date"), (5, "nationality")} <= problems


def test_a_row_at_a_centre_out_of_scope_saves_nothing(client, personas):
    client.force_login(personas["registrar.lipa"])
    response = upload(client, "people.csv", (GOOD + "Ali,,,M,,,TRC-BOR\n").encode())
    assert response.status_code == 400
    assert "row 5, column site" in response.content.decode()
    assert not Person.objects.exists()


def test_an_xlsx_file_is_read_like_a_csv(client, personas, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["given_name", "family_name", "sex", "birth_date"])
    sheet.append(["Ali", "Hassan", "M", "1990-05-06"])
    sheet.append(["Amina", "Hassan", "F", None])
    path = tmp_path / "people.xlsx"
    workbook.save(path)
    client.force_login(personas["registrar.lipa"])
    assert upload(client, "people.xlsx", path.read_bytes()).status_code == 302
    assert Person.objects.filter(family_name="Hassan").count() == 2


@pytest.mark.parametrize(
    "name, content, words",
    [
        ("people.csv", b"", "empty"),
        ("people.csv", b"\xff\xfe\x00bad", "UTF-8"),
        ("people.csv", b"name,age\nAli,3\n", "given_name"),
        ("people.pdf", b"%PDF", ".csv or .xlsx"),
        ("people.xlsx", b"not a zip", "XLSX"),
    ],
)
def test_an_unreadable_file_gets_one_clear_reason(client, personas, name, content, words):
    client.force_login(personas["registrar.lipa"])
    response = upload(client, name, content)
    assert response.status_code == 400
    assert words in response.content.decode()


def test_the_command_line_import_is_all_or_nothing(personas, tmp_path):
    path = tmp_path / "people.csv"
    path.write_text(GOOD + "Omar,,,X,,,\n", encoding="utf-8")
    from django.core.management import call_command
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="nothing was imported"):
        call_command(
            "import",
            "persons",
            "--input",
            str(path),
            "--site",
            "TRC-LIP",
            "--actor",
            "registrar.lipa@waypoint.test",
        )
    assert not Person.objects.exists()
    path.write_text(GOOD, encoding="utf-8")
    call_command(
        "import",
        "persons",
        "--input",
        str(path),
        "--site",
        "TRC-LIP",
        "--actor",
        "registrar.lipa@waypoint.test",
    )
    assert Person.objects.count() == 3


def test_the_command_line_names_a_missing_file_in_one_line(tmp_path):
    environment = {"WAYPOINT_VAR_DIR": str(tmp_path), "PATH": ""}
    subprocess.run(
        [sys.executable, "-m", "waypoint", "migrate", "-v0"], env=environment, check=True
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "waypoint",
            "import",
            "persons",
            "--input",
            str(tmp_path / "none.csv"),
            "--actor",
            "nobody@waypoint.test",
        ],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "CommandError: no active account nobody@waypoint.test"
    ]


def test_a_command_before_migrate_says_so_in_one_line(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "waypoint",
            "import",
            "persons",
            "--input",
            "x.csv",
            "--actor",
            "a@b.c",
        ],
        capture_output=True,
        text=True,
        env={"WAYPOINT_VAR_DIR": str(tmp_path), "PATH": ""},
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "waypoint: database error: no such table: accounts_user (run `waypoint migrate` first?)"
    ]
