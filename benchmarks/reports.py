"""How fast published figures answer at a million past stays.

    uv run python benchmarks/reports.py [--postgres] [--stays 1000000]

Builds, with ``bulk_create`` and a fixed seed, on a temporary SQLite database (or, with
``--postgres``, on a fresh PostgreSQL database at 127.0.0.1:5432, user postgres, trust
authentication, dropped afterwards; with ``--database-url``, in that empty database, kept
for a closer look): the places and the demo personas (a partner among them); about
``--stays / 4`` people registered at the reception centres (all sites of the centre kinds);
``--stays`` closed stays over the past three years (about four per person, 5% of them
ending in a transfer), plus ``--residents`` people resident now (open stays); 36 published
monthly presence rounds of 150 locations (``rounds_generate``); a few hundred AVRR cases
with their members, flow counts at every flow point, and screenings.

Then measures, after one warm-up each, ``--runs`` times (the PDF ``--pdf-runs`` times):
the partner dashboard ``GET /reports/``, the latest round's page, ``month_publication`` of
the last full month and its page (through Django's test ``Client``, signed in as the
partner), the situation report PDF of the latest round end to end, and
``disclosure.protect`` on the largest table of the latest round. Prints a markdown table
(median and 95th percentile in milliseconds, SQL queries per call, targets met or not) and
a JSON line. Targets: dashboard and monthly tables p95 under 500 ms, PDF under 10 s,
disclosure check under 1 s.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import secrets
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from reception_setup import (
    percentile,
    postgres_database,
    run_worker,
    sqlite_database,
)

BATCH = 10_000
YEARS = 3
ROUNDS = 36
LOCATIONS = 150
CASES = 400
NATIONALITIES = [
    ("AFG", 25),
    ("PAK", 20),
    ("BGD", 12),
    ("MAR", 12),
    ("IRN", 6),
    ("IRQ", 5),
    ("SYR", 5),
    ("IND", 4),
    ("NPL", 4),
    ("TUR", 3),
    ("CUB", 0.05),
    ("", 4),
]
# Closed stays by exit reason; transfers are 5%.
EXITS = [
    ("onward", 58),
    ("left_without_notice", 16),
    ("unknown", 8),
    ("transfer", 5),
    ("asylum_centre", 5),
    ("readmission", 4),
    ("avrr", 2),
    ("hospital", 2),
    ("deceased", 0.02),
]
TARGETS = {
    "dashboard": 500.0,
    "month_tables": 500.0,
    "pdf": 10_000.0,
    "protect": 1_000.0,
    "protect_linked": 1_000.0,
}


def _weighted(rng: random.Random, pairs: list[tuple[Any, float]], count: int) -> list[Any]:
    return rng.choices([item for item, _w in pairs], [w for _i, w in pairs], k=count)


def _birth_date(rng: random.Random) -> date:
    year = int(rng.triangular(1960, 2020.99, 1998))
    return date(year, 1, 1) + timedelta(days=rng.randint(0, 364))


def _people(centres: list[Any], count: int, start: date, today: date, rng: random.Random) -> None:
    from waypoint.people.identifiers import registration_number
    from waypoint.people.models import Person

    weights = [centre.capacity or 100 for centre in centres]
    sites = rng.choices(centres, weights, k=count)
    nationalities = _weighted(rng, NATIONALITIES, count)
    span = (today - start).days
    batch = []
    for index in range(count):
        serial = index + 1
        site = sites[index]
        draw = rng.random()
        batch.append(
            Person(
                serial=serial,
                registration_number=registration_number(site.registration_prefix, serial),
                given_name=f"Given{serial}",
                family_name=f"Family{serial % 997}",
                sex="M" if draw < 0.88 else ("F" if draw < 0.98 else "U"),
                birth_date=None if rng.random() < 0.03 else _birth_date(rng),
                nationality=nationalities[index],
                registered_at=site,
                registered_on=start + timedelta(days=rng.randint(0, span)),
                last_seen_at=site,
                last_seen_on=today,
                is_synthetic=True,
            )
        )
        if len(batch) == BATCH:
            Person.objects.bulk_create(batch)
            batch = []
    Person.objects.bulk_create(batch)


def _stays(
    centres: list[Any],
    history_ids: list[int],
    resident_ids: list[int],
    stays: int,
    now: datetime,
    rng: random.Random,
) -> None:
    """``stays`` closed stays over the past three years (a few days each, some weeks), and
    one open stay for each resident, admitted in the last 90 days. Inserted in order of
    admission, as a live system writes them: the table's physical order follows time."""
    from waypoint.reception.models import Stay

    site_ids = [centre.pk for centre in centres]
    weights = [centre.capacity or 100 for centre in centres]
    window = YEARS * 365 * 24 * 60
    reasons = _weighted(rng, EXITS, stays)
    sites = rng.choices(site_ids, weights, k=stays + len(resident_ids))
    rows: list[tuple[datetime, int, int, datetime | None, str, datetime]] = []
    for index in range(stays):
        admitted = now - timedelta(minutes=rng.randint(60, window))
        minutes = 60 + int(rng.expovariate(1 / (4.5 * 24 * 60)))
        exited = min(admitted + timedelta(minutes=minutes), now - timedelta(minutes=1))
        person_id = history_ids[rng.randrange(len(history_ids))]
        rows.append((admitted, person_id, sites[index], exited, reasons[index], exited))
    for index, person_id in enumerate(resident_ids, start=stays):
        admitted = now - timedelta(minutes=rng.randint(60, 90 * 24 * 60))
        seen = max(admitted, now - timedelta(minutes=rng.randint(0, 3 * 24 * 60)))
        rows.append((admitted, person_id, sites[index], None, "", seen))
    rows.sort(key=lambda row: row[0])
    for first in range(0, len(rows), BATCH):
        chunk = rows[first : first + BATCH]
        Stay.objects.bulk_create(
            [
                Stay(
                    admitted_at=admitted,
                    person_id=person_id,
                    site_id=site_id,
                    exited_at=exited,
                    exit_reason=reason,
                    last_seen_at=seen,
                )
                for admitted, person_id, site_id, exited, reason, seen in chunk
            ]
        )


def _cases(centres: list[Any], person_ids: list[int], now: datetime, rng: random.Random) -> None:
    """AVRR cases over three years: most departed a month or three after applying."""
    from waypoint.returns.models import Case, CaseMember, Source
    from waypoint.returns.stages import Stage

    countries = [(code, weight) for code, weight in NATIONALITIES if code and code != "CUB"]
    cases = []
    for index in range(CASES):
        created = now - timedelta(minutes=rng.randint(60, YEARS * 365 * 24 * 60))
        departed = created.date() + timedelta(days=rng.randint(25, 120))
        draw = rng.random()
        if draw < 0.6 and departed < now.date():
            stage, departed_on = rng.choice([Stage.DEPARTED, Stage.ARRIVED, Stage.CLOSED]), departed
        elif draw < 0.75:
            stage, departed_on = rng.choice([Stage.WITHDRAWN, Stage.ABANDONED]), None
        else:
            stage, departed_on = rng.choice([Stage.COUNSELLING, Stage.TRAVEL_DOCUMENTS]), None
        country = _weighted(rng, countries, 1)[0]
        cases.append(
            Case(
                reference=f"BENCH-{index + 1:05d}",
                source=Source.CENTRE,
                stage=stage,
                stage_entered_at=created,
                principal_id=person_ids[rng.randrange(len(person_ids))],
                given_name=f"Applicant{index}",
                nationality=country,
                return_country=country,
                site=rng.choice(centres),
                departed_on=departed_on,
                created_at=created,
                is_synthetic=True,
            )
        )
    Case.objects.bulk_create(cases)
    members = []
    for case in Case.objects.filter(reference__startswith="BENCH-").order_by("pk"):
        members.append(
            CaseMember(
                case=case,
                person_id=case.principal_id,
                name=case.given_name,
                is_principal=True,
                birth_year=rng.randint(1970, 2004),
            )
        )
        for number in range(_weighted(rng, [(0, 80), (1, 8), (2, 6), (3, 6)], 1)[0]):
            members.append(
                CaseMember(
                    case=case,
                    name=f"{case.given_name} member {number + 1}",
                    relationship="child" if number else "spouse",
                    birth_year=rng.randint(1975, 2022),
                )
            )
    CaseMember.objects.bulk_create(members)


def _flow_and_screenings(
    centres: list[Any], person_ids: list[int], now: datetime, rng: random.Random
) -> None:
    """About 20 group counts a day spread over the flow points, and about 25 screenings a
    day at the centres, over three years."""
    from waypoint.presence.models import Direction, FlowCount
    from waypoint.presence.services.flow import flow_points_ensure
    from waypoint.protection.models import Screening
    from waypoint.protection.screening import Category

    points = flow_points_ensure()
    window = YEARS * 365 * 24 * 60
    counts = []
    for _index in range(YEARS * 365 * 20):
        men = rng.randint(1, 12)
        counts.append(
            FlowCount(
                point=rng.choice(points),
                counted_at=now - timedelta(minutes=rng.randint(60, window)),
                men=men,
                women=rng.choice([0] * 9 + [1, 2]),
                boys=rng.choice([0] * 12 + [1]),
                girls=rng.choice([0] * 20 + [1]),
                nationality=_weighted(rng, NATIONALITIES, 1)[0],
                direction=rng.choice(
                    [Direction.INCOMING, Direction.INCOMING, Direction.OUTGOING, Direction.INTERNAL]
                ),
            )
        )
    FlowCount.objects.bulk_create(counts, batch_size=2_000)
    categories = list(Category.values)
    screenings = []
    for _index in range(YEARS * 365 * 25):
        flags = rng.sample(categories, rng.choice([0, 0, 0, 1, 1, 2]))
        screenings.append(
            Screening(
                person_id=person_ids[rng.randrange(len(person_ids))],
                version="bih-2025-1",
                flags=flags,
                follow_up=bool(flags),
                site=rng.choice(centres),
                screened_at=now - timedelta(minutes=rng.randint(60, window)),
            )
        )
    Screening.objects.bulk_create(screenings, batch_size=2_000)


def build(stays: int, residents: int, seed: int) -> dict[str, float]:
    """Everything published figures are made from; returns seconds per part."""
    from django.db import connection, transaction
    from django.utils import timezone

    from waypoint.demo.personas import personas_ensure
    from waypoint.people.models import Person
    from waypoint.places.models import Site
    from waypoint.presence.services.demo import rounds_generate
    from waypoint.reception.access import CENTRE_KINDS

    rng = random.Random(seed)
    now = timezone.now()
    today = timezone.localdate(now)
    start = today - timedelta(days=YEARS * 365)
    seconds: dict[str, float] = {}
    began = time.perf_counter()
    personas_ensure(password=secrets.token_urlsafe(16))
    centres = list(Site.objects.filter(kind__in=CENTRE_KINDS).order_by("code"))
    historical_people = max(stays // 4, 1)
    with transaction.atomic():
        _people(centres, historical_people + residents, start, today, rng)
        ids = list(Person.objects.order_by("serial").values_list("pk", flat=True))
    seconds["people"] = time.perf_counter() - began
    began = time.perf_counter()
    with transaction.atomic():
        _stays(centres, ids[:historical_people], ids[historical_people:], stays, now, rng)
    seconds["stays"] = time.perf_counter() - began
    began = time.perf_counter()
    rounds_generate(
        locations=LOCATIONS,
        published=ROUNDS,
        in_review=0,
        first_snapshot=today - timedelta(days=30 * (ROUNDS - 1)),
    )
    seconds["rounds"] = time.perf_counter() - began
    began = time.perf_counter()
    with transaction.atomic():
        _cases(centres, ids, now, rng)
        _flow_and_screenings(centres, ids, now, rng)
    seconds["other"] = time.perf_counter() - began
    began = time.perf_counter()
    if connection.vendor == "postgresql":
        # What autovacuum does soon after a bulk insert (PostgreSQL 13+ vacuums on inserts):
        # statistics, and the visibility map that lets index-only scans skip the table.
        # SQLite gets no statistics, as Waypoint never runs ANALYZE on it.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    seconds["analyze"] = time.perf_counter() - began
    return seconds


def ready() -> bool:
    """Set Django up on DATABASE_URL and migrate; load the places into an empty database.
    False when the database already holds a build (``--database-url`` given again)."""
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from waypoint.places.services import places_load
    from waypoint.reception.models import Stay

    if Stay.objects.exists():
        return False
    places_load()
    return True


def sizes() -> dict[str, int]:
    from waypoint.people.models import Person
    from waypoint.places.models import Site
    from waypoint.presence.models import FlowCount, Location, Round, RoundStatus
    from waypoint.protection.models import Screening
    from waypoint.reception.access import CENTRE_KINDS
    from waypoint.reception.models import Stay
    from waypoint.returns.models import Case

    return {
        "stays": Stay.objects.count(),
        "residents": Stay.objects.filter(exited_at__isnull=True).count(),
        "people": Person.objects.count(),
        "centres": Site.objects.filter(kind__in=CENTRE_KINDS).count(),
        "rounds": Round.objects.filter(status=RoundStatus.PUBLISHED).count(),
        "locations": Location.objects.count(),
        "cases": Case.objects.count(),
        "flow_counts": FlowCount.objects.count(),
        "screenings": Screening.objects.count(),
    }


def measure(call: Any, runs: int) -> dict[str, Any]:
    """One warm-up (timed on its own: the first call publishes what was never released),
    ``runs`` timed calls, then one more call to count its SQL queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    started = time.perf_counter()
    call()
    first = (time.perf_counter() - started) * 1000
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        timings.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as captured:
        call()
    return {
        "first": first,
        "median": percentile(timings, 0.5),
        "p95": percentile(timings, 0.95),
        "queries": len(captured.captured_queries),
    }


def _shape(table: Any) -> str:
    return f"{len(table.row_labels)} × {len(table.column_labels)}"


def _get(client: Any, path: str) -> Any:
    def call() -> None:
        response = client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"GET {path}: {response.status_code}")

    return call


def worker(url: str, stays: int, residents: int, runs: int, pdf_runs: int, seed: int) -> dict:
    seconds = build(stays, residents, seed) if ready() else {}
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from waypoint.accounts.models import User
    from waypoint.presence.models import Round, RoundStatus
    from waypoint.reports import publication as published
    from waypoint.reports.disclosure import protect, protect_linked
    from waypoint.reports.pdf import render_pdf
    from waypoint.reports.publication import month_publication, round_publication
    from waypoint.reports.situation import presence_context

    partner = User.objects.get(email="partner@waypoint.test")
    client = Client()
    client.force_login(partner)
    latest = Round.objects.filter(status=RoundStatus.PUBLISHED).order_by("-number").first()
    assert latest is not None
    month = (timezone.localdate().replace(day=1) - timedelta(days=1)).replace(day=1)
    month_key = month.strftime("%Y-%m")
    results = {
        "dashboard": measure(_get(client, "/reports/"), runs),
        "round_page": measure(_get(client, f"/reports/rounds/{latest.number}/"), runs),
        "month_tables": measure(lambda: month_publication(month), runs),
        "month_page": measure(_get(client, f"/reports/months/{month_key}/"), runs),
    }
    pdf_size = 0

    def pdf() -> None:
        nonlocal pdf_size
        context = presence_context(latest, round_publication(latest))
        pdf_size = len(render_pdf("reports/pdf/presence.html", context, language="bs"))

    results["pdf"] = measure(pdf, pdf_runs)
    # The disclosure check as round_publication runs it, on what the data give: the largest
    # table alone, and the round's tables protected together (they share figures).
    publication = round_publication(latest)
    exact = {key: one.exact for key, one in publication.tables.items()}
    rules = {key: published._rules(one.spec) for key, one in publication.tables.items()}
    previous = {
        key: earlier
        for key, table in exact.items()
        if (earlier := published._previous(table, key, publication.period)) is not None
    }
    largest = max(exact, key=lambda key: len(exact[key].row_labels) * len(exact[key].column_labels))
    table = exact[largest]
    results["protect"] = measure(
        lambda: protect(table, rules[largest], previous=previous.get(largest)), runs
    )
    links = [
        link
        for link in published.round_links(exact["presence_places"], exact["centre_sex_age"])
        if published.figure(exact[link.left_table], link.left)
        == published.figure(exact[link.right_table], link.right)
    ]
    results["protect_linked"] = measure(
        lambda: protect_linked(exact, links, rules, previous=previous), runs
    )
    return {
        "backend": f"SQLite {connection.Database.sqlite_version}"
        if connection.vendor == "sqlite"
        else f"PostgreSQL {connection.pg_version // 10000}",
        **sizes(),
        "build_parts": {key: round(value, 1) for key, value in seconds.items()},
        "build_s": round(sum(seconds.values()), 1) if seconds else None,
        "latest_round": latest.number,
        "month": month_key,
        "pdf_bytes": pdf_size,
        "round_tables": {key: _shape(table) for key, table in exact.items()},
        "links": len(links),
        "largest_table": {
            "key": largest,
            "rows": len(table.row_labels),
            "columns": len(table.column_labels),
            "groups": len(table.row_groups),
        },
        "results": {
            name: {key: round(value, 1) for key, value in measured.items()}
            for name, measured in results.items()
        },
    }


def _met(row: dict, name: str) -> str:
    target = TARGETS.get(name)
    if target is None:
        return ""
    return "met" if row["results"][name]["p95"] < target else "**NOT met**"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", action="store_true", help="on PostgreSQL, not SQLite")
    parser.add_argument("--stays", type=int, default=1_000_000)
    parser.add_argument("--residents", type=int, default=4_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--pdf-runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--database-url",
        help="build in this empty database instead and keep it; given again, measure only",
    )
    parser.add_argument("--worker", metavar="URL", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.worker:
        result = worker(
            options.worker,
            options.stays,
            options.residents,
            options.runs,
            options.pdf_runs,
            options.seed,
        )
        print(json.dumps(result))
        return
    extra = [
        *("--stays", str(options.stays), "--residents", str(options.residents)),
        *("--runs", str(options.runs), "--pdf-runs", str(options.pdf_runs)),
        *("--seed", str(options.seed)),
    ]
    script = str(Path(__file__).resolve())
    if options.database_url:
        with tempfile.TemporaryDirectory(prefix="waypoint-bench-") as directory:
            row = run_worker(script, options.database_url, Path(directory), extra)
    else:
        database = postgres_database if options.postgres else sqlite_database
        with database() as (url, var_dir):
            row = run_worker(script, url, var_dir, extra)
    shape = row["largest_table"]
    built = (
        f"built in {row['build_s']:.0f} s "
        f"({', '.join(f'{k} {v:.0f} s' for k, v in row['build_parts'].items())})"
        if row["build_s"] is not None
        else "built before (measured only)"
    )
    print(
        f"Python {platform.python_version()}, {platform.machine()}, {date.today()}; "
        f"{row['backend']}: {row['stays']:,} stays ({row['residents']:,} open), "
        f"{row['people']:,} people in {row['centres']} centres, {row['rounds']} published "
        f"rounds, {row['locations']} locations, {row['cases']} AVRR cases, "
        f"{row['flow_counts']:,} flow counts, {row['screenings']:,} screenings; {built}.\n"
        f"{options.runs} runs after one warm-up (PDF: {options.pdf_runs}); latest round "
        f"{row['latest_round']}, month {row['month']}; largest table {shape['key']} "
        f"{shape['rows']} × {shape['columns']} ({shape['groups']} row groups); round tables "
        f"{', '.join(f'{key} {size}' for key, size in row['round_tables'].items())}; "
        f"PDF {row['pdf_bytes']:,} bytes.\n"
    )
    labels = {
        "dashboard": "partner dashboard `GET /reports/`",
        "round_page": f"round page `GET /reports/rounds/{row['latest_round']}/`",
        "month_tables": f"`month_publication({row['month']})`",
        "month_page": f"month page `GET /reports/months/{row['month']}/`",
        "pdf": "situation report PDF (publication + context + WeasyPrint)",
        "protect": f"`protect` on {shape['key']} ({shape['rows']} × {shape['columns']})",
        "protect_linked": f"`protect_linked`, the round's {len(row['round_tables'])} tables "
        f"({row['links']} links)",
    }
    print(
        "| database | stays | measure | first call (ms) | median (ms) | p95 (ms) | queries "
        "| target | met |"
    )
    print("|---|---:|---|---:|---:|---:|---:|---|---|")
    for name, label in labels.items():
        measured = row["results"][name]
        target = f"p95 < {TARGETS[name]:,.0f} ms" if name in TARGETS else ""
        print(
            f"| {row['backend']} | {row['stays']:,} | {label} | {measured['first']:,.1f} "
            f"| {measured['median']:,.1f} | {measured['p95']:,.1f} | {measured['queries']} "
            f"| {target} | {_met(row, name)} |"
        )
    print()
    print(json.dumps(row, ensure_ascii=False))
    if any(_met(row, name) not in ("", "met") for name in TARGETS):
        sys.exit("a target was missed")


if __name__ == "__main__":
    main()
