"""Schemathesis over the whole /api/v1/ schema, as each kind of user, against a live server.

    uv run python benchmarks/api_fuzz.py [--database postgres|sqlite] [--requests 50000]

Builds a fresh database (PostgreSQL: a new database on 127.0.0.1:5432, user postgres, trust
authentication, dropped afterwards; or a temporary SQLite file), loads the demo
(``waypoint demo --people 300``), issues an API token (``accounts.tokens.token_issue``) for
nine demo personas and serves Waypoint with gunicorn as docs/deployment.md runs it
(``--workers 3 --timeout 60``, no DEBUG). Then runs ``schemathesis run`` (all phases:
coverage, fuzzing, stateful; positive and negative data; check ``not_a_server_error``) over
``/api/v1/schema/`` once per persona and once without a token, with a new seed each round,
until at least ``--requests`` requests have been sent. Requests and status codes are counted
from Schemathesis' own NDJSON report of every request it made.

Two limits are raised for the run, through the environment, because every request comes from
127.0.0.1: ``WAYPOINT_TOKEN_RATE`` (token requests per address, 10/minute) and
``WAYPOINT_ADDRESS_FAILURE_LIMIT`` (failed sign-ins per address, 50). Otherwise the fuzzer
would meet 429 on ``/api/v1/auth/token/`` after a few requests and never reach the code
behind it.

Prints a markdown table (requests per persona, server errors, time) and, for every 5xx,
its method, path, query and body with the server's traceback. Exit status 1 when any
request answered 5xx (or could not be answered at all).
"""

from __future__ import annotations

import argparse
import collections
import json
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from live_server import (
    Gunicorn,
    clean_up_on_terminate,
    demo_load,
    markdown_table,
    postgres_database,
    sqlite_database,
    tokens_issue,
    waypoint_env,
)

PERSONAS = [
    ("registrar.lipa@waypoint.test", "registration officer (Lipa)"),
    ("admin@waypoint.test", "administrator"),
    ("manager.lipa@waypoint.test", "centre manager (Lipa)"),
    ("caseworker.lipa@waypoint.test", "case worker (Lipa)"),
    ("protection.borici@waypoint.test", "protection officer (Borići)"),
    ("counsellor@waypoint.test", "AVRR counsellor"),
    ("enumerator@waypoint.test", "enumerator (area)"),
    ("analyst@waypoint.test", "analyst"),
    ("partner@waypoint.test", "partner viewer"),
    ("", "no token (anonymous)"),
]
RAISED_LIMITS = {
    "WAYPOINT_TOKEN_RATE": "1000000/minute",
    "WAYPOINT_ADDRESS_FAILURE_LIMIT": "1000000",
}


@dataclass
class Tally:
    runs: int = 0
    requests: int = 0
    seconds: float = 0.0
    statuses: collections.Counter[str] = field(default_factory=collections.Counter)
    server_errors: list[dict[str, Any]] = field(default_factory=list)
    unanswered: int = 0


def read_report(path: Path, tally: Tally) -> None:
    """Count every request in a Schemathesis NDJSON report; keep the ones that got 5xx."""
    with path.open() as report:
        for line in report:
            event = json.loads(line)
            finished = event.get("ScenarioFinished")
            if not finished:
                continue
            recorder = finished["recorder"]
            cases = recorder.get("cases", {})
            for case_id, interaction in recorder.get("interactions", {}).items():
                tally.requests += 1
                response = interaction.get("response")
                if response is None:
                    tally.unanswered += 1
                    tally.statuses["no answer"] += 1
                    continue
                status = int(response["status_code"])
                tally.statuses[f"{status // 100}xx"] += 1
                if status >= 500:
                    case = cases.get(case_id, {}).get("value", {})
                    tally.server_errors.append(
                        {
                            "status": status,
                            "method": interaction["request"]["method"],
                            "uri": interaction["request"]["uri"],
                            "path": case.get("path"),
                            "query": case.get("query"),
                            "body": case.get("body"),
                            "request_id": (response.get("headers", {}).get("x-request-id") or [""])[
                                0
                            ],
                        }
                    )


def schemathesis_run(
    base: str, token: str, examples: int, seed: int, workers: int, report: Path, log: Path
) -> float:
    command = [
        str(Path(sys.executable).parent / "schemathesis"), "run", f"{base}/api/v1/schema/",
        "--checks", "not_a_server_error", "--max-examples", str(examples),
        "--seed", str(seed), "--workers", str(workers), "--request-timeout", "70",
        "--suppress-health-check", "all", "--no-color", "--warnings", "off",
        "--generation-database", "none",
        "--report", "ndjson", "--report-ndjson-path", str(report),
    ]  # fmt: skip
    if token:
        command += ["--header", f"Authorization: Token {token}"]
    started = time.perf_counter()
    with log.open("a") as output:
        subprocess.run(
            command, stdout=output, stderr=subprocess.STDOUT, check=False, cwd=log.parent
        )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["postgres", "sqlite"], default="postgres")
    parser.add_argument("--requests", type=int, default=50_000, help="at least this many in all")
    parser.add_argument("--examples", type=int, default=50, help="per operation and run")
    parser.add_argument("--people", type=int, default=300, help="demo population")
    parser.add_argument("--workers", type=int, default=3, help="Schemathesis' concurrent workers")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--minutes",
        type=float,
        help="start no new Schemathesis run after this many minutes of fuzzing (a time budget "
        "for busy machines; the table then says the target was not reached)",
    )
    options = parser.parse_args()
    clean_up_on_terminate()

    database = postgres_database if options.database == "postgres" else sqlite_database
    tallies = {label: Tally() for _, label in PERSONAS}
    started = time.perf_counter()
    out_of_time = False
    with database() as (url, var_dir), tempfile.TemporaryDirectory(prefix="fuzz-") as work:
        environment = waypoint_env(url, var_dir, **RAISED_LIMITS)
        print(
            f"loading the demo ({options.people} people) on {options.database} ...", file=sys.stderr
        )
        demo_load(environment, options.people, options.seed)
        tokens = tokens_issue(environment, [email for email, _ in PERSONAS if email])
        server_log = Path(work) / "gunicorn.log"
        with Gunicorn(environment, server_log) as server:
            total, round_number = 0, 0
            fuzzing_began = time.monotonic()
            while total < options.requests and not out_of_time:
                round_number += 1
                for email, label in PERSONAS:
                    if options.minutes and time.monotonic() - fuzzing_began > options.minutes * 60:
                        out_of_time = True
                        break
                    report = Path(work) / f"r{round_number}-{email or 'anonymous'}.ndjson"
                    tally = tallies[label]
                    tally.seconds += schemathesis_run(
                        server.base, tokens.get(email, ""), options.examples,
                        options.seed * 1000 + round_number, options.workers,
                        report, Path(work) / "schemathesis.log",
                    )  # fmt: skip
                    tally.runs += 1
                    before = tally.requests
                    if report.exists():
                        read_report(report, tally)
                        report.unlink()
                    total += tally.requests - before
                    server_errors = sum(len(t.server_errors) for t in tallies.values())
                    print(
                        f"round {round_number}, {label}: {tally.requests - before:,} requests "
                        f"({total:,} in all, {server_errors} answered 5xx)",
                        file=sys.stderr,
                    )
                    if total >= options.requests:
                        break
        log_text = server_log.read_text(errors="replace")
    seconds = time.perf_counter() - started

    print(
        f"\nWaypoint API fuzzing, {options.database}, "
        f"Python {platform.python_version()}, {date.today()}\n"
    )
    rows = []
    for _email, label in PERSONAS:
        tally = tallies[label]
        rows.append(
            [label, tally.runs, f"{tally.requests:,}", f"{tally.statuses['2xx']:,}",
             f"{tally.statuses['4xx']:,}", tally.statuses["5xx"], tally.unanswered,
             f"{tally.seconds:.0f}"]
        )  # fmt: skip
    everything = sum(t.requests for t in tallies.values())
    errors = [error for t in tallies.values() for error in t.server_errors]
    unanswered = sum(t.unanswered for t in tallies.values())
    rows.append(
        ["**all**", sum(t.runs for t in tallies.values()), f"**{everything:,}**",
         f"{sum(t.statuses['2xx'] for t in tallies.values()):,}",
         f"{sum(t.statuses['4xx'] for t in tallies.values()):,}",
         f"**{len(errors)}**", unanswered, f"{seconds:.0f} (wall, with setup)"]
    )  # fmt: skip
    print(
        markdown_table(
            ["persona", "runs", "requests", "2xx", "4xx", "5xx", "no answer", "seconds"], rows
        )
    )
    if out_of_time:
        print(
            f"\nStopped by the time budget (--minutes {options.minutes:g}) at {everything:,} "
            f"requests, short of the {options.requests:,} asked for."
        )
    if errors:
        print(f"\n{len(errors)} server errors:\n")
        for error in errors[:50]:
            print(
                f"- {error['status']} {error['method']} {error['path']} query={error['query']!r} "
                f"body={json.dumps(error['body'])[:300]}"
            )
        # Django logs each 500 with its traceback; one of each kind.
        seen: set[str] = set()
        for block in log_text.split("Internal Server Error: ")[1:]:
            lines = [line for line in block.splitlines() if line.strip()]
            last = next((line for line in reversed(lines) if not line.startswith(" ")), "")
            if last not in seen:
                seen.add(last)
                print("\n```\nInternal Server Error: " + "\n".join(lines[:60]) + "\n```")
    sys.exit(1 if errors or unanswered else 0)


if __name__ == "__main__":
    main()
