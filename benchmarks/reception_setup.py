"""Shared by the reception benchmarks: a throw-away database (SQLite or PostgreSQL), Django set
up against it and migrated, BiH places loaded, and a national administrator to act as.

Each measurement runs in its own child process (Django is configured once per process):
the parent makes the database, runs ``<script> --worker URL``, reads one JSON line back and
drops the database.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

POSTGRES_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"


@contextmanager
def sqlite_database() -> Iterator[tuple[str, Path]]:
    with tempfile.TemporaryDirectory(prefix="waypoint-bench-") as directory:
        path = Path(directory) / "bench.sqlite3"
        yield f"sqlite:///{path}", Path(directory)


@contextmanager
def postgres_database() -> Iterator[tuple[str, Path]]:
    """A fresh database on 127.0.0.1:5432 (user postgres, trust auth), dropped afterwards."""
    import psycopg

    name = f"waypoint_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        with tempfile.TemporaryDirectory(prefix="waypoint-bench-") as directory:
            yield f"postgres://postgres@127.0.0.1:5432/{name}", Path(directory)
    finally:
        with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run_worker(script: str, url: str, var_dir: Path, extra: list[str]) -> dict[str, Any]:
    """Run ``script --worker URL`` in a child process; its last stdout line is JSON."""
    environment = {
        **os.environ,
        "DATABASE_URL": url,
        "WAYPOINT_VAR_DIR": str(var_dir),
        "DJANGO_SETTINGS_MODULE": "waypoint.settings",
        "WAYPOINT_LOG_LEVEL": "WARNING",
    }
    child = subprocess.run(
        [sys.executable, script, "--worker", url, *extra],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    if child.returncode != 0:
        sys.exit(f"{script} worker failed ({child.returncode}):\n{child.stderr[-4000:]}")
    sys.stderr.write(child.stderr)
    return json.loads(child.stdout.strip().splitlines()[-1])


def django_ready() -> Any:
    """Set Django up on DATABASE_URL, migrate, load places; return a national administrator."""
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from waypoint.accounts.models import Assignment, Role, User
    from waypoint.places.services import places_load

    places_load()
    admin = User.objects.create_user("bench-admin@waypoint.test", full_name="Bench Admin")
    Assignment.objects.create(user=admin, role=Role.ADMINISTRATOR)
    return admin


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]
