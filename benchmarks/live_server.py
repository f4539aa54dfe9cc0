"""Shared by the live-server benchmarks (api_fuzz, crash_durability, load): Waypoint served by
gunicorn exactly as docs/deployment.md runs it (``--workers 3 --timeout 60``), on a throw-away
database, with demo data and API tokens made through Waypoint's own services.

Gunicorn, the production server of docs/deployment.md, is a development dependency (pinned in
uv.lock), so these benchmarks need nothing from the internet.
Every process started here is started in its own process group and killed with it.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any

import requests

POSTGRES_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"
POSTGRES_BIN = Path("/usr/lib/postgresql/15/bin")
# docs/deployment.md, "Running the application": the production server's settings.
GUNICORN_SETTINGS = ["--workers", "3", "--timeout", "60"]
DEMO_PASSWORD = "Bench-Password-2026!"  # noqa: S105 (throw-away demo accounts)


def clean_up_on_terminate() -> None:
    """Turn SIGTERM (and SIGHUP) into SystemExit, so that ``with`` blocks still stop servers,
    drop databases and remove temporary directories when the benchmark is stopped."""

    def leave(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, leave)
    signal.signal(signal.SIGHUP, leave)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def gunicorn_command() -> tuple[list[str], dict[str, str]]:
    """How to start gunicorn with the project's Python: the command, and extra environment."""
    try:
        import gunicorn  # noqa: F401
    except ImportError:
        sys.exit("gunicorn is missing: run `uv sync --all-groups` (it is a dev dependency)")
    return [sys.executable, "-m", "gunicorn"], {}


def waypoint_env(url: str, var_dir: Path, **extra: str) -> dict[str, str]:
    """The environment of a production-like Waypoint on ``url`` (no DEBUG, no test settings)."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("WAYPOINT_", "DJANGO_")) and key != "DATABASE_URL"
    }
    environment.update(
        DATABASE_URL=url,
        WAYPOINT_VAR_DIR=str(var_dir),
        DJANGO_SETTINGS_MODULE="waypoint.settings",
        WAYPOINT_LOG_LEVEL="WARNING",
        **extra,
    )
    return environment


def waypoint(environment: dict[str, str], *args: str, timeout: float = 3600) -> str:
    """Run a ``waypoint`` command; its stdout, or exit with its stderr when it fails."""
    done = subprocess.run(
        [sys.executable, "-m", "waypoint", *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"waypoint {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def demo_load(environment: dict[str, str], people: int, seed: int = 1) -> None:
    waypoint(environment, "migrate", "--verbosity", "0")
    waypoint(
        environment,
        "demo", "--people", str(people), "--seed", str(seed), "--reset",
        "--password", DEMO_PASSWORD,
    )  # fmt: skip


def django_run(environment: dict[str, str], code: str, payload: Any) -> Any:
    """Run ``code`` in a Django process on ``environment``'s database: it reads ``payload``
    from ``sys.argv[1]`` (JSON) and prints one JSON line, returned here."""
    done = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + code, json.dumps(payload)],
        env=environment, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"a Django step failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# ``token_issue`` is the service behind /accounts/tokens/ and the token API. Called directly
# because the token API asks the roles that need two-step sign-in for a current code.
_TOKENS = """
import json, sys
from waypoint.accounts.models import User
from waypoint.accounts.tokens import token_issue
print(json.dumps({e: token_issue(user=User.objects.get(email=e), name="benchmark", days=1)[1]
                  for e in json.loads(sys.argv[1])}))
"""


def tokens_issue(environment: dict[str, str], emails: list[str]) -> dict[str, str]:
    return dict(django_run(environment, _TOKENS, emails))


def kill_group(process: subprocess.Popen[Any], sig: int = signal.SIGKILL) -> None:
    """Signal ``process`` and everything it started (it leads its own process group)."""
    with suppress(ProcessLookupError):
        os.killpg(process.pid, sig)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


class Gunicorn:
    """``gunicorn waypoint.wsgi:application`` with the production settings, on a free port."""

    def __init__(self, environment: dict[str, str], log: Path, port: int | None = None) -> None:
        self.environment = environment
        self.port = port or free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = log
        self.process: subprocess.Popen[bytes] | None = None
        self._log_file: IO[bytes] | None = None

    def start(self, wait: float = 90) -> None:
        self._log_file = self.log.open("ab")
        command, extra = gunicorn_command()
        self.process = subprocess.Popen(
            [*command, "waypoint.wsgi:application",
             "--bind", f"127.0.0.1:{self.port}", *GUNICORN_SETTINGS],
            env={**self.environment, **extra}, stdout=self._log_file, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited:\n{self.log.read_text()[-3000:]}")
            try:
                if requests.get(f"{self.base}/healthz", timeout=2).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer /healthz in {wait} s")

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.process is not None:
            kill_group(self.process, sig)
            self.process = None
        if self._log_file is not None:
            self._log_file.close()
            self._log_file = None

    def __enter__(self) -> Gunicorn:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


@contextmanager
def sqlite_database() -> Iterator[tuple[str, Path]]:
    """A temporary SQLite database (WAL, synchronous=FULL, as Waypoint runs it) and var dir."""
    with tempfile.TemporaryDirectory(prefix="waypoint-bench-") as directory:
        yield f"sqlite:///{Path(directory) / 'bench.sqlite3'}", Path(directory)


@contextmanager
def postgres_database() -> Iterator[tuple[str, Path]]:
    """A fresh database on the shared server at 127.0.0.1:5432, dropped afterwards."""
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


class PrivateCluster:
    """A PostgreSQL 15 cluster of our own in a temp dir, on its own port, run as the
    ``postgres`` OS user; it may be killed with ``kill -9`` without touching the shared one."""

    def __init__(self, directory: Path, settings: dict[str, str]) -> None:
        self.data = directory / "pgdata"
        self.socket_dir = directory
        self.port = free_port()
        self.settings = settings
        self.process: subprocess.Popen[bytes] | None = None
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/waypoint"

    def _as_postgres(self) -> dict[str, Any]:
        """Run as the ``postgres`` OS user when we are root (PostgreSQL refuses root), as our
        own child so that we reap it: a zombie postmaster would block the restart."""
        if os.geteuid() != 0:
            return {}
        return {"user": "postgres", "group": "postgres", "extra_groups": []}

    def init(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.socket_dir, "postgres", "postgres")
        subprocess.run(
            [str(POSTGRES_BIN / "initdb"), "-D", str(self.data),
             "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-instructions"],
            check=True, capture_output=True, cwd=self.socket_dir, **self._as_postgres(),
        )  # fmt: skip
        self.start()
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as admin:
            admin.execute("CREATE DATABASE waypoint")

    @property
    def admin_url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def start(self) -> None:
        options = [
            item for key, value in self.settings.items() for item in ("-c", f"{key}={value}")
        ]
        log = (self.socket_dir / "postgres.log").open("ab")
        self.process = subprocess.Popen(
            [str(POSTGRES_BIN / "postgres"), "-D", str(self.data),
             "-p", str(self.port), "-k", str(self.socket_dir),
             "-c", "listen_addresses=127.0.0.1", *options],
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True, cwd=self.socket_dir,
            **self._as_postgres(),
        )  # fmt: skip
        log.close()
        import psycopg

        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                tail = (self.socket_dir / "postgres.log").read_text()[-2000:]
                raise RuntimeError(f"postgres exited:\n{tail}")
            try:
                psycopg.connect(self.admin_url, connect_timeout=2).close()
                return
            except psycopg.OperationalError:
                time.sleep(0.2)
        raise RuntimeError("postgres did not start in 120 s")

    def kill(self) -> None:
        """``kill -9`` the postmaster and every backend (its whole process group)."""
        if self.process is not None:
            kill_group(self.process, signal.SIGKILL)
            self.process = None

    def stop(self) -> None:
        if self.process is not None:
            kill_group(self.process, signal.SIGTERM)
            self.process = None


@contextmanager
def private_cluster(settings: dict[str, str] | None = None) -> Iterator[PrivateCluster]:
    with tempfile.TemporaryDirectory(prefix="waypoint-pg-") as directory:
        cluster = PrivateCluster(Path(directory), settings or {})
        try:
            cluster.init()
            yield cluster
        finally:
            cluster.stop()


def markdown_table(header: list[str], rows: list[list[Any]], right_from: int = 1) -> str:
    lines = ["| " + " | ".join(header) + " |"]
    lines.append(
        "|" + "|".join("---" if i < right_from else "---:" for i in range(len(header))) + "|"
    )
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)
