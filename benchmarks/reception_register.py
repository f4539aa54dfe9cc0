"""How many people per second can be registered and admitted, one at a time.

    uv run python benchmarks/reception_register.py [--postgres] [--people 10000]

Each person goes through the real services, as an officer's form does: ``person_register``
(number, name keys, audit) and then ``stay_admit`` (one-open-stay check, person update,
audit), each in its own transaction, on a temporary SQLite database (WAL, synchronous=FULL,
as Waypoint runs it) and, with ``--postgres``, on a fresh PostgreSQL database at
127.0.0.1:5432 (dropped afterwards). Prints a markdown table with people per second.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from reception_setup import (
    django_ready,
    percentile,
    postgres_database,
    run_worker,
    sqlite_database,
)

GIVEN = ["Muhammad", "Ahmad", "Ali", "Hassan", "Omar", "Yusuf", "Bilal", "Karim", "Rahim"]
FAMILY = ["Rahimi", "Khan", "Hossain", "Ahmadi", "Haidari", "Mirza", "Nazari", "Popal"]


def worker(url: str, people: int, seed: int) -> dict[str, Any]:
    admin = django_ready()
    from django.db import connection
    from django.utils import timezone

    from waypoint.people.services import person_register
    from waypoint.places.models import Site
    from waypoint.reception.services import stay_admit

    rng = random.Random(seed)
    site = Site.objects.get(code="TRC-LIP")
    today = timezone.localdate()
    latencies, admissions = [], []
    started = time.perf_counter()
    for _ in range(people):
        begun = time.perf_counter()
        person = person_register(
            actor=admin,
            site=site,
            given_name=rng.choice(GIVEN),
            family_name=rng.choice(FAMILY),
            sex="M",
            birth_date=today - timedelta(days=rng.randint(18 * 365, 50 * 365)),
            nationality="AFG",
        )
        registered = time.perf_counter()
        stay_admit(actor=admin, person=person, site=site)
        done = time.perf_counter()
        latencies.append((done - begun) * 1000)
        admissions.append((done - registered) * 1000)
    seconds = time.perf_counter() - started
    return {
        "backend": f"SQLite {connection.Database.sqlite_version}"
        if connection.vendor == "sqlite"
        else f"PostgreSQL {connection.pg_version // 10000}",
        "people": people,
        "seconds": seconds,
        "rate": people / seconds,
        "median_ms": percentile(latencies, 0.5),
        "p95_ms": percentile(latencies, 0.95),
        "admit_median_ms": percentile(admissions, 0.5),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", action="store_true", help="also on PostgreSQL")
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--worker", metavar="URL", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.worker:
        print(json.dumps(worker(options.worker, options.people, options.seed)))
        return
    extra = ["--people", str(options.people), "--seed", str(options.seed)]
    databases = [sqlite_database] + ([postgres_database] if options.postgres else [])
    rows = []
    for database in databases:
        with database() as (url, var_dir):
            rows.append(run_worker(str(Path(__file__).resolve()), url, var_dir, extra))
    print(f"Python {platform.python_version()}, {platform.machine()}, {date.today()}\n")
    print(
        "| database | people | seconds | people per second | median per person (ms) "
        "| p95 (ms) | of which stay_admit, median (ms) |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        print(
            f"| {row['backend']} | {row['people']:,} | {row['seconds']:.1f} "
            f"| {row['rate']:.0f} | {row['median_ms']:.1f} | {row['p95_ms']:.1f} "
            f"| {row['admit_median_ms']:.1f} |"
        )


if __name__ == "__main__":
    main()
