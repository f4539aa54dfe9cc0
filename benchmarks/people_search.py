"""Search-before-register at scale: latency and whether the earlier registration is found.

    uv run python benchmarks/people_search.py --people 100000
    uv run python benchmarks/people_search.py --people 1000000 --postgres
    uv run python benchmarks/people_search.py --people 100000 --keep var/bench-100k

Builds a synthetic registry (the demo generator's population, with its planted second
registrations) in a fresh temporary database, then types the names of second registrations
the way an officer would and times ``identification_search``. Side by side: the search a
user would otherwise reach for, a case-insensitive substring match on the Latin names.
Prints a markdown table: median, p95 and p99 latency, and the share of searches whose top
ten results hold the person's other registration; on standard error, the searches each
method missed, by the kinds of noise the second registration carries.

``--keep DIR`` builds the registry once and reuses it on later runs with the same
``--people`` and ``--seed``, to compare changes to the search on the same data: the SQLite
database lives in DIR; with ``--postgres`` the database is named after DIR and kept. After
a change to ``people.names``, delete DIR (and the database) or run ``waypoint people rekey``.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PG = "postgres://postgres@127.0.0.1:5432"


def prepare_database(use_postgres: bool, workdir: Path, *, kept: str = "") -> str | None:
    """Point the settings at SQLite in ``workdir`` or at a PostgreSQL database: ``kept``
    (created if missing) or a fresh one; returns the name of a database to drop after."""
    workdir.mkdir(parents=True, exist_ok=True)
    os.environ["WAYPOINT_VAR_DIR"] = str(workdir.resolve())
    os.environ.pop("DATABASE_URL", None)
    if not use_postgres:
        return None
    name = kept or f"waypoint_bench_{os.getpid()}"
    exists = subprocess.run(
        [
            "psql",
            f"{PG}/postgres",
            "-tAc",
            f"SELECT 1 FROM pg_database WHERE datname = '{name}'",  # noqa: S608 (our own name)
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    if not exists:
        subprocess.run(["psql", f"{PG}/postgres", "-qc", f"CREATE DATABASE {name}"], check=True)
    os.environ["DATABASE_URL"] = f"{PG}/{name}"
    return None if kept else name


def build(people: int, seed: int, *, write: bool = True) -> tuple[list[tuple[object, int]], float]:
    """Write the population (unless ``write`` is false: it is there already); return
    (second registration, first registration's id) samples and the seconds taken."""
    from django.db import connection, transaction

    from waypoint.demo.generator import population_generate
    from waypoint.people.identifiers import registration_number
    from waypoint.people.models import NameKey, Person
    from waypoint.people.names import person_name_keys
    from waypoint.places.models import Site

    sites = {site.code: site for site in Site.objects.all()}
    table = connection.ops.quote_name(NameKey._meta.db_table)
    first_serials: dict[int, int] = {}
    seconds: list[object] = []
    started = time.perf_counter()
    batch: list[tuple[Person, object]] = []

    def flush() -> None:
        for person, record in batch:
            if record.registration == 1:  # type: ignore[attr-defined]
                first_serials[record.true_person_id] = person.serial  # type: ignore[attr-defined]
            elif record.true_person_id in first_serials:  # type: ignore[attr-defined]
                seconds.append(record)
        if not write:
            batch.clear()
            return
        with transaction.atomic(), connection.cursor() as cursor:
            created = Person.objects.bulk_create([person for person, _record in batch])
            # About twenty keys a person: plain INSERTs, not a model object for each (as
            # the demo writes them).
            cursor.executemany(
                f"INSERT INTO {table} (person_id, key) VALUES (%s, %s)",  # noqa: S608
                [(person.pk, key) for person in created for key in person_name_keys(person)],
            )
        batch.clear()

    for serial, record in enumerate(population_generate(people=people, seed=seed), start=1):
        site = sites[record.site_code]
        batch.append(
            (
                Person(
                    serial=serial,
                    registration_number=registration_number(site.registration_prefix, serial),
                    given_name=record.given_name,
                    family_name=record.family_name,
                    father_name=record.father_name,
                    given_name_original=record.given_name_original,
                    family_name_original=record.family_name_original,
                    father_name_original=record.father_name_original,
                    sex=record.sex,
                    birth_date=record.birth_date,
                    birth_date_precision=record.birth_date_precision,
                    nationality=record.nationality,
                    registered_at=site,
                    registered_on=record.registered_on,
                    last_seen_at=site,
                    last_seen_on=record.registered_on,
                    is_synthetic=True,
                ),
                record,
            )
        )
        if len(batch) >= 10_000:
            flush()
    if batch:
        flush()
    elapsed = time.perf_counter() - started
    # Ids by serial: the same whether the registry was written now or on an earlier run.
    wanted = sorted({first_serials[record.true_person_id] for record in seconds})  # type: ignore[attr-defined]
    ids: dict[int, int] = {}
    for start in range(0, len(wanted), 900):
        chunk = wanted[start : start + 900]
        ids.update(Person.objects.filter(serial__in=chunk).values_list("serial", "pk"))
    samples = [
        (record, ids[first_serials[record.true_person_id]])  # type: ignore[attr-defined]
        for record in seconds
    ]
    return samples, elapsed


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def substring_search(text: str) -> list[int]:
    from django.db.models import Q

    from waypoint.people.models import Person

    condition = Q()
    for word in text.split()[:3]:
        condition &= Q(given_name__icontains=word) | Q(family_name__icontains=word)
    return list(Person.objects.filter(condition).values_list("id", flat=True)[:10])


def typed_name(record: object) -> str:
    return f"{record.given_name} {record.family_name}".strip()  # type: ignore[attr-defined]


def measure(
    samples: list[tuple[object, int]], queries: int, seed: int, *, substring: bool = True
) -> dict[str, tuple]:
    from waypoint.accounts.models import Role, User
    from waypoint.accounts.services import assignment_add, user_create
    from waypoint.people.queries import identification_search

    officer = User.objects.filter(email="bench@waypoint.test").first()
    if officer is None:  # a kept registry has it from an earlier run
        officer = user_create(actor=None, email="bench@waypoint.test", full_name="Bench")
        assignment_add(actor=None, user=officer, role=Role.REGISTRATION_OFFICER)
    from waypoint.people import queries as people_queries

    chosen = random.Random(seed).sample(samples, min(queries, len(samples)))
    # Time spent inside the linkage model's ranking, apart from the rest of the search.
    ranking_ms: list[float] = []

    def timed(ranker):  # type: ignore[no-untyped-def]
        def ranked(record, person_ids):  # type: ignore[no-untyped-def]
            started = time.perf_counter()
            try:
                return ranker(record, person_ids)
            finally:
                if ranking_ms:  # not while warming up
                    ranking_ms[-1] += (time.perf_counter() - started) * 1000

        return ranked

    people_queries._candidate_rankers[:] = [
        timed(ranker) for ranker in people_queries._candidate_rankers
    ]
    results = {}
    for label, search in (
        (
            "Waypoint identification search: name",
            lambda record: [
                hit.person_id for hit in identification_search(officer, name=typed_name(record))
            ],
        ),
        (
            "Waypoint identification search: name, date of birth, nationality",
            lambda record: [
                hit.person_id
                for hit in identification_search(
                    officer,
                    name=typed_name(record),
                    birth_date=record.birth_date,
                    nationality=record.nationality,
                )
            ],
        ),
        (
            "substring match on Latin names (icontains)",
            lambda record: substring_search(typed_name(record)),
        ),
    ):
        if label.startswith("substring") and not substring:
            continue
        ranking_ms.clear()
        search(chosen[0][0])  # warm caches once
        timings, found = [], 0
        missed: dict[str, int] = {}
        for record, other_id in chosen:
            ranking_ms.append(0.0)
            started = time.perf_counter()
            hits = search(record)
            timings.append((time.perf_counter() - started) * 1000)
            found += other_id in hits
            if other_id not in hits:
                kind = "+".join(record.noise) or "none"  # type: ignore[attr-defined]
                missed[kind] = missed.get(kind, 0) + 1
        print(
            f"{label}: missed by noise {sorted(missed.items(), key=lambda item: -item[1])}",
            file=sys.stderr,
        )
        results[label] = (
            statistics.median(timings),
            percentile(timings, 0.95),
            percentile(timings, 0.99),
            found / len(chosen),
            statistics.median(ranking_ms) if any(ranking_ms) else None,
        )
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument(
        "--keep",
        type=Path,
        metavar="DIR",
        help="build the registry once (SQLite in DIR, or a PostgreSQL database named "
        "after it) and reuse it on later runs",
    )
    parser.add_argument(
        "--no-substring",
        action="store_true",
        help="leave out the substring match (it does not change with Waypoint's search)",
    )
    args = parser.parse_args()
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="waypoint-bench-"))
    engine = "PostgreSQL" if args.postgres else "SQLite"
    marker = workdir / f"people-search-registry-{engine.lower()}"
    kept = ""
    if args.keep and args.postgres:
        kept = "waypoint_bench_" + re.sub(r"[^a-z0-9]+", "_", args.keep.resolve().name.lower())
    built_for = f"people={args.people} seed={args.seed}\n"
    reuse = bool(args.keep) and marker.exists() and marker.read_text() == built_for
    if args.keep and not reuse:
        marker.unlink(missing_ok=True)
        for stale in workdir.glob("waypoint.sqlite3*"):
            stale.unlink()
        if kept:
            subprocess.run(
                ["psql", f"{PG}/postgres", "-qc", f"DROP DATABASE IF EXISTS {kept}"], check=True
            )
    database = prepare_database(args.postgres, workdir, kept=kept)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "waypoint.settings")
    try:
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection

        from waypoint.places.services import places_load

        call_command("migrate", verbosity=0)
        places_load()
        samples, build_seconds = build(args.people, args.seed, write=not reuse)
        if args.keep and not reuse:
            marker.write_text(built_for)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                # What autovacuum does soon after a bulk load: statistics for the planner,
                # and the visibility map that lets it read the name keys from the index.
                cursor.execute("ANALYZE" if reuse else "VACUUM ANALYZE")
        results = measure(samples, args.queries, args.seed, substring=not args.no_substring)
        print(
            f"\n{args.people:,} people ({engine}), {len(samples):,} planted second "
            f"registrations, {args.queries} searches; "
            f"{'reused' if reuse else 'built'} in {build_seconds:.0f} s; "
            f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores\n"
        )
        print(
            "| search | median ms | p95 ms | p99 ms | other registration in top 10 "
            "| of which linkage model ranking, median ms |"
        )
        print("|---|---:|---:|---:|---:|---:|")
        for label, (median, p95, p99, recall, ranking) in results.items():
            model = "—" if ranking is None else f"{ranking:.1f}"
            print(f"| {label} | {median:.1f} | {p95:.1f} | {p99:.1f} | {recall:.1%} | {model} |")
    finally:
        from django.db import connections

        connections.close_all()
        if database:
            subprocess.run(
                ["psql", f"{PG}/postgres", "-qc", f"DROP DATABASE {database}"], check=False
            )


if __name__ == "__main__":
    sys.exit(main())
