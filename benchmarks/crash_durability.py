"""Does every write the client saw acknowledged survive ``kill -9`` of the server and database?

    uv run python benchmarks/crash_durability.py [--rounds 10] [--writers 4] [--only sqlite]

Waypoint is served by gunicorn as docs/deployment.md runs it (``--workers 3 --timeout 60``).
A writer (``--writers`` threads in this process) registers people through the API
(``POST /api/v1/persons/`` with a registration officer's token), each with a unique family
name, and records every registration answered 201 with its id. At a random moment (1 to 5 s
into each round; ``--earliest``, ``--latest``) the server is killed with SIGKILL, and on
PostgreSQL the PostgreSQL server too (postmaster and every backend, in a random order).
Then both are started again (PostgreSQL runs crash recovery), and the benchmark checks,
straight in the database, that every acknowledged registration is there with the name it was
sent with, and runs ``waypoint audit verify`` (the hash chain, its head and its signature).

Backends:

- **SQLite**: a temporary file in WAL mode with ``synchronous=FULL``, as Waypoint runs it.
- **PostgreSQL**: a private PostgreSQL 15 cluster (``initdb`` in a temp dir, its own port,
  run as the ``postgres`` OS user), so the shared server at 5432 is never killed; defaults
  (``synchronous_commit=on``, ``fsync=on``).
- **PostgreSQL, negative control**: the same with ``synchronous_commit=off`` and
  ``wal_writer_delay=10s``: a commit is acknowledged before its WAL leaves PostgreSQL's
  shared memory, so killing every PostgreSQL process can lose it. This shows that the check
  can see a loss.

A process kill leaves the operating system's page cache alone: what was written (not yet
fsynced) survives, so ``fsync=off`` would make no difference here; only a power cut or an OS
crash tests fsync, which this benchmark cannot do. Prints a markdown table; exit status 1
when a write was lost or the audit chain failed on a backend that should not lose any.
"""

from __future__ import annotations

import argparse
import collections
import platform
import random
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import requests
from live_server import (
    Gunicorn,
    PrivateCluster,
    clean_up_on_terminate,
    django_run,
    markdown_table,
    private_cluster,
    waypoint_env,
)

SITE = "TRC-LIP"
# A registration officer at Lipa and a token for them, through Waypoint's services.
_SETUP = """
import json, sys
from waypoint.accounts.models import Role
from waypoint.accounts.services import assignment_add, user_create
from waypoint.accounts.tokens import token_issue
from waypoint.places.models import Site
from waypoint.places.services import places_load
places_load()
officer = user_create(actor=None, email="crash.registrar@waypoint.test", full_name="Crash Test")
assignment_add(actor=None, user=officer, role=Role.REGISTRATION_OFFICER,
               site=Site.objects.get(code=json.loads(sys.argv[1])))
print(json.dumps(token_issue(user=officer, name="crash benchmark", days=1)[1]))
"""


@dataclass
class Outcome:
    backend: str
    rounds: int = 0
    attempted: int = 0
    acknowledged: dict[int, str] = field(default_factory=dict)
    lost: set[int] = field(default_factory=set)
    verify_failures: list[str] = field(default_factory=list)
    kills: list[str] = field(default_factory=list)
    statuses: collections.Counter[str] = field(default_factory=collections.Counter)
    server_errors: collections.Counter[str] = field(default_factory=collections.Counter)


class Writer:
    """Threads that register people until stopped; keeps what was answered 201."""

    def __init__(self, base: str, token: str, threads: int, round_number: int) -> None:
        self.base, self.token, self.round = base, token, round_number
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.acknowledged: dict[int, str] = {}
        self.attempted = 0
        self.statuses: collections.Counter[str] = collections.Counter()
        self.threads = [
            threading.Thread(target=self._write, args=(n,), daemon=True) for n in range(threads)
        ]

    def _write(self, thread: int) -> None:
        session = requests.Session()
        session.headers["Authorization"] = f"Token {self.token}"
        serial = 0
        while not self.stopping.is_set():
            serial += 1
            marker = f"Crash{self.round}x{thread}x{serial}"
            with self.lock:
                self.attempted += 1
            try:
                answer = session.post(
                    f"{self.base}/api/v1/persons/",
                    json={"site": SITE, "given_name": "Durable", "family_name": marker, "sex": "M"},
                    timeout=30,
                )
            except requests.RequestException:
                with self.lock:
                    self.statuses["no answer"] += 1
                time.sleep(0.05)
                continue
            with self.lock:
                self.statuses[str(answer.status_code)] += 1
            if answer.status_code == 201:
                body = answer.json()
                if body.get("family_name") == marker:
                    with self.lock:
                        self.acknowledged[int(body["id"])] = marker

    def __enter__(self) -> Writer:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=60)


def present_sqlite(path: Path, ids: list[int]) -> dict[int, str]:
    with sqlite3.connect(path) as database:
        found: dict[int, str] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found.update(
                database.execute(
                    f"SELECT id, family_name FROM people_person WHERE id IN ({marks})",  # noqa: S608 (only '?')
                    chunk,
                ).fetchall()
            )
    return found


def present_postgres(url: str, ids: list[int]) -> dict[int, str]:
    import psycopg

    with psycopg.connect(url) as database:
        rows = database.execute(
            "SELECT id, family_name FROM people_person WHERE id = ANY(%s)", [ids]
        ).fetchall()
    return dict(rows)


def audit_verify(environment: dict[str, str]) -> tuple[bool, str]:
    done = subprocess.run(
        [sys.executable, "-m", "waypoint", "audit", "verify"],
        env=environment, capture_output=True, text=True, check=False,
    )  # fmt: skip
    return done.returncode == 0, (done.stdout + done.stderr).strip().splitlines()[-1:][0]


@dataclass
class Backend:
    name: str
    url: str
    environment: dict[str, str]
    present: Callable[[list[int]], dict[int, str]]
    cluster: PrivateCluster | None = None
    expect_loss: bool = False


@contextmanager
def sqlite_backend() -> Iterator[Backend]:
    with tempfile.TemporaryDirectory(prefix="waypoint-crash-") as directory:
        path = Path(directory) / "crash.sqlite3"
        url = f"sqlite:///{path}"
        yield Backend(
            f"SQLite {sqlite3.sqlite_version} (WAL, synchronous=FULL)",
            url,
            waypoint_env(url, Path(directory)),
            lambda ids: present_sqlite(path, ids),
        )


@contextmanager
def postgres_backend(settings: dict[str, str], label: str, expect_loss: bool) -> Iterator[Backend]:
    with private_cluster(settings) as cluster, tempfile.TemporaryDirectory() as var_dir:
        yield Backend(
            label,
            cluster.url,
            waypoint_env(cluster.url, Path(var_dir)),
            lambda ids: present_postgres(cluster.url, ids),
            cluster,
            expect_loss,
        )


def run(
    backend: Backend,
    rounds: int,
    writers: int,
    window: tuple[float, float],
    rng: random.Random,
    log: Path,
) -> Outcome:
    outcome = Outcome(backend.name)
    environment = backend.environment
    subprocess.run(
        [sys.executable, "-m", "waypoint", "migrate", "--verbosity", "0"],
        env=environment, check=True,
    )  # fmt: skip
    token = str(django_run(environment, _SETUP, SITE))
    server = Gunicorn(environment, log)
    try:
        server.start()
        for round_number in range(1, rounds + 1):
            with Writer(server.base, token, writers, round_number) as writer:
                time.sleep(rng.uniform(*window))
                victims = ["server"] + (["postgres"] if backend.cluster else [])
                rng.shuffle(victims)
                for victim in victims:
                    if victim == "server":
                        server.stop(sig=9)
                    elif backend.cluster is not None:
                        backend.cluster.kill()
                outcome.kills.append(" then ".join(victims))
            outcome.rounds += 1
            outcome.attempted += writer.attempted
            outcome.statuses.update(writer.statuses)
            outcome.acknowledged.update(writer.acknowledged)
            if backend.cluster is not None:
                backend.cluster.start()
            ids = sorted(outcome.acknowledged)
            found = backend.present(ids)
            outcome.lost |= {i for i in ids if found.get(i) != outcome.acknowledged[i]}
            holds, said = audit_verify(environment)
            if not holds:
                outcome.verify_failures.append(f"round {round_number}: {said}")
            print(
                f"{backend.name}, round {round_number}: killed {outcome.kills[-1]}; "
                f"{len(writer.acknowledged)} acknowledged this round "
                f"(answers: {dict(writer.statuses)}), "
                f"{len(outcome.lost)} lost so far; audit verify: {said}",
                file=sys.stderr,
            )
            server.start()
    finally:
        server.stop(sig=9)
    # Django logs each 500 with its traceback; the last line of it names the exception.
    for block in log.read_text(errors="replace").split("Internal Server Error: ")[1:]:
        traceback = []
        for line in block.splitlines()[1:]:
            if line.startswith(("20", "[")):  # the next line of Django's or gunicorn's log
                break
            if line and not line.startswith((" ", "DETAIL:", "HINT:", "CONTEXT:")):
                traceback.append(line)
        cause = traceback[-1] if traceback else "?"
        outcome.server_errors[cause[:160]] += 1
    return outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--writers", type=int, default=4, help="concurrent writing threads")
    parser.add_argument("--only", choices=["sqlite", "postgres", "control"], action="append")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--earliest", type=float, default=1.0, help="kill at least this many seconds into a round"
    )
    parser.add_argument("--latest", type=float, default=5.0, help="and at most this many")
    options = parser.parse_args()
    clean_up_on_terminate()
    chosen = options.only or ["sqlite", "postgres", "control"]
    backends: list[Callable[[], Any]] = []
    if "sqlite" in chosen:
        backends.append(sqlite_backend)
    if "postgres" in chosen:
        backends.append(
            lambda: postgres_backend(
                {}, "PostgreSQL 15 (synchronous_commit=on, fsync=on)", expect_loss=False
            )
        )
    if "control" in chosen:
        backends.append(
            lambda: postgres_backend(
                {"synchronous_commit": "off", "wal_writer_delay": "10s"},
                "PostgreSQL 15, negative control (synchronous_commit=off, wal_writer_delay=10s)",
                expect_loss=True,
            )
        )
    rng = random.Random(options.seed)
    outcomes: list[tuple[Backend, Outcome]] = []
    with tempfile.TemporaryDirectory(prefix="waypoint-crash-log-") as logs:
        for make in backends:
            with make() as backend:
                outcome = run(
                    backend, options.rounds, options.writers,
                    (options.earliest, options.latest), rng,
                    Path(logs) / f"gunicorn-{len(outcomes)}.log",
                )  # fmt: skip
                outcomes.append((backend, outcome))
    print(f"\nCrash durability, Python {platform.python_version()}, {date.today()}\n")
    print(
        markdown_table(
            ["backend", "rounds (kill -9)", "writes sent", "acknowledged", "lost", "audit verify"],
            [
                [
                    outcome.backend,
                    outcome.rounds,
                    f"{outcome.attempted:,}",
                    f"{len(outcome.acknowledged):,}",
                    f"**{len(outcome.lost)}**",
                    "passed every round"
                    if not outcome.verify_failures
                    else f"failed {len(outcome.verify_failures)} rounds",
                ]
                for _, outcome in outcomes
            ],
        )
    )
    print("\nWhat the writers were answered (a 5xx or no answer is not acknowledged):\n")
    for _, outcome in outcomes:
        answers = ", ".join(f"{k}: {v:,}" for k, v in sorted(outcome.statuses.items()))
        print(f"- {outcome.backend}: {answers}")
        for cause, count in outcome.server_errors.most_common():
            print(f"  - {count} x 500 from the server: {cause}")
    for _, outcome in outcomes:
        for failure in outcome.verify_failures:
            print(f"- {outcome.backend}: {failure}")
    broken = [o for b, o in outcomes if not b.expect_loss and (o.lost or o.verify_failures)]
    controls = [o for b, o in outcomes if b.expect_loss]
    for control in controls:
        if not control.lost:
            print(
                f"\nThe negative control lost no acknowledged write in {control.rounds} rounds "
                "on this machine."
            )
    sys.exit(1 if broken else 0)


if __name__ == "__main__":
    main()
