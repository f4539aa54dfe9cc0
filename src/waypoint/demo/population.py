"""Writing the synthetic population: into ``Person`` rows, or into a CSV file for benchmarks.

Every row written here is marked ``is_synthetic``; nobody in it is a real person. Beside
the data goes a ground-truth CSV saying which registrations are the same individual, which
is what linkage is measured against.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from django.db import connection, transaction
from django.db.models import Max, Q
from django.db.models.functions import Substr

from waypoint.audit.models import Action
from waypoint.audit.services import audit_record
from waypoint.demo.generator import (
    CENTRE_PREFIXES,
    UASC,
    SyntheticRecord,
    population_generate,
)
from waypoint.people.identifiers import registration_number
from waypoint.people.models import (
    DocumentType,
    Household,
    HouseholdMember,
    IdentityDocument,
    NameKey,
    Person,
)
from waypoint.people.names import person_name_keys
from waypoint.places.models import Site
from waypoint.places.services import places_load

BATCH_SIZE = 5000
DUPLICATE_RATE = 0.10
MAX_SERIAL = 9_999_999
ACTOR_LABEL = "waypoint demo"
GROUND_TRUTH_COLUMNS = ("registration_number", "true_person_id", "household_id", "record_key")
CSV_COLUMNS = (
    "record_key",
    "given_name",
    "family_name",
    "father_name",
    "mother_name",
    "given_name_original",
    "family_name_original",
    "sex",
    "birth_date",
    "birth_place",
    "nationality",
    "phone",
    "document_number",
    "site_code",
    "registered_on",
)

Progress = Callable[[int, int], None]


class PopulationError(Exception):
    """The population cannot be written; the message says why in one line."""


@dataclass(frozen=True)
class BuildReport:
    persons_written: int
    individuals: int
    duplicates_planted: int
    households: int
    removed: int
    elapsed_seconds: float
    ground_truth_path: Path
    data_path: Path | None = None  # the CSV file, when written without the database


def population_build(
    *,
    people: int,
    seed: int,
    reset: bool,
    ground_truth_path: Path,
    progress: Progress | None = None,
    duplicate_rate: float = DUPLICATE_RATE,
    until: date | None = None,
    batch_size: int = BATCH_SIZE,
) -> BuildReport:
    """Write ``people`` synthetic individuals and their planted second registrations.

    Each registration is written as ``person_register`` would leave it: a ``Person`` with
    its serial and registration number (the centre's prefix; serials count on from the
    highest already issued, so after a reset the same (people, seed) gives the same
    numbers), last seen where it registered, its name search keys, and for families a
    ``Household`` with its members; unaccompanied children are flagged. Rows go in with
    ``bulk_create``, one transaction per batch; ``reset`` first removes every earlier
    synthetic person and their households. Loads the places first when there are no sites.
    ``progress`` is called after each batch with (individuals so far, people). A failure
    part-way leaves the batches already written; a later build with ``reset`` clears them.
    """
    started = time.monotonic()
    _check_size(people)
    removed = population_remove(batch_size=batch_size) if reset else 0
    sites = _centres()
    first_serial = _highest_serial() + 1
    _check_serials(first_serial, people, duplicate_rate)
    records = population_generate(
        people=people, seed=seed, duplicate_rate=duplicate_rate, until=until
    )
    writer = _DatabaseWriter(sites, batch_size)
    with _GroundTruth(ground_truth_path) as truth:
        for serial, record in enumerate(records, start=first_serial):
            if serial > MAX_SERIAL:
                raise PopulationError(f"registration serials would pass {MAX_SERIAL:,}")
            truth.write(writer.add(record, serial), record)
            if writer.full:
                writer.flush()
                if progress is not None:
                    progress(truth.individuals, people)
        writer.flush(final=True)
        if progress is not None:
            progress(truth.individuals, people)
    audit_record(
        actor=None,
        action=Action.IMPORT,
        object_type="people.person",
        actor_label=ACTOR_LABEL,
        purpose=f"synthetic demo population: {truth.rows} registrations (seed {seed})",
    )
    return truth.report(removed=removed, started=started)


def population_remove(*, batch_size: int = BATCH_SIZE) -> int:
    """Delete every synthetic person and their households, a batch at a time.

    Returns how many persons went. Their search keys, household memberships and other
    dependent rows go with them.
    """
    removed = 0
    last_pk = 0
    while True:
        ids = list(
            Person.objects.filter(is_synthetic=True, pk__gt=last_pk)
            .order_by("pk")
            .values_list("pk", flat=True)[:batch_size]
        )
        if not ids:
            break
        with transaction.atomic():
            _persons_delete(ids)
        removed += len(ids)
        last_pk = ids[-1]
    if removed:
        audit_record(
            actor=None,
            action=Action.DELETE,
            object_type="people.person",
            actor_label=ACTOR_LABEL,
            purpose=f"synthetic demo population removed: {removed} registrations",
        )
    return removed


def _persons_delete(ids: list[int]) -> None:
    """Delete these persons with their households and search keys.

    Django's cascading delete asks every related table about every batch of persons and
    takes minutes at a million; when nothing but what this module writes refers to them,
    one DELETE does. Anything else referring to them (documents, stays...) and Django
    cascades, protects or sets null as each relation says.
    """
    households = HouseholdMember.objects.filter(person_id__in=ids).values("household_id")
    Household.objects.filter(Q(pk__in=households) | Q(head_id__in=ids)).delete()
    NameKey.objects.filter(person_id__in=ids).delete()
    if Person._meta.many_to_many or any(
        relation.related_model._base_manager.filter(**{f"{relation.field.name}__in": ids}).exists()
        for relation in Person._meta.related_objects
    ):
        Person.objects.filter(pk__in=ids).delete()
        return
    table = connection.ops.quote_name(Person._meta.db_table)
    key = _column(Person._meta.pk)
    placeholders = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE {key} IN ({placeholders})", ids)  # noqa: S608


def population_write_csv(
    *,
    people: int,
    seed: int,
    path: Path,
    ground_truth_path: Path,
    progress: Progress | None = None,
    duplicate_rate: float = DUPLICATE_RATE,
    until: date | None = None,
) -> BuildReport:
    """Write the same population as a CSV file, without the database (for benchmarks).

    Columns are ``CSV_COLUMNS``, dates in ISO form; ``record_key`` joins a row to the
    ground truth, whose registration numbers are the ones a build into an empty database
    would give.
    """
    started = time.monotonic()
    _check_size(people)
    _check_serials(1, people, duplicate_rate)
    records = population_generate(
        people=people, seed=seed, duplicate_rate=duplicate_rate, until=until
    )
    with _GroundTruth(ground_truth_path) as truth, _Replacing(path) as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for serial, record in enumerate(records, start=1):
            if serial > MAX_SERIAL:
                raise PopulationError(f"registration serials would pass {MAX_SERIAL:,}")
            writer.writerow(
                (
                    record.record_key,
                    record.given_name,
                    record.family_name,
                    record.father_name,
                    record.mother_name,
                    record.given_name_original,
                    record.family_name_original,
                    record.sex,
                    record.birth_date.isoformat(),
                    record.birth_place,
                    record.nationality,
                    record.phone,
                    record.document_number,
                    record.site_code,
                    record.registered_on.isoformat(),
                )
            )
            truth.write(registration_number(CENTRE_PREFIXES[record.site_code], serial), record)
            if progress is not None and serial % 1000 == 0:
                progress(truth.individuals, people)
        if progress is not None:
            progress(truth.individuals, people)
    return truth.report(removed=0, started=started, data_path=path)


def _check_size(people: int) -> None:
    if people < 0:
        raise PopulationError("the number of people must not be negative")


def _check_serials(first_serial: int, people: int, duplicate_rate: float) -> None:
    # Duplicates vary around the rate; leave room for chance.
    expected = int(people * (1 + duplicate_rate) * 1.01) + 100
    if first_serial + expected > MAX_SERIAL:
        raise PopulationError(
            f"{people:,} people and their duplicates need more registration serials than "
            f"the {MAX_SERIAL - first_serial + 1:,} left: remove earlier demo data or ask "
            "for fewer people"
        )


def _centres() -> dict[str, tuple[int, str]]:
    """Site code -> (id, registration prefix) for the centres the generator uses."""
    if not Site.objects.exists():
        places_load()
    found = {
        site.code: (site.pk, site.registration_prefix or CENTRE_PREFIXES[site.code])
        for site in Site.objects.filter(code__in=CENTRE_PREFIXES)
    }
    missing = sorted(set(CENTRE_PREFIXES) - set(found))
    if missing:
        raise PopulationError(f"these centres are missing from places: {', '.join(missing)}")
    return found


def _highest_serial() -> int:
    # Registrations keep their serial in ``serial``; rows without one still carry it in
    # the number ("LIP-0001234-7"), seven zero-padded digits, so the highest string is
    # the highest serial whatever the prefix.
    found = Person.objects.aggregate(
        serial=Max("serial"), in_number=Max(Substr("registration_number", 5, 7))
    )
    in_number = found["in_number"]
    return max(found["serial"] or 0, int(in_number) if in_number and in_number.isdigit() else 0)


class _DatabaseWriter:
    """Collects persons into batches and writes each batch with what belongs to it.

    A family's registrations come one after another but may straddle two batches, so its
    household is written once its last member has been.
    """

    def __init__(self, sites: dict[str, tuple[int, str]], batch_size: int) -> None:
        self.sites = sites
        self.batch_size = batch_size
        self.batch: list[tuple[Person, SyntheticRecord]] = []
        self.family: list[tuple[Person, SyntheticRecord]] = []

    @property
    def full(self) -> bool:
        return len(self.batch) >= self.batch_size

    def add(self, record: SyntheticRecord, serial: int) -> str:
        """Queue one registration; return its registration number."""
        site_id, prefix = self.sites[record.site_code]
        number = registration_number(prefix, serial)
        self.batch.append((_person(record, number, serial, site_id), record))
        return number

    def flush(self, *, final: bool = False) -> None:
        with transaction.atomic():
            Person.objects.bulk_create([person for person, _record in self.batch])
            IdentityDocument.objects.bulk_create(
                IdentityDocument(
                    person_id=person.pk,
                    kind=DocumentType.PASSPORT,
                    number=record.document_number,
                    issuing_country=record.nationality,
                )
                for person, record in self.batch
                if record.document_number
            )
            _name_keys_insert(
                (person.pk, key)
                for person, record in self.batch
                for key in sorted(record_name_keys(record))
            )
            self._households(final=final)
        self.batch = []

    def _households(self, *, final: bool) -> None:
        complete: list[list[tuple[Person, SyntheticRecord]]] = []
        for person, record in self.batch:
            if self.family and not _same_household(self.family[0][1], record):
                complete.append(self.family)
                self.family = []
            if record.household_id is not None:
                self.family.append((person, record))
        if final and self.family:
            complete.append(self.family)
            self.family = []
        if not complete:
            return
        households = Household.objects.bulk_create(
            Household(head_id=members[0][0].pk) for members in complete
        )
        HouseholdMember.objects.bulk_create(
            HouseholdMember(
                household_id=household.pk, person_id=person.pk, relationship=record.relationship
            )
            for household, members in zip(households, complete, strict=True)
            for person, record in members
        )


def record_name_keys(record: SyntheticRecord) -> set[str]:
    """The search keys a registration of ``record`` gets (``people.names``)."""
    return person_name_keys(record)


def _column(field: Any) -> str:
    return connection.ops.quote_name(field.column or field.attname)


def _name_keys_insert(rows: Iterable[tuple[int, str]]) -> None:
    # Several keys per person make this the biggest table written; plain parameterised
    # INSERTs skip building a model object per key, which took most of the time.
    table = connection.ops.quote_name(NameKey._meta.db_table)
    person = _column(NameKey._meta.get_field("person"))
    key = _column(NameKey._meta.get_field("key"))
    with connection.cursor() as cursor:
        sql = f"INSERT INTO {table} ({person}, {key}) VALUES (%s, %s)"  # noqa: S608 (names from the model)
        cursor.executemany(sql, list(rows))


def _same_household(one: SyntheticRecord, other: SyntheticRecord) -> bool:
    return (one.household_id, one.registration) == (other.household_id, other.registration)


def _person(record: SyntheticRecord, number: str, serial: int, site_id: int) -> Person:
    return Person(
        registration_number=number,
        serial=serial,
        given_name=record.given_name,
        family_name=record.family_name,
        father_name=record.father_name,
        mother_name=record.mother_name,
        given_name_original=record.given_name_original,
        family_name_original=record.family_name_original,
        father_name_original=record.father_name_original,
        mother_name_original=record.mother_name_original,
        sex=record.sex,
        birth_date=record.birth_date,
        birth_date_precision=record.birth_date_precision,
        nationality=record.nationality,
        country_of_birth=record.nationality if record.birth_place else "",
        place_of_birth=record.birth_place,
        phone=record.phone,
        unaccompanied=record.profile == UASC,
        registered_at_id=site_id,
        registered_on=record.registered_on,
        last_seen_at_id=site_id,
        last_seen_on=record.registered_on,
        is_synthetic=True,
    )


class _Replacing:
    """A text file written beside its final name and moved into place only when complete."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.partial = self.path.with_name(self.path.name + ".partial")

    def __enter__(self):  # type: ignore[no-untyped-def]
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.handle = self.partial.open("w", newline="", encoding="utf-8")
        return self.handle

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        self.handle.close()
        if kind is None:
            self.partial.replace(self.path)
        else:
            self.partial.unlink(missing_ok=True)


class _GroundTruth:
    """Streams the ground-truth CSV and counts what went into it."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.file = _Replacing(self.path)
        self.rows = self.individuals = self.duplicates = 0
        self.last_household = 0

    def __enter__(self) -> _GroundTruth:
        self.writer = csv.writer(self.file.__enter__(), lineterminator="\n")
        self.writer.writerow(GROUND_TRUTH_COLUMNS)
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        self.file.__exit__(kind, error, trace)

    def write(self, number: str, record: SyntheticRecord) -> None:
        household = record.household_id
        self.writer.writerow(
            (
                number,
                record.true_person_id,
                "" if household is None else household,
                record.record_key,
            )
        )
        self.rows += 1
        if record.is_duplicate:
            self.duplicates += 1
        else:
            self.individuals += 1
        if household is not None:
            # Household ids count up from 1, so the highest one seen is how many there are.
            self.last_household = max(self.last_household, household)

    def report(self, *, removed: int, started: float, data_path: Path | None = None) -> BuildReport:
        return BuildReport(
            persons_written=self.rows,
            individuals=self.individuals,
            duplicates_planted=self.duplicates,
            households=self.last_household,
            removed=removed,
            elapsed_seconds=time.monotonic() - started,
            ground_truth_path=self.path,
            data_path=data_path,
        )
