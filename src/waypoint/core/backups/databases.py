"""Taking the database out and putting it back: SQLite's online backup API, PostgreSQL's
``pg_dump``/``pg_restore``. Each side also counts the rows of every table, so a restore can be
compared with what was backed up.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import connections, transaction

ALIAS = "default"
# Django-only entries of OPTIONS; everything else there is a libpq connection parameter.
_DJANGO_OPTIONS = {
    "assume_role",
    "client_encoding",
    "context",
    "cursor_factory",
    "isolation_level",
    "pool",
    "prepare_threshold",
    "server_side_binding",
}


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why in one line."""


@dataclass(frozen=True)
class DatabaseCopy:
    member: str  # its name inside the backup
    path: Path
    vendor: str
    tables: dict[str, int]


def database_vendor() -> str:
    return str(connections[ALIAS].vendor)


def database_copy(into: Path) -> DatabaseCopy:
    """A consistent copy of the live database in ``into``, with its row counts per table.

    Safe while Waypoint runs: SQLite copies a snapshot through its backup API (writers wait
    only for each step), PostgreSQL dumps the snapshot the counts were taken in.
    """
    vendor = database_vendor()
    if vendor == "sqlite":
        return _sqlite_copy(into)
    if vendor == "postgresql":
        return _postgres_copy(into)
    raise BackupError(f"backups of a {vendor} database are not supported")


def database_holdings() -> dict[str, int]:
    """How many user accounts and audit events the database holds (empty: a fresh database).

    A database that has been used has accounts or audit events; a freshly migrated one, even
    with the places loaded, has neither. (Looked up by name: ``core`` imports no app.)
    """
    if database_vendor() == "sqlite" and not _sqlite_database_exists():
        return {}
    connection = connections[ALIAS]
    with connection.cursor() as cursor:
        present = set(connection.introspection.table_names(cursor))
        held = {}
        for label in (settings.AUTH_USER_MODEL, "audit.AuditEvent"):
            table = apps.get_model(label)._meta.db_table
            if table in present:
                cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608 (a model's table)
                count = cursor.fetchone()[0]
                if count:
                    held[table] = count
    return held


def database_replace(member: Path, *, keep_previous_as: Path | None) -> None:
    """Replace the configured database's contents with the copy at ``member``."""
    connections.close_all()
    if database_vendor() == "sqlite":
        _sqlite_replace(member, keep_previous_as)
    else:
        _postgres_restore(member)
    connections.close_all()


def database_table_counts() -> dict[str, int]:
    """Rows per table in the configured database, counted the way the backup counted them."""
    if database_vendor() == "sqlite":
        with closing(_sqlite_open(_sqlite_path())) as database:
            return _sqlite_counts(database)
    connection = connections[ALIAS]
    with connection.cursor() as cursor:
        return _counts(cursor, connection.introspection.table_names(cursor), connection)


# --- SQLite -----------------------------------------------------------------------------


def _sqlite_in_memory() -> bool:
    name = str(connections[ALIAS].settings_dict["NAME"])
    return name == ":memory:" or "mode=memory" in name


def _sqlite_database_exists() -> bool:
    """Whether there is a database to look into (one held in memory always is)."""
    return _sqlite_in_memory() or _sqlite_path().exists()


def _sqlite_path() -> Path:
    if _sqlite_in_memory():
        raise BackupError("the database is held in memory; there is no file to back up")
    return Path(str(connections[ALIAS].settings_dict["NAME"]))


def _sqlite_open(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    mode = "ro" if read_only else "rw"
    try:
        return sqlite3.connect(f"{path.absolute().as_uri()}?mode={mode}", uri=True, timeout=20)
    except sqlite3.OperationalError as error:
        raise BackupError(f"cannot open the database {path}: {error}") from None


def _sqlite_counts(database: sqlite3.Connection) -> dict[str, int]:
    names = [
        row[0]
        for row in database.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
            "ESCAPE '\\' ORDER BY name"
        )
    ]
    quoted = {name: '"' + name.replace('"', '""') + '"' for name in names}
    return {
        name: database.execute(f"SELECT COUNT(*) FROM {quoted[name]}").fetchone()[0]  # noqa: S608 (names from the schema)
        for name in names
    }


def _sqlite_check(database: sqlite3.Connection, what: str) -> None:
    result = database.execute("PRAGMA integrity_check").fetchone()[0]
    if result != "ok":
        raise BackupError(f"{what} fails SQLite's integrity check: {result}")


def _sqlite_copy(into: Path) -> DatabaseCopy:
    source_path = _sqlite_path()
    if not source_path.exists():
        raise BackupError(f"there is no database at {source_path}")
    copy_path = into / "waypoint.sqlite3"
    with closing(_sqlite_open(source_path)) as source, closing(sqlite3.connect(copy_path)) as copy:
        source.backup(copy)
        # One self-contained file: the copy needs no -wal beside it.
        copy.execute("PRAGMA journal_mode=DELETE")
        _sqlite_check(copy, "the copy of the database")
        tables = _sqlite_counts(copy)
    return DatabaseCopy("database/waypoint.sqlite3", copy_path, "sqlite", tables)


def _sqlite_replace(member: Path, keep_previous_as: Path | None) -> None:
    target = _sqlite_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        # A -wal left behind by a deleted database would be replayed into the new one.
        for suffix in ("-wal", "-shm", "-journal"):
            stale = Path(f"{target}{suffix}")
            if stale.exists():
                stale.unlink()
    with closing(_sqlite_open(member, read_only=True)) as source:
        _sqlite_check(source, "the database in the backup")
        # Through SQLite's backup API, never by copying files over the live ones: it takes
        # the write lock, works with the -wal file and replaces all pages in one transaction.
        with closing(sqlite3.connect(target, timeout=20)) as destination:
            if keep_previous_as is not None:
                with closing(sqlite3.connect(keep_previous_as)) as previous:
                    destination.backup(previous)
            source.backup(destination)
            _sqlite_check(destination, "the restored database")


# --- PostgreSQL ------------------------------------------------------------------------


def _counts(cursor: Any, tables: list[str], connection: Any) -> dict[str, int]:
    counts = {}
    for table in sorted(tables):
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608 (names from the schema)
        counts[table] = cursor.fetchone()[0]
    return counts


def _libpq() -> tuple[str, dict[str, str]]:
    """The connection string for pg_dump/pg_restore, and the environment carrying the password
    (never on the command line, where `ps` would show it)."""
    from psycopg.conninfo import make_conninfo

    settings_dict = connections[ALIAS].settings_dict
    parameters: dict[str, Any] = {
        key: value
        for key, value in (settings_dict.get("OPTIONS") or {}).items()
        if key not in _DJANGO_OPTIONS and isinstance(value, str | int)
    }
    for key, setting in (("dbname", "NAME"), ("user", "USER"), ("host", "HOST"), ("port", "PORT")):
        if settings_dict.get(setting):
            parameters[key] = str(settings_dict[setting])
    environment = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        environment["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    return make_conninfo(**parameters), environment


def _run_postgres_tool(tool: str, arguments: list[str]) -> None:
    executable = shutil.which(tool)
    if executable is None:
        raise BackupError(f"{tool} is not installed (on Debian: apt install postgresql-client)")
    conninfo, environment = _libpq()
    result = subprocess.run(  # noqa: S603 (fixed program, arguments built here)
        [executable, "--no-password", f"--dbname={conninfo}", *arguments],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    if result.returncode != 0:
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        reason = lines[0] if lines else f"exit status {result.returncode}"
        raise BackupError(f"{tool} failed: {reason}")


def _postgres_copy(into: Path) -> DatabaseCopy:
    connection = connections[ALIAS]
    if connection.in_atomic_block:
        raise BackupError("a backup cannot be taken inside a database transaction")
    dump_path = into / "waypoint.pgdump"
    with transaction.atomic(using=ALIAS), connection.cursor() as cursor:
        # The counts and pg_dump read the same snapshot, so they agree however busy the server.
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        tables = _counts(cursor, connection.introspection.table_names(cursor), connection)
        _run_postgres_tool(
            "pg_dump", ["--format=custom", f"--snapshot={snapshot}", f"--file={dump_path}"]
        )
    return DatabaseCopy("database/waypoint.pgdump", dump_path, "postgresql", tables)


def _postgres_restore(member: Path) -> None:
    # One transaction: a restore that fails half-way leaves the database as it was.
    _run_postgres_tool(
        "pg_restore", ["--clean", "--if-exists", "--single-transaction", str(member)]
    )
