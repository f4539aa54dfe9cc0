"""Unique people with their range, from the stored pairs: how long it takes at scale.

    uv run python benchmarks/linkage_unique_range.py --people 1000000 [--keep DIR]

Builds, in a fresh temporary SQLite database, a registry of the linkage benchmark's shape
at that size: each person registered once, 10% twice and 1% three times; households of two
to six registered together covering about 40% of the people; candidate pairs as a
deduplication run stores them (true pairs mostly linked automatically, some waiting for
review, namesakes waiting for review, a few reviewers' decisions). Names and dates play no
part in the count, so the registrations carry placeholders. Then times, for a national
analyst and for a centre manager:

- ``queries.unique_people_range`` over the whole registry and narrowed to one centre;
- ``queries.unique_people_in`` (the SQL count of groups as they stand), for comparison;
- the first page of ``queries.review_queue``, ordered by impact.

Prints a markdown table (median wall and CPU seconds of --repeat runs) and the figures
themselves. With ``--keep DIR`` the registry is built in DIR once and reused by later runs
of the same size and seed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path


def build(people: int, seed: int) -> dict[str, int]:
    """Write the registry, its households and candidate pairs; return what was written."""
    from django.db import transaction

    from waypoint.linkage import services
    from waypoint.linkage.models import CandidatePair, PairStatus
    from waypoint.people.identifiers import registration_number
    from waypoint.people.models import Household, HouseholdMember, Person
    from waypoint.places.models import Site

    rng = random.Random(seed)
    sites = list(Site.objects.filter(registration_prefix__gt="").order_by("code"))
    registrations: list[list[int]] = []  # person -> its registrations' serials
    serial = 0
    for _person in range(people):
        copies = 1 + (rng.random() < 0.10) + (rng.random() < 0.01)
        registrations.append(list(range(serial + 1, serial + 1 + copies)))
        serial += copies
    today = date(2026, 12, 1)
    batch: list[Person] = []
    for number in range(1, serial + 1):
        site = sites[number % len(sites)]
        batch.append(
            Person(
                serial=number,
                registration_number=registration_number(site.registration_prefix, number),
                given_name="X",
                registered_at=site,
                registered_on=today,
                last_seen_at=site,
                last_seen_on=today,
                is_synthetic=True,
            )
        )
        if len(batch) == 20_000:
            Person.objects.bulk_create(batch)
            batch.clear()
    Person.objects.bulk_create(batch)
    id_of = dict(Person.objects.values_list("serial", "pk"))

    # Households: the first registrations of people taken in runs of 2 to 6.
    households = 0
    members: list[HouseholdMember] = []
    person = 0
    while person < people:
        size = rng.randint(2, 6)
        if rng.random() < 0.6:  # most people travel without a registered family
            person += 1
            continue
        household = Household.objects.create(head_id=id_of[registrations[person][0]])
        households += 1
        for member in range(person, min(person + size, people)):
            members.append(
                HouseholdMember(
                    household=household,
                    person_id=id_of[registrations[member][0]],
                    relationship="other",
                )
            )
        person += size
        if len(members) >= 20_000:
            HouseholdMember.objects.bulk_create(members)
            members.clear()
    HouseholdMember.objects.bulk_create(members)

    pairs: dict[tuple[int, int], tuple[float, str]] = {}

    def add(one: int, other: int, probability: float, status: str) -> None:
        left, right = sorted((id_of[one], id_of[other]))
        pairs.setdefault((left, right), (probability, status))

    for serials in registrations:
        for index, one in enumerate(serials):
            for other in serials[index + 1 :]:
                if rng.random() < 0.9:
                    # Most true pairs score near certainty; a tail reaches down to 0.95.
                    add(one, other, 1 - 0.05 * rng.random() ** 6, PairStatus.AUTO)
                else:
                    add(one, other, rng.uniform(0.3, 0.95), PairStatus.PENDING)
    # Namesakes: different people the model finds alike, mostly below the threshold.
    for _namesake in range(serial // 20):
        one, other = rng.sample(range(1, serial + 1), 2)
        if rng.random() < 0.02:
            add(one, other, rng.uniform(0.95, 0.99), PairStatus.AUTO)
        else:
            add(one, other, rng.uniform(0.3, 0.95), PairStatus.PENDING)
    rows = [
        CandidatePair(left_id=left, right_id=right, probability=probability, status=status)
        for (left, right), (probability, status) in pairs.items()
    ]
    # Reviewers have decided one in twenty of those waiting.
    waiting = [row for row in rows if row.status == PairStatus.PENDING]
    for row in rng.sample(waiting, len(waiting) // 20):
        row.status = rng.choice([PairStatus.SAME, PairStatus.DIFFERENT, PairStatus.UNSURE])
    with transaction.atomic():
        CandidatePair.objects.bulk_create(rows, batch_size=5000)
        services._groups_rebuild()  # the groups a run would have saved
    return {
        "people": people,
        "registrations": serial,
        "households": households,
        "pairs": len(rows),
        "pending": sum(row.status == PairStatus.PENDING for row in rows),
    }


def timed(repeat: int, call):  # type: ignore[no-untyped-def]
    """(median wall seconds, median CPU seconds of this process, the last result)."""
    walls, cpus, result = [], [], None
    for _round in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        result = call()
        walls.append(time.perf_counter() - started)
        cpus.append(time.process_time() - started_cpu)
    return statistics.median(walls), statistics.median(cpus), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, metavar="DIR", help="build once in DIR, reuse")
    args = parser.parse_args()
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="waypoint-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    marker = workdir / "unique-range-registry"
    built_for = f"people={args.people} seed={args.seed}\n"
    reuse = bool(args.keep) and marker.exists() and marker.read_text() == built_for
    if args.keep and not reuse:
        marker.unlink(missing_ok=True)
        for stale in workdir.glob("waypoint.sqlite3*"):
            stale.unlink()
    os.environ["WAYPOINT_VAR_DIR"] = str(workdir)
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "waypoint.settings")
    try:
        import django

        django.setup()
        from django.core.management import call_command

        from waypoint.accounts.models import User
        from waypoint.demo.personas import personas_ensure
        from waypoint.linkage import queries
        from waypoint.people.models import Person
        from waypoint.places.models import Site
        from waypoint.places.services import places_load

        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        if reuse:
            built = json.loads((workdir / "unique-range-built.json").read_text())
        else:
            places_load()
            personas_ensure(password="benchmark-only-password")  # noqa: S106 (a throwaway database)
            built = build(args.people, args.seed)
            if args.keep:
                (workdir / "unique-range-built.json").write_text(json.dumps(built))
                marker.write_text(built_for)
        build_seconds = time.perf_counter() - started
        analyst = User.objects.get(email="analyst@waypoint.test")
        manager = User.objects.get(email="manager.lipa@waypoint.test")
        admin = User.objects.get(email="admin@waypoint.test")
        lipa = Person.objects.filter(registered_at=Site.objects.get(code="TRC-LIP"))
        rows = []
        for label, call in (
            (
                "unique_people_range, whole registry (analyst)",
                lambda: queries.unique_people_range(analyst),
            ),
            (
                "unique_people_range, persons= one centre (analyst)",
                lambda: queries.unique_people_range(analyst, persons=lipa),
            ),
            (
                "unique_people_range, a centre manager's scope",
                lambda: queries.unique_people_range(manager),
            ),
            (
                "unique_people_in, groups as they stand (SQL)",
                lambda: queries.unique_people_in(Person.objects.all()),
            ),
            (
                "review_queue, first 50 pairs by impact (admin)",
                lambda: list(queries.review_queue(admin)[:50]),
            ),
        ):
            rows.append((label, *timed(args.repeat, call)))
        print(
            f"\n{built['people']:,} people, {built['registrations']:,} registrations, "
            f"{built['households']:,} households, {built['pairs']:,} candidate pairs "
            f"({built['pending']:,} waiting); {'reused' if reuse else 'built'} in "
            f"{build_seconds:.0f} s; SQLite; "
            f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores; "
            f"median of {args.repeat}\n"
        )
        print("| query | wall s | CPU s | result |")
        print("|---|---:|---:|---|")
        for label, seconds, cpu, result in rows:
            if hasattr(result, "figure"):
                shown = (
                    f"{result.figure:,} ({result.low:,}–{result.high:,} at "
                    f"{result.loose_cutoff:.2f} and {result.strict_cutoff:.2f}) of "
                    f"{result.registrations:,}"
                )
            elif isinstance(result, list):
                shown = (
                    f"{len(result)} pairs, first affects {result[0].affected}" if result else "0"
                )
            else:
                shown = f"{result:,}"
            print(f"| {label} | {seconds:.2f} | {cpu:.2f} | {shown} |")
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
