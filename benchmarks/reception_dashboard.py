"""How fast the centre dashboard answers at a million historical stays.

    uv run python benchmarks/reception_dashboard.py [--postgres] [--stays 1000000]

Builds, with ``bulk_create``, one centre (Lipa) with 1,500 residents in 1,500 beds and
``--stays`` closed stays over five years (about four per person), on a temporary SQLite
database and, with ``--postgres``, on a fresh PostgreSQL database at 127.0.0.1:5432 (user
postgres, trust authentication; dropped afterwards). Then times ``centre_dashboard`` 20
times and ``occupancy_by_day`` over 30 days 20 times, and prints a markdown table: median
and 95th percentile in milliseconds, queries per call. Target: dashboard under 300 ms.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import sys
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

RESIDENTS = 1_500
NATIONALITIES = ["AFG", "PAK", "BGD", "IRN", "MAR", "IRQ", "SYR", "IND", "NPL", "TUR", ""]


def _people(site: Any, count: int, first_serial: int, today: date, rng: random.Random) -> None:
    from waypoint.people.identifiers import registration_number
    from waypoint.people.models import Person

    batch = []
    for serial in range(first_serial, first_serial + count):
        age_days = rng.randint(0, 70 * 365)
        batch.append(
            Person(
                serial=serial,
                registration_number=registration_number("LIP", serial),
                given_name=f"Given{serial}",
                family_name=f"Family{serial % 997}",
                sex="M" if rng.random() < 0.85 else "F",
                birth_date=None if rng.random() < 0.05 else today - timedelta(days=age_days),
                nationality=rng.choice(NATIONALITIES),
                unaccompanied=age_days < 18 * 365 and rng.random() < 0.3,
                registered_at=site,
                registered_on=today - timedelta(days=rng.randint(0, 5 * 365)),
                last_seen_at=site,
                last_seen_on=today,
                is_synthetic=True,
            )
        )
        if len(batch) == 10_000:
            Person.objects.bulk_create(batch)
            batch = []
    Person.objects.bulk_create(batch)


def build(stays: int, seed: int) -> tuple[Any, float]:
    """The centre, and how long building it took in seconds."""
    from django.db import connection, transaction
    from django.utils import timezone

    from waypoint.people.models import Person
    from waypoint.places.models import Site
    from waypoint.reception.models import (
        RESERVED_EXIT_REASONS,
        AccommodationUnit,
        Bed,
        ExitReason,
        Stay,
    )

    started = time.perf_counter()
    rng = random.Random(seed)
    site = Site.objects.get(code="TRC-LIP")
    now = timezone.now()
    today = timezone.localdate(now)
    historical_people = max(stays // 4, 1)
    reasons = [reason for reason in ExitReason.values if reason not in RESERVED_EXIT_REASONS]
    reasons += [ExitReason.TRANSFER, ExitReason.LEFT_WITHOUT_NOTICE]
    with transaction.atomic():
        _people(site, historical_people + RESIDENTS, 1, today, rng)
        ids = list(Person.objects.order_by("serial").values_list("pk", flat=True))
        history_ids, resident_ids = ids[:historical_people], ids[historical_people:]
        units = AccommodationUnit.objects.bulk_create(
            [
                AccommodationUnit(
                    site=site, name=f"C{number:02d}", kind="container", profile="single_men"
                )
                for number in range(1, 51)
            ]
        )
        Bed.objects.bulk_create(
            [Bed(unit=unit, label=str(label)) for unit in units for label in range(1, 31)]
        )
        beds = list(Bed.objects.filter(unit__site=site).values_list("pk", flat=True))
        batch: list[Stay] = []
        for index in range(stays):
            admitted = now - timedelta(minutes=rng.randint(10 * 24 * 60, 5 * 365 * 24 * 60))
            exited = min(
                admitted + timedelta(minutes=rng.randint(60, 60 * 24 * 60)),
                now - timedelta(minutes=1),
            )
            batch.append(
                Stay(
                    person_id=history_ids[index % historical_people],
                    site=site,
                    admitted_at=admitted,
                    last_seen_at=exited,
                    exited_at=exited,
                    exit_reason=rng.choice(reasons),
                )
            )
            if len(batch) == 10_000:
                Stay.objects.bulk_create(batch)
                batch = []
        for person_id, bed_id in zip(resident_ids, beds, strict=False):
            admitted = now - timedelta(minutes=rng.randint(60, 90 * 24 * 60))
            seen = max(admitted, now - timedelta(minutes=rng.randint(0, 4 * 24 * 60)))
            batch.append(
                Stay(
                    person_id=person_id,
                    site=site,
                    bed_id=bed_id,
                    admitted_at=admitted,
                    last_seen_at=seen,
                )
            )
        Stay.objects.bulk_create(batch)
    if connection.vendor == "postgresql":
        # What autovacuum does soon after a bulk insert (PostgreSQL 13+ vacuums on inserts):
        # statistics, and the visibility map that lets index-only scans skip the table.
        # SQLite gets no statistics, as Waypoint never runs ANALYZE on it.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    return site, time.perf_counter() - started


def measure(call: Any, runs: int) -> tuple[list[float], int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings = []
    with CaptureQueriesContext(connection) as captured:
        call()
    queries = len(captured.captured_queries)
    for _ in range(runs):
        started = time.perf_counter()
        call()
        timings.append((time.perf_counter() - started) * 1000)
    return timings, queries


def worker(url: str, stays: int, runs: int, seed: int) -> dict[str, Any]:
    admin = django_ready()
    from django.db import connection
    from django.utils import timezone

    from waypoint.reception.queries import centre_dashboard, occupancy_by_day

    site, build_seconds = build(stays, seed)
    board_times, board_queries = measure(lambda: centre_dashboard(admin, site), runs)
    today = timezone.localdate()
    occupancy_times, occupancy_queries = measure(
        lambda: occupancy_by_day(admin, site, today - timedelta(days=29), today), runs
    )
    board = centre_dashboard(admin, site)
    return {
        "backend": f"SQLite {connection.Database.sqlite_version}"
        if connection.vendor == "sqlite"
        else f"PostgreSQL {connection.pg_version // 10000}",
        "stays": stays + board.residents,
        "residents": board.residents,
        "build_s": build_seconds,
        "dashboard_median": percentile(board_times, 0.5),
        "dashboard_p95": percentile(board_times, 0.95),
        "dashboard_queries": board_queries,
        "occupancy_median": percentile(occupancy_times, 0.5),
        "occupancy_p95": percentile(occupancy_times, 0.95),
        "occupancy_queries": occupancy_queries,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", action="store_true", help="also on PostgreSQL")
    parser.add_argument("--stays", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--worker", metavar="URL", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.worker:
        print(json.dumps(worker(options.worker, options.stays, options.runs, options.seed)))
        return
    extra = [
        "--stays",
        str(options.stays),
        "--runs",
        str(options.runs),
        "--seed",
        str(options.seed),
    ]
    databases = [sqlite_database] + ([postgres_database] if options.postgres else [])
    rows = []
    for database in databases:
        with database() as (url, var_dir):
            rows.append(run_worker(str(Path(__file__).resolve()), url, var_dir, extra))
    print(
        f"Python {platform.python_version()}, {platform.machine()}, "
        f"{options.runs} runs after one warm-up\n"
    )
    print(
        "| database | stays | residents | build (s) | dashboard median (ms) | p95 (ms) "
        "| queries | occupancy 30 days median (ms) | p95 (ms) | queries |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        print(
            f"| {row['backend']} | {row['stays']:,} | {row['residents']:,} "
            f"| {row['build_s']:.0f} | {row['dashboard_median']:.1f} "
            f"| {row['dashboard_p95']:.1f} | {row['dashboard_queries']} "
            f"| {row['occupancy_median']:.1f} | {row['occupancy_p95']:.1f} "
            f"| {row['occupancy_queries']} |"
        )
    slow = [row for row in rows if row["dashboard_p95"] >= 300]
    if slow:
        sys.exit("dashboard p95 over the 300 ms target")


if __name__ == "__main__":
    main()
