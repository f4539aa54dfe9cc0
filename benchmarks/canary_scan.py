"""Issue 15's canary scan, the full walk: a distinctive person registered at Lipa is looked
for in everything seven personas out of Lipa's scope can reach.

    uv run python benchmarks/canary_scan.py [--pages 2000] [--postgres]

On a throw-away database (SQLite, or PostgreSQL at 127.0.0.1:5432 with ``--postgres``) the
canary is registered in Latin and Arabic script with a document and a phone, admitted,
screened, given an incident narrative, a referral and a returns case
(``waypoint.core.tests.canary.canary_plant``). Then, as another centre's registration
officer, centre manager, case worker and protection officer, the enumerator, the analyst
and the partner, it walks up to ``--pages`` pages from ``/`` (GET only), every named URL,
every route filled in with the canary's ids and number, every GET form and API filter
with the canary's names, number, document, phone and neighbouring numbers, and every API
GET operation; it decodes HTML, JSON, CSV, XLSX and PDF, and reads every log record and
the audit table. As a control, the same walk as Lipa's registration officer must find the
canary. Prints the figure as a markdown table; exits 1 if any canary string is found.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from reception_setup import postgres_database, sqlite_database


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=2000, help="pages per persona's walk")
    parser.add_argument("--postgres", action="store_true")
    arguments = parser.parse_args()
    database = postgres_database() if arguments.postgres else sqlite_database()
    with database as (url, var_dir):
        os.environ.update(
            DATABASE_URL=url,
            WAYPOINT_VAR_DIR=str(var_dir),
            DJANGO_SETTINGS_MODULE="waypoint.settings",
            WAYPOINT_LOG_LEVEL="WARNING",
        )
        os.environ.setdefault("WAYPOINT_AUDIT_KEY", "benchmark-audit-signing-key")
        return scan(arguments.pages, "PostgreSQL" if arguments.postgres else "SQLite")


def scan(pages: int, engine: str) -> int:
    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    setup_test_environment()
    call_command("migrate", verbosity=0)
    from waypoint.accounts.models import User
    from waypoint.core.tests.canary import (
        CanaryScan,
        canary_plant,
        every_log_record,
        personas_out_of_scope,
        readable,
        scan_as,
    )
    from waypoint.demo.personas import personas_ensure, personas_two_step
    from waypoint.places.services import places_load

    places_load()
    personas_ensure()  # one-time passwords, never shown: the walk uses sessions
    personas_two_step()
    personas = {user.email.split("@")[0]: user for user in User.objects.all()}
    started = time.perf_counter()
    canary = canary_plant(personas)
    outsiders = personas_out_of_scope(personas)
    outside = CanaryScan(canary, page_limit=pages)
    with every_log_record() as records:
        seconds = scan_as(outside, outsiders)
    outside.scan_logs(records)
    outside.scan_audit()
    control = CanaryScan(canary, page_limit=pages)
    scan_as(control, {"registrar.lipa": personas["registrar.lipa"]})
    elapsed = time.perf_counter() - started

    counts = outside.counts
    print(f"Canary scan, {engine}, up to {pages} pages per persona, {elapsed:.0f} s\n")
    print(
        "| personas | pages | API answers | exports (CSV, XLSX) | PDFs | searches "
        "| log lines | audit events | canary hits |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(
        f"| {len(outsiders)} | {counts['pages']} | {counts['API answers']} | "
        f"{counts['exports']} | {counts['PDFs']} | {counts['searches']} | "
        f"{counts['log lines']} | {counts['audit events']} | {len(outside.hits)} |"
    )
    print(f"\nPersonas: {', '.join(outsiders)}; seconds each: {seconds}")
    print(
        f"By design, the national identification search showed the canary's names to "
        f"{sorted({hit.persona for hit in outside.identification_hits})} "
        f"({len(outside.identification_hits)} answers of {IDENTIFY})."
    )
    kinds = sorted({hit.kind for hit in control.hits})
    print(
        f"Control: as registrar.lipa the same walk finds the canary {len(control.hits)} "
        f"times, in {', '.join(kinds)}."
    )
    if outside.hits:
        print("\nCanary found out of scope:\n" + readable(outside.hits, limit=50))
        return 1
    return 0 if control.hits else 1


IDENTIFY = "/people/identify/"

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    sys.exit(main())
