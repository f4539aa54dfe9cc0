"""The "likely duplicate" stop at registration, calibrated on data Waypoint was not shaped on.

    uv run python benchmarks/duplicate_stop.py
    uv run python benchmarks/duplicate_stop.py --people 10000 --postgres
    uv run python benchmarks/duplicate_stop.py --people 10000 --trained-at 0.5 --cut-offs 0.1,0.3

Saving a registration stops and asks "is this the same person?" when
``people.queries.likely_duplicates`` returns a hit whose probability reaches
``LIKELY_DUPLICATE``, a cut-off chosen by hand. This measures what each cut-off would do
for an officer: the records come from ``independent_registry.generate`` (a BiH reception
registry that shares no code or names with Waypoint's demo generator, with each record's
true person), and are registered one at a time in a fresh temporary database, the way the
registration page does it: the registration form cleans what the clerk wrote (a name in
Arabic or Bengali script goes into the original-script fields and the form suggests its
Latin spelling), ``likely_duplicates`` is asked before saving, then ``person_register``
saves it (number, name keys, audit). Every record is saved, as if the officer always
answered "a different person", so every cut-off is judged on the same run.

The order is the generator's records shuffled, each person's own records kept in their
order (``--order generator``: household by household, a household's returns straight
after it). A record is a *repeat* when its person is already registered and a *newcomer*
otherwise. For each cut-off the table gives: the repeats the stop catches with the right
person among the hits at or above it (recall) and with the right person first; the
newcomers stopped needlessly, over the whole run and over the newcomers of its last half
(when the registry is largest); and the share of stops whose hits hold the right person
(precision). A second table splits the repeats by what the clerk wrote differently from
every earlier record of the person (derived from the records themselves: the generator
does not label its noise). The latency is that of the check alone (one or two
identification searches, each ranked by the linkage model and audited).

The probabilities come from the linkage model's priors: a fresh registry has had no
linkage run. ``--trained-at F`` runs one (as an administrator) once the share F of the
records is registered, so the later checks use the trained model, as in a deployment that
deduplicates regularly; only the checks after it are counted then. ``--cut-offs`` chooses
the cut-offs reported (0.3 to 0.9 by default).
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import random
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from independent_registry import generate
from people_search import PG, percentile, prepare_database

CUT_OFFS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
OFFICER = "registrar.lipa@waypoint.test"  # a registration officer at Lipa: identifies nationally
ADMINISTRATOR = "admin@waypoint.test"  # runs the linkage with --trained-at
NAME_FIELDS = ("given_name", "family_name", "father_name")
DIFFERENCES = ("script", "name", "date of birth", "nationality")


@dataclass
class Check:
    """One registration's check: who it truly is and what the stop showed."""

    position: int
    person: str
    repeat: bool
    hits: list[tuple[float, bool]]  # (probability, the hit is the same person), best first
    milliseconds: float
    cpu_milliseconds: float  # the process's CPU time: steadier on a shared machine
    differs: tuple[str, ...] = ()  # for a repeat: what matches none of its earlier records

    def stopped(self, cut_off: float) -> bool:
        return any(probability >= cut_off for probability, _same in self.hits)

    def caught(self, cut_off: float) -> bool:
        return any(same for probability, same in self.hits if probability >= cut_off)

    def first_right(self, cut_off: float) -> bool:
        return bool(self.hits) and self.hits[0][0] >= cut_off and self.hits[0][1]


@dataclass
class Written:
    """What an earlier record of a person said, to tell how a repeat differs."""

    script: str
    names: frozenset[str]
    birth_date: datetime.date | None
    nationality: str


@dataclass
class Run:
    checks: list[Check] = field(default_factory=list)
    refused: dict[str, int] = field(default_factory=dict)  # form errors, by field
    seconds: float = 0.0
    trained: bool = False
    current: float = 0.5  # Waypoint's cut-off (``LIKELY_DUPLICATE``) when the run began


# --- The records as an officer types them -------------------------------------------------


def registration_order(rows: list[dict[str, str]], seed: int, order: str) -> list[dict[str, str]]:
    """The records in the order they are registered: shuffled, each person's in sequence."""
    if order == "generator":
        return rows
    slots = list(range(len(rows)))
    random.Random(f"order|{seed}").shuffle(slots)
    by_person: dict[str, list[int]] = defaultdict(list)
    for index, row in enumerate(rows):
        by_person[row["person_id"]].append(index)
    ordered: list[dict[str, str]] = [{} for _ in rows]
    for indices in by_person.values():
        for position, index in zip(sorted(slots[i] for i in indices), indices, strict=True):
            ordered[position] = rows[index]
    return ordered


def script_of(text: str) -> str:
    """``latin``, or the first other script a letter of ``text`` is written in."""
    for character in text:
        if character.isalpha():
            script = unicodedata.name(character, "UNKNOWN").split()[0]
            if script != "LATIN":
                return script.lower()
    return "latin"


def birth_date_of(written: str) -> tuple[str, str]:
    """(date as the form reads it, precision). A year alone is typed 01.01.YYYY, as is a
    placeholder: both say only the year (the demo records them the same way)."""
    if re.fullmatch(r"\d{4}", written):
        return f"01.01.{written}", "year"
    if written.startswith(("01.01.", "1.1.")) or written.endswith("-01-01"):
        return written, "year"
    return written, "exact"


def form_data(row: dict[str, str], site_code: str) -> dict[str, str]:
    """The registration form as the officer fills it from the clerk's record: a name in its
    own script goes to the original-script field, its Latin field left for the form."""
    born, precision = birth_date_of(row["birth_date"])
    data = {
        "site": site_code,
        "sex": row["sex"] or "U",  # the form asks; unrecorded is "Unknown"
        "birth_date": born,
        "birth_date_precision": precision,
        "nationality": row["nationality"],
        "phone": row["phone"],
    }
    for name in NAME_FIELDS:
        original = script_of(row[name]) != "latin"
        data[f"{name}_original" if original else name] = row[name]
    return data


def written(row: dict[str, str], cleaned: dict[str, Any]) -> Written:
    names = f"{cleaned['given_name']} {cleaned['family_name']}".casefold().split()
    return Written(
        script=script_of(f"{row['given_name']} {row['family_name']}"),
        names=frozenset(names),
        birth_date=cleaned.get("birth_date"),
        nationality=cleaned.get("nationality", ""),
    )


def differences(record: Written, earlier: Sequence[Written]) -> tuple[str, ...]:
    """What ``record`` writes unlike every earlier record of the person (word order aside)."""
    found = []
    for label, attribute in zip(
        DIFFERENCES, ("script", "names", "birth_date", "nationality"), strict=True
    ):
        value = getattr(record, attribute)
        if all(getattr(other, attribute) != value for other in earlier):
            found.append(label)
    return tuple(found)


# --- The run ------------------------------------------------------------------------------


def cleaned(row: dict[str, str], site_code: str, sites: Any) -> tuple[dict[str, Any], list[str]]:
    """(the registration form's cleaned data, the fields it refused) for one record."""
    from waypoint.people.forms import RegisterForm

    form = RegisterForm(form_data(row, site_code), sites=sites)
    del form.fields["relationship"]  # no household: the page drops it too
    if not form.is_valid():
        return {}, list(form.errors)
    data = dict(form.cleaned_data)
    data.pop("household", None)
    return data, []


def linkage_train(position: int) -> bool:
    """Deduplicate the registry as the administrator, so that later checks are ranked by
    the model it trains (``linkage.queries.candidate_probabilities`` reads the newest)."""
    from waypoint.accounts.models import User
    from waypoint.linkage.services import run_execute, run_request

    administrator = User.objects.get(email=ADMINISTRATOR)
    linkage = run_execute(run=run_request(actor=administrator, background=False))
    print(f"linkage run after {position:,} records: {linkage.status}", file=sys.stderr)
    return linkage.status == "done"


def register_all(rows: list[dict[str, str]], *, trained_at: float | None) -> Run:
    """Check, then register, every record in order; return what each check showed."""
    from django.db import transaction

    from waypoint.accounts.models import User
    from waypoint.people import queries
    from waypoint.people.services import person_register

    officer = User.objects.get(email=OFFICER)
    sites = queries.registration_sites_for(officer)
    run = Run(current=queries.LIKELY_DUPLICATE)
    # Every hit, whatever its probability, so one run judges every cut-off: the search
    # does not depend on the cut-off, which only filters its finished hits.
    queries.LIKELY_DUPLICATE = 0.0
    truth: dict[int, str] = {}  # Waypoint person id -> the generator's person
    earlier: dict[str, list[Written]] = defaultdict(list)
    counted_from = 0 if trained_at is None else int(len(rows) * trained_at)
    started = time.perf_counter()
    for position, row in enumerate(rows):
        if trained_at is not None and position == counted_from:
            run.trained = linkage_train(position)
        if position and position % 1000 == 0:
            elapsed = time.perf_counter() - started
            print(f"{position:,} records in {elapsed:.0f} s", file=sys.stderr, flush=True)
        data, refused = cleaned(row, sites[0].code, sites)
        for name in refused:
            run.refused[name] = run.refused.get(name, 0) + 1
        if refused:
            continue
        begun, begun_cpu = time.perf_counter(), time.process_time()
        hits = queries.likely_duplicates(officer, data)
        milliseconds = (time.perf_counter() - begun) * 1000
        cpu_milliseconds = (time.process_time() - begun_cpu) * 1000
        with transaction.atomic():
            person = person_register(actor=officer, **data)
        truth[person.pk] = row["person_id"]
        history = earlier[row["person_id"]]
        record = written(row, data)
        if position >= counted_from:
            run.checks.append(
                Check(
                    position=position,
                    person=row["person_id"],
                    repeat=bool(history),
                    hits=[
                        (hit.probability or 0.0, truth.get(hit.person_id) == row["person_id"])
                        for hit in hits
                    ],
                    milliseconds=milliseconds,
                    cpu_milliseconds=cpu_milliseconds,
                    differs=differences(record, history) if history else (),
                )
            )
        history.append(record)
    run.seconds = time.perf_counter() - started
    return run


# --- The figures --------------------------------------------------------------------------


def share(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "–"


def cut_off_rows(checks: list[Check], cut_offs: Sequence[float], current: float) -> list[str]:
    repeats = [check for check in checks if check.repeat]
    newcomers = [check for check in checks if not check.repeat]
    half = (checks[0].position + checks[-1].position) / 2 if checks else 0
    late = [check for check in newcomers if check.position >= half]
    lines = []
    for cut_off in cut_offs:
        stops = [check for check in checks if check.stopped(cut_off)]
        right = sum(check.caught(cut_off) for check in stops)
        cells = (
            f"**{cut_off}**" if cut_off == current else f"{cut_off}",
            share(sum(check.caught(cut_off) for check in repeats), len(repeats)),
            share(sum(check.first_right(cut_off) for check in repeats), len(repeats)),
            share(sum(check.stopped(cut_off) for check in newcomers), len(newcomers)),
            share(sum(check.stopped(cut_off) for check in late), len(late)),
            share(right, len(stops)),
            f"{len(stops) / len(checks) * 100:.1f}" if checks else "–",
        )
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def difference_rows(checks: list[Check], cut_offs: Sequence[float]) -> list[str]:
    repeats = [check for check in checks if check.repeat]
    groups: list[tuple[str, list[Check]]] = [
        ("all repeats", repeats),
        *[
            (f"{label} unlike every earlier record", [c for c in repeats if label in c.differs])
            for label in DIFFERENCES
        ],
        ("name, date and nationality as before", [c for c in repeats if not c.differs]),
    ]
    lines = []
    for label, group in groups:
        best = [check.hits[0][0] if check.hits else 0.0 for check in group]
        cells = [
            label,
            f"{len(group):,}",
            *(share(sum(check.caught(cut) for check in group), len(group)) for cut in cut_offs),
            f"{statistics.median(best):.2f}" if best else "–",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def machine(engine: str) -> str:
    if engine == "SQLite":
        version = f"SQLite {sqlite3.sqlite_version}"
    else:
        from django.db import connection

        version = f"PostgreSQL {connection.cursor().connection.info.server_version}"
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {version}"
    )


def report(arguments: argparse.Namespace, run: Run, records: int, engine: str) -> None:
    checks = run.checks
    repeats = sum(check.repeat for check in checks)
    command = f"uv run python benchmarks/duplicate_stop.py --people {arguments.people}"
    command += f" --seed {arguments.seed}" + (" --postgres" if arguments.postgres else "")
    if arguments.order != "shuffled":
        command += f" --order {arguments.order}"
    if arguments.trained_at is not None:
        command += f" --trained-at {arguments.trained_at}"
    if tuple(arguments.cut_offs) != CUT_OFFS:
        command += " --cut-offs " + ",".join(str(cut) for cut in arguments.cut_offs)
    model = "trained by a linkage run" if run.trained else "priors (no linkage run)"
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    print(f"\n`{command}` ({now}; {machine(engine)})\n")
    print(
        f"{arguments.people:,} people, {records:,} records registered one by one in "
        f"{run.seconds:.0f} s ({arguments.order} order); {len(checks):,} checks counted: "
        f"{repeats:,} repeat registrations, {len(checks) - repeats:,} newcomers; "
        f"model: {model}; refused by the form: "
        f"{sum(run.refused.values())} {dict(sorted(run.refused.items())) or ''}\n"
    )
    ceiling = [check for check in checks if check.repeat and check.caught(0.0)]
    print(
        f"The right person is among a repeat's hits at any probability (the most a cut-off "
        f"can catch) for {share(len(ceiling), repeats)} of repeats; "
        f"{share(sum(not check.hits for check in checks if check.repeat), repeats)} "
        f"get no hit at all.\n"
    )
    print(
        "| cut-off | repeats caught (right person among hits) | right person first "
        "| newcomers stopped needlessly | needless, last half | precision of a stop "
        "| stops per 100 registrations |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for line in cut_off_rows(checks, arguments.cut_offs, run.current):
        print(line)
    print(
        "\n| repeats whose … | n | "
        + " | ".join(f"caught at {cut}" for cut in arguments.cut_offs)
        + " | best hit's probability, median |"
    )
    print("|---|---:|" + "---:|" * (len(arguments.cut_offs) + 1))
    for line in difference_rows(checks, arguments.cut_offs):
        print(line)
    if not checks:
        return
    print("\n| `likely_duplicates` latency | median ms | p95 ms | p99 ms |")
    print("|---|---:|---:|---:|")
    tenth = max(1, len(checks) // 10)
    for label, values in (
        ("wall, every check", [check.milliseconds for check in checks]),
        ("wall, last tenth of the run", [check.milliseconds for check in checks[-tenth:]]),
        ("CPU, every check", [check.cpu_milliseconds for check in checks]),
        ("CPU, last tenth of the run", [check.cpu_milliseconds for check in checks[-tenth:]]),
    ):
        print(
            f"| {label} | {statistics.median(values):.1f} | {percentile(values, 0.95):.1f} "
            f"| {percentile(values, 0.99):.1f} |"
        )


def setup_registry() -> None:
    """Django on the prepared database, migrated, BiH places and the demo personas."""
    import django

    django.setup()
    from django.core.management import call_command

    from waypoint.demo.personas import personas_ensure
    from waypoint.places.services import places_load

    call_command("migrate", verbosity=0)
    places_load()
    personas_ensure(password="benchmark-only-password")  # noqa: S106 (a throwaway database)


def main(argv: Iterable[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--order", choices=("shuffled", "generator"), default="shuffled")
    parser.add_argument(
        "--trained-at",
        type=float,
        metavar="F",
        help="run a linkage once the share F of the records is registered; count the "
        "checks after it",
    )
    parser.add_argument(
        "--cut-offs",
        type=lambda text: [float(cut) for cut in text.split(",")],
        default=list(CUT_OFFS),
        metavar="A,B,...",
        help="the cut-offs to report (default: %(default)s)",
    )
    arguments = parser.parse_args(None if argv is None else list(argv))
    rows = registration_order(
        list(generate(arguments.people, arguments.seed)), arguments.seed, arguments.order
    )
    engine = "PostgreSQL" if arguments.postgres else "SQLite"
    with tempfile.TemporaryDirectory(prefix="waypoint-bench-") as directory:
        database = prepare_database(arguments.postgres, Path(directory))
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "waypoint.settings")
        os.environ.setdefault("WAYPOINT_LOG_LEVEL", "WARNING")
        try:
            setup_registry()
            run = register_all(rows, trained_at=arguments.trained_at)
            report(arguments, run, len(rows), engine)
        finally:
            from django.db import connections

            connections.close_all()
            if database:
                subprocess.run(
                    ["psql", f"{PG}/postgres", "-qc", f"DROP DATABASE {database}"], check=False
                )


if __name__ == "__main__":
    main()
