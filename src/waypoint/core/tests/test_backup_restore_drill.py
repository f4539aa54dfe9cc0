"""The restore drill, as an operator runs it: make data, `waypoint backup`, destroy the
database, the field key and the private files, `waypoint restore`, and check that the audit
chain verifies, the encrypted narrative opens and every table has its rows back.

Real files and real processes: each `waypoint` command runs as its own process on a SQLite
file (and on a scratch PostgreSQL database when one is reachable).
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from cryptography.fernet import Fernet, MultiFernet
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, connections

from waypoint.core.backups import read_manifest

# The test database must exist for the module's fixture to copy it (and the in-process
# restores must reach it); the drill itself runs on its own files.
pytestmark = pytest.mark.django_db

PASSPHRASE = "drill passphrase: not in the backup"
NARRATIVE = "Prijavila je napad u kampu. Она је уплашена. تعرضت للتهديد"
PHOTO = b"\xff\xd8\xff\xe0 a photo's bytes"
MAKE_DATA = f"""
from datetime import date
from django.core.files.base import ContentFile
from waypoint.accounts.models import User
from waypoint.demo.personas import personas_ensure
from waypoint.people.services import person_register
from waypoint.places.models import Site
from waypoint.places.services import places_load
from waypoint.protection.services import incident_record
if not Site.objects.exists():
    places_load()
personas_ensure(password="a-long-test-passphrase")
admin = User.objects.get(email="admin@waypoint.test")
officer = User.objects.get(email="protection.borici@waypoint.test")
borici = Site.objects.get(code="TRC-BOR")
person = person_register(
    actor=admin, site=borici, given_name="Ahmad", family_name="Karimi", birth_date=date(1990, 1, 1)
)
incident_record(
    actor=officer, kind="gbv", occurred_on=date.today(), site=borici, narrative={NARRATIVE!r},
    person=person,
)
person.photo.save("photo.jpg", ContentFile({PHOTO!r}), save=True)
"""


def waypoint(var: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run `waypoint ARGS` as its own process with nothing inherited but the PATH."""
    environment = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(var),
        "WAYPOINT_VAR_DIR": str(var),
        "WAYPOINT_BACKUP_PASSPHRASE": PASSPHRASE,
        **env,
    }
    return subprocess.run(
        [sys.executable, "-m", "waypoint", *args],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
        timeout=300,
    )


def succeeded(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr + result.stdout
    return result.stdout


def refused_in_one_line(result: subprocess.CompletedProcess[str], words: str) -> None:
    assert result.returncode == 2, result.stderr + result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert words in lines[0]
    assert "Traceback" not in result.stderr


def destroy(var: Path) -> None:
    for path in var.glob("waypoint.sqlite3*"):
        path.unlink()
    (var / "field_key").unlink()
    (var / "secret_key").unlink()
    (var / "audit_key").unlink()
    shutil.rmtree(var / "private")


def narratives(var: Path) -> list[str]:
    """The incident narratives, opened with the key file as it is on disk."""
    keys = (var / "field_key").read_text().strip().split(",")
    cipher = MultiFernet([Fernet(key.encode()) for key in keys])
    with sqlite3.connect(var / "waypoint.sqlite3") as database:
        tokens = [
            row[0] for row in database.execute("SELECT narrative_token FROM protection_incident")
        ]
    return [cipher.decrypt(token.encode()).decode() for token in tokens]


def sqlite_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as database:
        names = [
            row[0]
            for row in database.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            name: database.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0]  # noqa: S608
            for name in names
        }


@pytest.fixture(scope="module")
def backed_up(tmp_path_factory, django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    """A SQLite Waypoint with personas, a person with a photo and an encrypted incident,
    and its backup. Returns (var directory, backup file, what must come back)."""
    var = tmp_path_factory.mktemp("var")
    database = var / "waypoint.sqlite3"
    if connection.vendor == "sqlite":
        # The test database is migrated already: copying it saves a minute of migrations.
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            cursor.execute("VACUUM INTO %s", [str(database)])
    else:
        succeeded(waypoint(var, "migrate", "--verbosity", "0"))
    succeeded(waypoint(var, "shell", "-c", MAKE_DATA))
    original = {
        "field_key": (var / "field_key").read_text(),
        "secret_key": (var / "secret_key").read_text(),
        "audit_key": (var / "audit_key").read_text(),
        "photos": {
            path.relative_to(var).as_posix(): path.read_bytes()
            for path in (var / "private").rglob("*")
            if path.is_file()
        },
    }
    assert list(original["photos"].values()) == [PHOTO]
    assert narratives(var) == [NARRATIVE]
    output = succeeded(waypoint(var, "backup", str(var.parent)))
    backup = Path(output.split("backup written: ")[1].split(" (")[0])
    assert backup.stat().st_mode & 0o077 == 0
    return var, backup, original


def test_a_destroyed_waypoint_comes_back_whole(backed_up, settings):
    var, backup, original = backed_up
    destroy(var)

    output = succeeded(waypoint(var, "restore", str(backup)))

    assert "audit chain intact:" in output
    # Every one opens: the narrative, and each account's two Digest secrets.
    opened = re.search(r"encrypted fields: (\d+) of (\d+) open with the restored key", output)
    assert opened is not None and opened.group(1) == opened.group(2) != "0"
    assert "row counts: all" in output and "tables equal the manifest" in output
    assert narratives(var) == [NARRATIVE]
    assert (var / "field_key").read_text() == original["field_key"]
    assert (var / "secret_key").read_text() == original["secret_key"]
    assert (var / "audit_key").read_text() == original["audit_key"]
    restored_photos = {
        path.relative_to(var).as_posix(): path.read_bytes()
        for path in (var / "private").rglob("*")
        if path.is_file()
    }
    assert restored_photos == original["photos"]
    settings.VAR_DIR = var.parent  # where reading the manifest unpacks, briefly
    manifest = read_manifest(source=backup, passphrase=PASSPHRASE)
    assert sqlite_counts(var / "waypoint.sqlite3") == manifest["database"]["tables"]
    assert manifest["database"]["tables"]["protection_incident"] == 1
    assert set(manifest["keys"]) == {"keys/field_key", "keys/secret_key", "keys/audit_key"}

    # Restoring again would now overwrite data: refused without --force, in one line.
    refused_in_one_line(waypoint(var, "restore", str(backup)), "already holds data")


def refused_in_process(backup: Path, directory: Path, passphrase: str) -> CommandError:
    """`waypoint restore --force` run in this process, with ``directory`` as var/."""
    (directory / "passphrase").write_text(passphrase + "\n")
    with pytest.raises(CommandError) as refused:
        call_command(
            "restore",
            str(backup),
            passphrase_file=str(directory / "passphrase"),
            force=True,  # even forced, nothing changes
        )
    assert refused.value.returncode == 2
    assert "\n" not in str(refused.value)
    return refused.value


def test_a_wrong_passphrase_is_refused_in_one_line(backed_up, tmp_path, settings):
    _var, backup, _original = backed_up
    settings.VAR_DIR = tmp_path
    refused = refused_in_process(backup, tmp_path, "not the passphrase")
    assert "wrong passphrase" in str(refused)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["passphrase"]


def test_a_flipped_byte_is_refused_before_anything_changes(backed_up, tmp_path, settings):
    _var, backup, _original = backed_up
    altered = bytearray(backup.read_bytes())
    altered[len(altered) // 2] ^= 0x01
    (tmp_path / "altered.backup").write_bytes(bytes(altered))
    settings.VAR_DIR = tmp_path
    refused = refused_in_process(tmp_path / "altered.backup", tmp_path, PASSPHRASE)
    assert "damaged or was altered" in str(refused)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["altered.backup", "passphrase"]


# --- PostgreSQL ------------------------------------------------------------------------
# Runs when the suite itself runs on PostgreSQL (as in .ci/run): the scratch database is
# then a copy of the migrated test database, which saves a minute of migrations.


def psql(command: str) -> subprocess.CompletedProcess[str]:
    server = connection.settings_dict
    environment = {**os.environ, "PGPASSWORD": server["PASSWORD"] or ""}
    target = [f"--host={server['HOST'] or 'localhost'}", f"--port={server['PORT'] or 5432}"]
    if server["USER"]:
        target.append(f"--username={server['USER']}")
    return subprocess.run(
        ["psql", *target, "--no-password", "--dbname=postgres", "-qc", command],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
        timeout=60,
    )


def postgres_tools() -> bool:
    return all(shutil.which(tool) for tool in ("pg_dump", "pg_restore", "psql"))


@pytest.fixture
def scratch_postgres(django_db_blocker):  # type: ignore[no-untyped-def]
    """A new PostgreSQL database copied from the test database; dropped afterwards."""
    server = connection.settings_dict
    name = f"waypoint_drill_{uuid.uuid4().hex[:12]}"
    with django_db_blocker.unblock():
        connections.close_all()  # a template database must have no other session
        created = psql(f'CREATE DATABASE {name} TEMPLATE "{server["NAME"]}"')
    assert created.returncode == 0, created.stderr
    password = f":{quote(server['PASSWORD'], safe='')}" if server["PASSWORD"] else ""
    user = f"{quote(server['USER'] or '', safe='')}{password}@" if server["USER"] else ""
    host = f"{server['HOST'] or 'localhost'}:{server['PORT'] or 5432}"
    yield name, f"postgres://{user}{host}/{name}"
    psql(f"DROP DATABASE IF EXISTS {name}")


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="runs when the suite runs on PostgreSQL (DATABASE_URL=postgres://...)",
)
@pytest.mark.skipif(not postgres_tools(), reason="pg_dump, pg_restore or psql is not installed")
@pytest.mark.django_db(transaction=True)  # no open transaction: the test database is copied
def test_a_destroyed_waypoint_comes_back_whole_on_postgresql(scratch_postgres, tmp_path):
    name, url = scratch_postgres
    var = tmp_path / "var"
    var.mkdir()
    succeeded(waypoint(var, "shell", "-c", MAKE_DATA, DATABASE_URL=url))
    field_key = (var / "field_key").read_text()
    backup = tmp_path / "drill.backup"
    succeeded(waypoint(var, "backup", str(backup), DATABASE_URL=url))

    assert psql(f"DROP DATABASE {name}").returncode == 0
    assert psql(f"CREATE DATABASE {name}").returncode == 0
    (var / "field_key").unlink()
    shutil.rmtree(var / "private")
    output = succeeded(waypoint(var, "restore", str(backup), DATABASE_URL=url))

    assert "audit chain intact:" in output
    # Every one opens: the narrative, and each account's two Digest secrets.
    opened = re.search(r"encrypted fields: (\d+) of (\d+) open with the restored key", output)
    assert opened is not None and opened.group(1) == opened.group(2) != "0"
    assert "row counts: all" in output and "tables equal the manifest" in output
    assert (var / "field_key").read_text() == field_key
    refused_in_one_line(
        waypoint(var, "restore", str(backup), DATABASE_URL=url), "already holds data"
    )
