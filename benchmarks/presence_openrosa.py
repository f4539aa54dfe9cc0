"""How many OpenRosa submissions per second Waypoint ingests, as phones send them.

    uv run python benchmarks/presence_openrosa.py [--postgres] [--database-url URL]
        [--submissions 10000]

Each submission is a multipart POST to ``/openrosa/submission`` with HTTP Basic
credentials, through Django's full request stack (middleware, authentication, parsing,
validation, one transaction): four in five are location assessments across a baseline of
250 locations, one in five flow monitoring counts, every tenth with a small photo. Runs on a
temporary SQLite database, with ``--postgres`` also on a fresh PostgreSQL database at
127.0.0.1:5432 (dropped afterwards), or with ``--database-url`` on a given empty database.
Prints a markdown table.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import tempfile
import time
import uuid
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from reception_setup import (
    django_ready,
    percentile,
    postgres_database,
    run_worker,
    sqlite_database,
)

PASSWORD = "bench-enumerator-passphrase"  # noqa: S105 (a throw-away account)


def _assessment(rng: random.Random, location: str, instance_id: str) -> bytes:
    men = rng.randint(0, 80)
    women, boys, girls = rng.randint(0, 4), rng.randint(0, 5), rng.randint(0, 2)
    total = men + women + boys + girls
    return (
        '<?xml version="1.0"?><data xmlns:jr="http://openrosa.org/javarosa" '
        'id="presence_location" version="2026112501">'
        f"<round_number>1</round_number><location_code>{location}</location_code>"
        "<observed_on>2026-10-30</observed_on><team>T01</team>"
        f"<migrants_observed>{total}</migrants_observed><not_in_trc>{total // 2}</not_in_trc>"
        f"<adult_men>{men}</adult_men><adult_women>{women}</adult_women>"
        f"<boys>{boys}</boys><girls>{girls}</girls><unaccompanied_children>0"
        "</unaccompanied_children><nationalities>"
        f"<nationality_AFG>{total // 2}</nationality_AFG><nationality_PAK>{total // 4}"
        "</nationality_PAK></nationalities><needs>food shelter</needs><access_notes/>"
        "<weather_notes/><photo>site.jpg</photo>"
        f"<meta><instanceID>uuid:{instance_id}</instanceID></meta></data>"
    ).encode()


def _count(rng: random.Random, instance_id: str) -> bytes:
    return (
        '<?xml version="1.0"?><data id="presence_flow_count" version="2026112501">'
        "<point_code>FMP-BIH</point_code><counted_at>2026-10-30T08:15:00.000+01:00</counted_at>"
        f"<men>{rng.randint(1, 9)}</men><women>0</women><boys>{rng.randint(0, 2)}</boys>"
        "<girls>0</girls><nationality>AFG</nationality><previous_transit_point>Sarajevo"
        "</previous_transit_point><next_destination>Velika Kladuša</next_destination>"
        "<final_destination>Italy</final_destination><transport_mode>bus</transport_mode>"
        f"<direction>internal</direction><meta><instanceID>uuid:{instance_id}</instanceID>"
        "</meta></data>"
    ).encode()


def worker(url: str, submissions: int, seed: int) -> dict[str, Any]:
    django_ready()
    import base64

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import connection
    from django.test import Client

    from waypoint.accounts.models import Assignment, Role, User
    from waypoint.places.models import Area
    from waypoint.presence.models import Location, Observation, Round, RoundStatus
    from waypoint.presence.services import flow_points_ensure

    enumerator = User.objects.create_user(
        "bench-enumerator@waypoint.test", password=PASSWORD, full_name="Bench Enumerator"
    )
    Assignment.objects.create(
        user=enumerator, role=Role.ENUMERATOR, area=Area.objects.get(code="BA0101")
    )
    bihac = Area.objects.get(code="BA0101001")
    Location.objects.bulk_create(
        Location(
            code=f"LOC-{index:04d}",
            name=f"Site {index}",
            type="squat",
            municipality=bihac,
            latitude=Decimal("44.81"),
            longitude=Decimal("15.87"),
            active_from=date(2026, 1, 1),
        )
        for index in range(250)
    )
    Round.objects.create(number=1, snapshot_date=date(2026, 10, 31), status=RoundStatus.COLLECTING)
    flow_points_ensure()
    token = base64.b64encode(f"{enumerator.email}:{PASSWORD}".encode()).decode()
    client = Client(HTTP_AUTHORIZATION=f"Basic {token}")
    rng = random.Random(seed)
    latencies = []
    started = time.perf_counter()
    for index in range(submissions):
        instance_id = str(uuid.UUID(int=rng.getrandbits(128)))
        if index % 5 == 4:
            document = _count(rng, instance_id)
        else:
            document = _assessment(rng, f"LOC-{rng.randrange(250):04d}", instance_id)
        files = {"xml_submission_file": SimpleUploadedFile("s.xml", document, "text/xml")}
        if index % 10 == 0:
            files["site.jpg"] = SimpleUploadedFile("site.jpg", b"\xff\xd8" + b"x" * 20_000)
        begun = time.perf_counter()
        response = client.post("/openrosa/submission", files)
        latencies.append((time.perf_counter() - begun) * 1000)
        if response.status_code != 201:
            raise SystemExit(f"submission {index}: {response.status_code} {response.content!r}")
    seconds = time.perf_counter() - started
    return {
        "backend": f"SQLite {connection.Database.sqlite_version}"
        if connection.vendor == "sqlite"
        else f"PostgreSQL {connection.pg_version // 10000}",
        "submissions": submissions,
        "observations": Observation.objects.count(),
        "seconds": seconds,
        "rate": submissions / seconds,
        "median_ms": percentile(latencies, 0.5),
        "p95_ms": percentile(latencies, 0.95),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", action="store_true", help="also on PostgreSQL")
    parser.add_argument("--database-url", help="run only on this (empty) database")
    parser.add_argument("--submissions", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--worker", metavar="URL", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.worker:
        print(json.dumps(worker(options.worker, options.submissions, options.seed)))
        return
    extra = ["--submissions", str(options.submissions), "--seed", str(options.seed)]
    script = str(Path(__file__).resolve())
    rows = []
    if options.database_url:
        with tempfile.TemporaryDirectory(prefix="waypoint-bench-") as directory:
            rows.append(run_worker(script, options.database_url, Path(directory), extra))
    else:
        for database in [sqlite_database] + ([postgres_database] if options.postgres else []):
            with database() as (url, var_dir):
                rows.append(run_worker(script, url, var_dir, extra))
    print(f"Python {platform.python_version()}, {platform.machine()}, {date.today()}\n")
    print("| database | submissions | seconds | submissions per second | median ms | p95 ms |")
    print("|---|---:|---:|---:|---:|---:|")
    for row in rows:
        print(
            f"| {row['backend']} | {row['submissions']:,} | {row['seconds']:.1f} "
            f"| {row['rate']:.0f} | {row['median_ms']:.1f} | {row['p95_ms']:.1f} |"
        )


if __name__ == "__main__":
    main()
