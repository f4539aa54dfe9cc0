"""How long presence figures take for 36 rounds of 250 locations (target: under 2 s).

    uv run python benchmarks/presence_figures.py [--postgres] [--database-url URL]
        [--rounds 36] [--locations 250] [--residents 2000]

Generates a baseline of 250 locations and 36 published monthly rounds
(``presence.services.rounds_generate``) and ``--residents`` people admitted to the
reception centres over those three years, a third of whom have left again. Then measures,
after one warm-up: every round's full report, each round computed once (inside from stays,
outside from observations, by area, nationality, sex and age, and the previous round for
the change), and the DTM API rows for all rounds at admin 2. Prints a markdown table.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from reception_setup import django_ready, postgres_database, run_worker, sqlite_database


def worker(url: str, rounds: int, locations: int, residents: int) -> dict[str, Any]:
    admin = django_ready()
    from django.db import connection
    from django.utils import timezone

    from waypoint.accounts.models import Assignment, Role, User
    from waypoint.people.services import person_register
    from waypoint.places.models import Site
    from waypoint.presence import queries
    from waypoint.presence.services import rounds_generate
    from waypoint.reception.services import stay_admit, stay_exit

    first = date(2023, 1, 31)
    made = rounds_generate(locations=locations, published=rounds, in_review=0, first_snapshot=first)
    rng = random.Random(1)
    centres = list(Site.objects.filter(code__in=["TRC-LIP", "TRC-BOR", "TRC-BLA", "TRC-USI"]))
    span = (made[-1].snapshot_date - first).days
    for index in range(residents):
        centre = rng.choice(centres)
        person = person_register(
            actor=admin,
            site=centre,
            given_name=f"Bench{index}",
            family_name="Benchović",
            sex=rng.choice("MMMMMMF"),
            nationality=rng.choice(["AFG", "PAK", "MAR", "BGD"]),
            birth_date=date(1990, 1, 1) + timedelta(days=rng.randint(0, 9000)),
        )
        admitted = timezone.make_aware(
            datetime.combine(first, datetime.min.time()) + timedelta(days=rng.randint(0, span))
        )
        stay = stay_admit(actor=admin, person=person, site=centre, at=admitted)
        if rng.random() < 0.33:
            stay_exit(
                actor=admin,
                stay=stay,
                reason="onward",
                at=admitted + timedelta(days=rng.randint(1, 60)),
            )
    analyst = User.objects.create_user("bench-analyst@waypoint.test", full_name="Analyst")
    Assignment.objects.create(user=analyst, role=Role.ANALYST)

    def reports() -> int:
        areas = queries.area_infos()
        computed: dict = {}
        return sum(
            queries.round_report(
                analyst, round_, areas=areas, computed=computed
            ).figures.totals.total
            for round_ in made
        )

    reports()  # warm-up: first queries, translations, caches
    started = time.perf_counter()
    total = reports()
    report_seconds = time.perf_counter() - started
    started = time.perf_counter()
    rows = queries.published_dtm_rows(analyst, level="admin2")
    api_seconds = time.perf_counter() - started
    return {
        "backend": f"SQLite {connection.Database.sqlite_version}"
        if connection.vendor == "sqlite"
        else f"PostgreSQL {connection.pg_version // 10000}",
        "rounds": len(made),
        "locations": locations,
        "residents": residents,
        "people_counted": total,
        "report_seconds": report_seconds,
        "api_rows": len(rows),
        "api_seconds": api_seconds,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", action="store_true", help="also on PostgreSQL")
    parser.add_argument("--database-url", help="run only on this (empty) database")
    parser.add_argument("--rounds", type=int, default=36)
    parser.add_argument("--locations", type=int, default=250)
    parser.add_argument("--residents", type=int, default=2000)
    parser.add_argument("--worker", metavar="URL", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.worker:
        print(
            json.dumps(worker(options.worker, options.rounds, options.locations, options.residents))
        )
        return
    extra = [
        "--rounds",
        str(options.rounds),
        "--locations",
        str(options.locations),
        "--residents",
        str(options.residents),
    ]
    script = str(Path(__file__).resolve())
    results = []
    if options.database_url:
        with tempfile.TemporaryDirectory(prefix="waypoint-bench-") as directory:
            results.append(run_worker(script, options.database_url, Path(directory), extra))
    else:
        for database in [sqlite_database] + ([postgres_database] if options.postgres else []):
            with database() as (url, var_dir):
                results.append(run_worker(script, url, var_dir, extra))
    print(f"Python {platform.python_version()}, {platform.machine()}, {date.today()}\n")
    print(
        "| database | rounds × locations | residents | all round reports (s) "
        "| DTM admin-2 rows, all rounds (s) | target < 2 s |"
    )
    print("|---|---:|---:|---:|---:|---|")
    for row in results:
        met = "met" if row["report_seconds"] < 2 else "NOT met"
        print(
            f"| {row['backend']} | {row['rounds']} × {row['locations']} | {row['residents']:,} "
            f"| {row['report_seconds']:.2f} | {row['api_seconds']:.2f} ({row['api_rows']:,} rows) "
            f"| {met} |"
        )


if __name__ == "__main__":
    main()
