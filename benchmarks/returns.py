"""Return cases: generating them, the counsellor's workspace, the managers' figures, and the
public status check with the production PIN hasher.

    uv run python benchmarks/returns.py [--postgres] [--cases 1000]

Registers ``--cases`` residents at the four TRC centres, generates one synthetic case each
(``returns.services.cases_generate``), then times, after one warm-up: the counsellor's
workspace, the three managers' figures, and ``case_status_public`` (right PIN, wrong PIN,
unknown reference) with Django's default password hasher (PBKDF2). Targets: workspace and
figures under 1 s each at 1,000 cases; the status check within 20 % between its three
answers (same work for each).
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

from reception_setup import django_ready, postgres_database, run_worker, sqlite_database


def _timed(call: Any, repeat: int = 3) -> float:
    call()  # warm-up
    started = time.perf_counter()
    for _ in range(repeat):
        call()
    return (time.perf_counter() - started) / repeat


def worker(url: str, cases: int) -> dict[str, Any]:
    admin = django_ready()
    from django.conf import settings
    from django.db import connection

    from waypoint.accounts.models import Assignment, Role, User
    from waypoint.people.services import person_register
    from waypoint.places.models import Site
    from waypoint.returns import queries
    from waypoint.returns.services import application_submit, cases_generate
    from waypoint.returns.services.intake import PortalApplication

    # Outside pytest the settings keep Django's default hashers (PBKDF2 first).
    assert "PBKDF2" in settings.PASSWORD_HASHERS[0]
    rng = random.Random(1)
    centres = list(Site.objects.filter(code__in=["TRC-LIP", "TRC-BOR", "TRC-BLA", "TRC-USI"]))
    for index in range(cases):
        person_register(
            actor=admin,
            site=rng.choice(centres),
            given_name=f"Bench{index}",
            family_name="Benchović",
            nationality=rng.choice(["AFG", "PAK", "MAR", "BGD"]),
            birth_date=date(1990, 1, 1) + timedelta(days=rng.randint(0, 9000)),
        )
    counsellor = User.objects.create_user("bench-counsellor@waypoint.test", full_name="C")
    Assignment.objects.create(user=counsellor, role=Role.AVRR_COUNSELLOR)
    started = time.perf_counter()
    made = cases_generate(count=cases, seed=1, actor=counsellor)
    generate_seconds = time.perf_counter() - started
    from waypoint.returns.models import Case

    Case.objects.filter(pk__in=[case.pk for case in made[::2]]).update(counsellor=counsellor)

    def workspace() -> None:
        space = queries.workspace(counsellor)
        for name in ("unassigned", "overdue", "departures", "appointments"):
            list(space[name])

    def figures() -> None:
        queries.returns_by_month(counsellor)
        queries.median_days_to_departure(counsellor)
        queries.withdrawals_by_reason(counsellor)

    receipt = application_submit(
        application=PortalApplication(
            given_name="Reza",
            family_name="Ahmadi",
            nationality="AFG",
            return_country="AFG",
            return_city="Herat",
            contact="",
            staying_at="outside",
            staying_place="Bihać",
            family_members=(),
            preferred_language="fa",
            special_needs="",
            consent_privacy_notice="2026-11",
            language="fa",
        )
    )
    wrong = "000000" if receipt.pin != "000000" else "111111"
    return {
        "backend": f"SQLite {connection.Database.sqlite_version}"
        if connection.vendor == "sqlite"
        else f"PostgreSQL {connection.pg_version // 10000}",
        "cases": len(made),
        "generate_per_second": len(made) / generate_seconds,
        "workspace_seconds": _timed(workspace),
        "figures_seconds": _timed(figures),
        "status_right_seconds": _timed(
            lambda: queries.case_status_public(reference=receipt.reference, pin=receipt.pin)
        ),
        "status_unknown_seconds": _timed(
            lambda: queries.case_status_public(reference="R-2222-2222", pin=receipt.pin)
        ),
        # Two wrong PINs only, so the reference does not lock during the measurement.
        "status_wrong_seconds": _timed(
            lambda: queries.case_status_public(reference=receipt.reference, pin=wrong), repeat=1
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", action="store_true", help="also on PostgreSQL")
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--worker", metavar="URL", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.worker:
        print(json.dumps(worker(options.worker, options.cases)))
        return
    script = str(Path(__file__).resolve())
    results = []
    for database in [sqlite_database] + ([postgres_database] if options.postgres else []):
        with database() as (url, var_dir):
            results.append(run_worker(script, url, var_dir, ["--cases", str(options.cases)]))
    print(f"Python {platform.python_version()}, {platform.machine()}, {date.today()}\n")
    print(
        "| database | cases | generated/s | workspace (s) | figures (s) "
        "| status: right / wrong / unknown PIN (s) |"
    )
    print("|---|---:|---:|---:|---:|---|")
    for row in results:
        print(
            f"| {row['backend']} | {row['cases']} | {row['generate_per_second']:.1f} "
            f"| {row['workspace_seconds']:.3f} | {row['figures_seconds']:.3f} "
            f"| {row['status_right_seconds']:.3f} / {row['status_wrong_seconds']:.3f} / "
            f"{row['status_unknown_seconds']:.3f} |"
        )


if __name__ == "__main__":
    main()
