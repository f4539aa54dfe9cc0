"""Demo lists that see people outside the centres, and the estimate they allow.

Over the last 30 days some of the synthetic people are outside the centres: registered
earlier and gone from the centres since, or never registered at all (another draw of the
synthetic generator). Each has a visibility of their own (some sleep in the open near the
border and meet every team, some stay in a rented room and meet none), and three lists see
them: the outreach teams' named contacts (registered people only: a team finds them by their
registration number), a police apprehension list and the asylum-intention certificates of the
Service for Foreigners' Affairs, which the police often hand out after an apprehension.
Residents of the centres appear on those two lists as well, less often.

Everything goes through the services a real team would use (outreach contacts, outside-list
import and linkage, the estimate), so the demo estimate is made the way an analyst's is. The
true number of people outside the centres is known here and reported beside the estimate.
"""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Q
from django.utils import timezone

from waypoint.demo.generator import population_generate
from waypoint.estimation.models import ListKind, OutsideList, StoredEstimate
from waypoint.estimation.services import estimate_publish, estimate_run, outside_list_import
from waypoint.linkage.queries import identity_groupings
from waypoint.people.models import Person
from waypoint.protection.models import OutreachContact, OutreachService
from waypoint.protection.services import outreach_record
from waypoint.reception.models import Stay

DAYS = 30
DEMO_NOTE = "demo"
OUTSIDE_SHARE = 0.5  # of the registered people not in a centre, how many are still around
HIDDEN_PER_REGISTERED = 0.8  # people never registered, per registered person outside
COLUMNS = ["id", "given_name", "family_name", "birth_date", "sex", "nationality"]


@dataclass(frozen=True)
class OutsideReport:
    first_day: date
    last_day: date
    in_centres: int
    outside: int  # the true number of people outside the centres throughout the period
    outreach: int
    police: int
    certificates: int
    estimate: StoredEstimate | None


@dataclass(frozen=True)
class _Someone:
    row: dict[str, str]
    person: Person | None
    visibility: float


def _row(given: str, family: str, birth: date, sex: str, nationality: str) -> dict[str, str]:
    return {
        "given_name": given,
        "family_name": family,
        "birth_date": birth.strftime("%d.%m.%Y"),
        "sex": sex,
        "nationality": nationality,
    }


def _csv(rows: list[dict[str, str]], prefix: str) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    for number, row in enumerate(rows, start=1):
        writer.writerow({"id": f"{prefix}-{number:05d}", **row})
    return out.getvalue().encode("utf-8")


def _people(rng: random.Random, first: date, last: date, seed: int) -> tuple[list, list, int]:
    """(residents, people outside the centres, people in centres) over the period."""
    start = timezone.make_aware(datetime.combine(first, time.min))
    staying = set(
        Stay.objects.filter(Q(exited_at__isnull=True) | Q(exited_at__gte=start)).values_list(
            "person_id", flat=True
        )
    )
    # One entry per person as deduplication sees them, not per registration.
    group_of = identity_groupings().get("chosen", {})
    seen: set[int] = set()
    residents, outside = [], []
    for person in Person.objects.filter(is_synthetic=True).order_by("pk"):
        group = group_of.get(person.pk, person.pk)
        if group in seen:
            continue
        seen.add(group)
        row = _row(
            person.given_name,
            person.family_name,
            person.birth_date or date(1990, 1, 1),
            person.sex,
            person.nationality,
        )
        if person.pk in staying:
            residents.append(_Someone(row, person, rng.betavariate(2, 3)))
        elif rng.random() < OUTSIDE_SHARE:
            outside.append(_Someone(row, person, rng.betavariate(2, 3)))
    hidden = int(len(outside) * HIDDEN_PER_REGISTERED)
    for record in population_generate(people=hidden, seed=seed + 7919, duplicate_rate=0.0):
        row = _row(
            record.given_name,
            record.family_name,
            record.birth_date,
            record.sex,
            record.nationality,
        )
        outside.append(_Someone(row, None, rng.betavariate(2, 3)))
    return residents, outside, len(staying)


def outside_build(
    *, analyst: Any, outreach_worker: Any, seed: int, today: date | None = None
) -> OutsideReport:
    """Outreach contacts, a police list and asylum-intention certificates over the last 30
    days, the estimate of the people outside the centres from them, published."""
    rng = random.Random(f"{seed}:outside")
    last = today or timezone.localdate()
    first = last - timedelta(days=DAYS - 1)
    residents, outside, in_centres = _people(rng, first, last, seed)
    police: list[dict[str, str]] = []
    certificates: list[dict[str, str]] = []
    outreach = 0
    for someone in outside:
        seen = someone.visibility
        if someone.person is not None and rng.random() < 0.15 + 0.6 * seen:
            outreach_record(
                actor=outreach_worker,
                contacted_on=first + timedelta(days=rng.randrange(DAYS)),
                municipality=someone.person.registered_at.municipality,
                person=someone.person,
                services=[rng.choice(OutreachService.values)],
                notes=DEMO_NOTE,
            )
            outreach += 1
        apprehended = rng.random() < 0.05 + 0.5 * seen
        if apprehended:
            police.append(someone.row)
        if rng.random() < (0.35 if apprehended else 0.05) + 0.3 * seen:
            certificates.append(someone.row)
    for someone in residents:
        if rng.random() < 0.05:
            police.append(someone.row)
        if rng.random() < 0.15:
            certificates.append(someone.row)
    rng.shuffle(police)
    rng.shuffle(certificates)
    keys = []
    for name, kind, rows, prefix in (
        ("Police apprehensions (demo)", ListKind.POLICE, police, "MUP"),
        ("Asylum-intention certificates (demo)", ListKind.ASYLUM_INTENTION, certificates, "SPS"),
    ):
        if not rows:
            continue
        imported = outside_list_import(
            actor=analyst,
            name=name,
            kind=kind,
            filename=f"{prefix.lower()}.csv",
            data=_csv(rows, prefix),
            id_column="id",
            mapping=",".join(f"{column}={column}" for column in COLUMNS[1:]),
            first_day=first,
            last_day=last,
        )
        OutsideList.objects.filter(pk=imported.pk).update(is_synthetic=True)
        keys.append(f"list:{imported.pk}")
    stored = None
    if len(keys) == 2 and outreach:
        stored = estimate_run(
            actor=analyst,
            source="registry",
            first_day=first,
            last_day=last,
            lists=["centres", "outreach", *keys],
            bootstrap=200,
        )
        estimate_publish(actor=analyst, stored=stored)
    return OutsideReport(
        first_day=first,
        last_day=last,
        in_centres=in_centres,
        outside=len(outside),
        outreach=outreach,
        police=len(police),
        certificates=len(certificates),
        estimate=stored,
    )


def outside_remove() -> int:
    """Delete the demo's outside lists and outreach contacts (before the people go)."""
    lists, _by_model = OutsideList.objects.filter(is_synthetic=True).delete()
    contacts, _by_model = OutreachContact.objects.filter(
        Q(person__is_synthetic=True) | Q(notes=DEMO_NOTE)
    ).delete()
    return lists + contacts
