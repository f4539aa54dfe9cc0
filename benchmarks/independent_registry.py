"""A reception registry of migrants in Bosnia and Herzegovina, with ground truth, for judging
record linkage on data it was not shaped on.

    uv run python benchmarks/independent_registry.py --people 100000 --seed 1 --output DIR

writes ``DIR/registry.csv`` (record_id, person_id [the truth], given_name, family_name,
father_name, birth_date, sex, nationality, phone, document_number; blank where not recorded)
and prints one line: people, records, true pairs. ``generate(people, seed)`` yields the same
rows (in household order; the CLI writes them shuffled). Names come from
``independent_names.py``; nothing here comes from ``waypoint``.

The shape, chosen to be plausible for BiH reception registries (2019–2024 arrivals: many
Afghans, Moroccans and Pakistanis, then Bangladeshis, Syrians/Iraqis, Kurds, Turks, Nepalis
and Indians, some Iranians, Egyptians, Algerians, Tunisians, Libyans, and the 2022 Cuban and
Burundian arrivals that came by air to Serbia):

- communities (share of households): AFG 24%, MAG (MAR/DZA/TUN/LBY) 17%, PAK 14%,
  LEV (SYR/IRQ) 9%, BGD 8%, NPL 3%, IND (Punjabi) 3%, KUR (SYR/IRQ/TUR/IRN/stateless) 5%, TUR 5%,
  IRN 4%, EGY 3%, BDI 3%, CUB 2% (``COMMUNITY_SHARES``);
- households (``HOUSEHOLDS``): single adults are most (64–94% of households by community,
  a few are women, 8% are unaccompanied boys of 14–17); families (a father and/or mother
  with 1–5 children born 1–4 years apart, 3% of births twins) are 1–30% of households by
  community; siblings travelling together (2–3 brothers, sometimes a sister) 5–8%. Children
  and siblings share family name and father's name: near-duplicates that are not the same
  person. A wife keeps her own family name and father's name;
- about 30% of people are registered again, 1 to 3 more times: a household registers again
  with probability 1/3 (once 60%, twice 28%, three times 12%) and each member comes along
  with probability 0.9;
- every registration is written by its own clerk (``independent_names``: a style and one
  clerk's habits, or the name copied in its own script: 8% of Afghan, 10% of Iranian,
  8% of Arab, 5% of Pakistani and Kurdish, 4% of Bangladeshi (Bengali) records); and
  independently may: drop one of two given names (10%), add Mohammad (3%, men of
  AFG/PAK/BGD), shorten Abdul Qadir to Qadir or Rahmatullah to Rahmat (12% of such names),
  swap given and family name (4%; Burundians 25%, whose Kirundi name often comes first),
  drop a Cuban's second surname (25%), typo one letter of one name (6%), leave out the
  father's name (30%), sex (3%);
- an Afghan without a family name (20% of Afghans) is written with his father's name as
  family name (60% of his records) or none;
- dates of birth: a person whose documents or declaration give only a year is written
  01.01.YYYY (``placeholder`` per community: AFG 45%, KUR 30%, PAK 25%, LEV 20%, BDI 20%,
  BGD 15%, MAG/EGY/IND 10%, IRN 5%, TUR/CUB 2%) in 85% of his records and with the true
  date otherwise; anyone else gets a placeholder in 5% of records. Independently per
  record: year only 3%, day and month swapped 4% (when both ≤ 12), year ±1 6% (age declared
  differently), ±2 1%, another day of the month 3%, another month 1%. Written DD.MM.YYYY
  (80%), YYYY-MM-DD (12%, software exports) or D.M.YYYY (8%); a year alone as YYYY;
- nationality: a neighbouring one in 4% of records (AFG↔PAK↔IRN, MAR↔DZA↔TUN↔LBY,
  SYR↔IRQ↔stateless XXA, BGD↔IND, NPL↔IND, EGY↔LBY, BDI↔RWA/COD); Kurds 15%;
- phone: households share one, children have none; per community 60–80% have one (half a
  BiH number, half from home). The first registration records it in 85% of cases, later
  ones keep it (50%), leave it out (30%) or record a new number (20%); written
  +387..., 00387..., or 06x xxx xxx;
- passport: per community 5% (AFG) to 85% (CUB) of people have one, recorded in 60% of
  records, mistyped in 10% of those (shapes of numbers, not real formats).

At 1,000,000 people the CLI streams rows to 64 temporary buckets and shuffles one bucket at
a time, so memory stays small; record ids are a bijective scramble of the running number, so
neither order nor id tells who registered together.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import os
import random
import sys
from array import array
from bisect import bisect
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from independent_names import COMMUNITIES, Community, abbreviated, typo, write

COLUMNS = (
    "record_id", "person_id", "given_name", "family_name", "father_name", "birth_date", "sex",
    "nationality", "phone", "document_number",
)  # fmt: skip

COMMUNITY_SHARES = {
    "AFG": 0.24, "MAG": 0.17, "PAK": 0.14, "LEV": 0.09, "BGD": 0.08, "NPL": 0.03, "IND": 0.03,
    "KUR": 0.05,
    "TUR": 0.05, "IRN": 0.04, "EGY": 0.03, "BDI": 0.03, "CUB": 0.02,
}  # fmt: skip


@dataclass(frozen=True)
class Habits:
    """How a community arrives and gets registered."""

    families: float  # share of households that are families
    siblings: float  # share of households that are siblings travelling together
    women: float  # share of single adults who are women
    placeholder: float  # people whose date of birth is only a year (written 01.01.YYYY)
    passport: float  # people who carry a passport
    phone: float  # adults with a phone


HOUSEHOLDS = {
    "AFG": Habits(0.18, 0.08, 0.02, 0.45, 0.05, 0.6),
    "PAK": Habits(0.02, 0.06, 0.00, 0.25, 0.15, 0.7),
    "BGD": Habits(0.01, 0.05, 0.00, 0.15, 0.25, 0.7),
    "IRN": Habits(0.25, 0.05, 0.05, 0.05, 0.35, 0.7),
    "LEV": Habits(0.25, 0.06, 0.03, 0.20, 0.15, 0.7),
    "KUR": Habits(0.30, 0.06, 0.03, 0.30, 0.10, 0.6),
    "MAG": Habits(0.01, 0.08, 0.01, 0.10, 0.20, 0.75),
    "EGY": Habits(0.01, 0.05, 0.00, 0.10, 0.30, 0.7),
    "TUR": Habits(0.15, 0.05, 0.03, 0.02, 0.60, 0.8),
    "NPL": Habits(0.01, 0.05, 0.00, 0.10, 0.40, 0.7),
    "IND": Habits(0.01, 0.05, 0.00, 0.10, 0.50, 0.7),
    "CUB": Habits(0.20, 0.05, 0.15, 0.02, 0.85, 0.8),
    "BDI": Habits(0.25, 0.05, 0.15, 0.20, 0.50, 0.6),
}

NEIGHBOURS = {
    "AFG": ("PAK", "IRN"), "PAK": ("AFG", "IND"), "IRN": ("AFG", "IRQ"),
    "MAR": ("DZA", "TUN", "LBY"), "DZA": ("MAR", "TUN", "LBY"), "TUN": ("DZA", "LBY", "MAR"),
    "LBY": ("TUN", "DZA", "EGY"), "EGY": ("LBY", "SYR"), "SYR": ("IRQ", "XXA"),
    "IRQ": ("SYR", "XXA", "IRN"), "XXA": ("SYR", "IRQ"), "TUR": ("SYR", "XXA"),
    "BGD": ("IND",), "IND": ("BGD", "NPL", "PAK"), "NPL": ("IND",), "CUB": ("DOM",),
    "BDI": ("RWA", "COD"),
}  # fmt: skip

COUNTRY_PHONE = {
    "AFG": ("93", 9), "PAK": ("92", 10), "BGD": ("880", 10), "IRN": ("98", 10),
    "SYR": ("963", 9), "IRQ": ("964", 10), "MAR": ("212", 9), "DZA": ("213", 9),
    "TUN": ("216", 8), "LBY": ("218", 9), "EGY": ("20", 10), "TUR": ("90", 10),
    "NPL": ("977", 10), "IND": ("91", 10), "CUB": ("53", 8), "BDI": ("257", 8),
}  # fmt: skip
PASSPORT_SHAPE = {
    "AFG": "LDDDDDDD", "PAK": "LLDDDDDDD", "BGD": "LLDDDDDDD", "IRN": "LDDDDDDDD",
    "SYR": "DDDDDDDDD", "IRQ": "LDDDDDDDD", "MAR": "LLDDDDDDD", "DZA": "DDDDDDDDD",
    "TUN": "LDDDDDD", "LBY": "LLDDDDDDD", "EGY": "LDDDDDDDD", "TUR": "LDDDDDDDD",
    "NPL": "LLDDDDDDD", "IND": "LDDDDDDD", "CUB": "LDDDDDD", "BDI": "LLDDDDDD",
}  # fmt: skip

REFERENCE_DAY = datetime.date(2024, 6, 1)
EXTRA_REGISTRATIONS = ((0, 2 / 3), (1, 0.2), (2, 28 / 300), (3, 0.04))
LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"


@dataclass
class Person:
    """The truth about one migrant, as the registries never see it whole."""

    number: int
    community: Community
    nationality: str
    sex: str
    given: tuple[str, ...]
    family: str  # "" for an Afghan without a family name
    father: tuple[str, ...]
    birth: datetime.date
    year_only: bool
    phone: str  # "cc|national" or ""
    passport: str


def _birth(rng: random.Random, low: int, high: int, mode: float) -> datetime.date:
    """A birth date for someone aged between low and high (most often mode) on the
    reference day."""
    age = rng.triangular(low, high + 0.999, mode)
    return REFERENCE_DAY - datetime.timedelta(days=int(age * 365.25))


def _phone(rng: random.Random, nationality: str) -> str:
    """A phone as "country code|national number": half from home, half a BiH SIM."""
    if nationality in COUNTRY_PHONE and rng.random() < 0.5:
        code, digits = COUNTRY_PHONE[nationality]
        return f"{code}|{rng.randrange(10 ** (digits - 1), 10**digits)}"
    return f"387|6{rng.randrange(7)}{rng.randrange(10**6):06d}"


def _passport(rng: random.Random, nationality: str) -> str:
    """A number in the country's rough shape (letters then digits)."""
    shape = PASSPORT_SHAPE.get(nationality)
    if not shape:
        return ""
    letters = shape.count("L")
    digits = len(shape) - letters
    prefix = "".join(rng.choice(LETTERS) for _ in range(letters))
    return f"{prefix}{rng.randrange(10**digits):0{digits}d}"


class _People:
    """Makes people household by household, numbering them."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.count = 0
        self.codes = list(COMMUNITY_SHARES)
        self.cumulative = list(accumulate(COMMUNITY_SHARES.values()))

    def _person(
        self,
        community: Community,
        habits: Habits,
        *,
        sex: str,
        birth: datetime.date,
        family: str,
        father: tuple[str, ...],
        nationality: str,
        phone: str,
    ) -> Person:
        rng = self.rng
        self.count += 1
        passport = ""
        if nationality != "XXA" and rng.random() < habits.passport:
            passport = _passport(rng, nationality)
        return Person(
            number=self.count,
            community=community,
            nationality=nationality,
            sex=sex,
            given=community.given(sex, rng),
            family=family,
            father=father,
            birth=birth,
            year_only=rng.random() < habits.placeholder,
            phone=phone,
            passport=passport,
        )

    def _family_name(self, community: Community) -> str:
        if community.code == "AFG" and self.rng.random() < 0.2:
            return ""
        return community.family_name(self.rng)

    def household(self) -> list[Person]:
        rng = self.rng
        code = self.codes[bisect(self.cumulative, rng.random() * self.cumulative[-1])]
        community = COMMUNITIES[code]
        habits = HOUSEHOLDS[code]
        nationality = community.nationality(rng)
        kind = rng.random()

        def adult_phone() -> str:
            return _phone(rng, nationality) if rng.random() < habits.phone else ""

        if kind < habits.families:
            return self._family(community, habits, nationality, adult_phone())
        if kind < habits.families + habits.siblings:
            family = self._family_name(community)
            father = community.given("M", rng)
            first = _birth(rng, 18, 35, 22)
            members = []
            for index in range(rng.choice((2, 2, 2, 3))):
                sex = "F" if index and rng.random() < 0.1 else "M"
                birth = first - datetime.timedelta(days=365 * index * rng.randint(1, 4))
                birth -= datetime.timedelta(days=rng.randrange(-120, 120))
                members.append(
                    self._person(
                        community, habits, sex=sex, birth=birth, family=family, father=father,
                        nationality=nationality, phone=adult_phone(),
                    )
                )  # fmt: skip
            return members
        sex = "F" if rng.random() < habits.women else "M"
        birth = _birth(rng, 14, 17, 16) if rng.random() < 0.08 else _birth(rng, 18, 55, 24)
        return [
            self._person(
                community, habits, sex=sex, birth=birth, family=self._family_name(community),
                father=community.given("M", rng), nationality=nationality, phone=adult_phone(),
            )
        ]  # fmt: skip

    def _family(
        self, community: Community, habits: Habits, nationality: str, phone: str
    ) -> list[Person]:
        rng = self.rng
        members: list[Person] = []
        family = self._family_name(community)
        father_birth = _birth(rng, 24, 50, 33)
        mother_birth = father_birth + datetime.timedelta(days=rng.randrange(0, 365 * 8))
        father_given: tuple[str, ...] | None = None
        if rng.random() < 0.9:  # single mothers travel too
            father = self._person(
                community, habits, sex="M", birth=father_birth, family=family,
                father=community.given("M", rng), nationality=nationality, phone=phone,
            )  # fmt: skip
            members.append(father)
            father_given = father.given
        if father_given is None or rng.random() < 0.85:
            mother_family = community.family_name(rng)
            if community.code == "CUB" and father_given is not None:
                mother_family = mother_family.split(" ")[0] + " " + family.split(" ")[0]
            members.append(
                self._person(
                    community, habits, sex="F", birth=mother_birth, family=mother_family,
                    father=community.given("M", rng), nationality=nationality,
                    phone="" if members else phone,
                )
            )  # fmt: skip
        children_father = father_given or community.given("M", rng)
        if father_given is None:
            family = family or community.family_name(rng)
        youngest = mother_birth + datetime.timedelta(days=365 * rng.randint(18, 30))
        birth = min(youngest, REFERENCE_DAY - datetime.timedelta(days=rng.randrange(30, 2000)))
        for _ in range(rng.choice((1, 1, 2, 2, 2, 3, 3, 4, 5))):
            twins = rng.random() < 0.03
            for _ in range(2 if twins else 1):
                members.append(
                    self._person(
                        community, habits, sex=rng.choice("MF"), birth=birth, family=family,
                        father=children_father, nationality=nationality, phone="",
                    )
                )  # fmt: skip
            birth -= datetime.timedelta(days=rng.randint(365, 4 * 365))
            if birth < mother_birth + datetime.timedelta(days=365 * 16):
                break
        return members


def neighbour(nationality: str, rng: random.Random) -> str:
    """A nationality a clerk may write instead: a neighbour, or what the person declared."""
    options = NEIGHBOURS.get(nationality)
    return rng.choice(options) if options else nationality


def _shifted_year(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def declared_date(
    birth: datetime.date, year_only: bool, rng: random.Random
) -> tuple[datetime.date, bool]:
    """The date one registration records, and whether only its year is written."""
    day = birth
    if (year_only and rng.random() < 0.85) or (not year_only and rng.random() < 0.05):
        day = day.replace(month=1, day=1)
    draw = rng.random()
    if draw < 0.04:
        if day.day <= 12 and day.day != day.month:
            day = day.replace(month=day.day, day=day.month)
    elif draw < 0.10:
        day = _shifted_year(day, rng.choice((-1, 1)))
    elif draw < 0.11:
        day = _shifted_year(day, rng.choice((-2, 2)))
    elif draw < 0.14:
        day = day.replace(day=rng.randint(1, 28))
    elif draw < 0.15:
        day = day.replace(month=rng.randint(1, 12), day=min(day.day, 28))
    return day, rng.random() < 0.03


def written_date(day: datetime.date, year_alone: bool, rng: random.Random) -> str:
    """A date as a clerk writes it: DD.MM.YYYY mostly, some ISO, some unpadded."""
    if year_alone:
        return str(day.year)
    draw = rng.random()
    if draw < 0.80:
        return f"{day.day:02d}.{day.month:02d}.{day.year}"
    if draw < 0.92:
        return day.isoformat()
    return f"{day.day}.{day.month}.{day.year}"


def _written_phone(phone: str, rng: random.Random) -> str:
    code, national = phone.split("|")
    draw = rng.random()
    if code == "387" and draw < 0.5:
        local = "0" + national
        return f"{local[:3]} {local[3:6]} {local[6:]}" if rng.random() < 0.5 else local
    if draw < 0.8:
        return f"+{code}{national}"
    return f"00{code}{national}"


def mistyped_document(number: str, rng: random.Random) -> str:
    """A passport number copied wrong: O/0 or I/1 confused, two characters swapped, one
    dropped or one digit misread."""
    look_alike = {"O": "0", "0": "O", "I": "1", "1": "I", "S": "5", "5": "S", "B": "8"}
    position = rng.randrange(len(number))
    draw = rng.random()
    if draw < 0.3 and number[position] in look_alike:
        return number[:position] + look_alike[number[position]] + number[position + 1 :]
    if draw < 0.6 and position:
        return (
            number[: position - 1]
            + number[position]
            + number[position - 1]
            + number[position + 1 :]
        )
    if draw < 0.75:
        return number[:position] + number[position + 1 :]
    return number[:position] + str(rng.randrange(10)) + number[position + 1 :]


def written_given(
    given: tuple[str, ...], community: Community, sex: str, rng: random.Random
) -> tuple[str, ...]:
    """The given name one registration records: sometimes one of two names dropped,
    Mohammad added, or Abdul Qadir shortened to Qadir."""
    if len(given) == 2 and rng.random() < 0.10:
        given = given[1:] if rng.random() < 0.7 else given[:1]
    elif (
        sex == "M" and community.mohammad_share and "muHammad" not in given and rng.random() < 0.03
    ):
        given = ("muHammad", *given)
    shorter = abbreviated(given)
    if shorter != given and rng.random() < 0.12:
        given = shorter
    return given


def registration(person: Person, rng: random.Random, *, first: bool) -> dict[str, str]:
    """One record of a person, as one clerk at one centre wrote it."""
    community = person.community
    clerk = community.clerk(rng)
    given = " ".join(
        write(part, clerk) for part in written_given(person.given, community, person.sex, rng)
    )
    family = person.family
    if not family and community.code == "AFG" and rng.random() < 0.6:
        family_text = " ".join(write(part, clerk) for part in person.father)
    else:
        if community.family_parts == 2 and rng.random() < 0.25:
            family = family.split(" ")[0]
        family_text = write(family, clerk) if family else ""
    father = " ".join(write(part, clerk) for part in person.father) if rng.random() < 0.7 else ""
    if rng.random() < (0.25 if community.code == "BDI" else 0.04):
        given, family_text = family_text, given
    if rng.random() < 0.06:
        which = rng.randrange(3)
        if which == 0:
            given = typo(given, rng)
        elif which == 1:
            family_text = typo(family_text, rng)
        else:
            father = typo(father, rng)
    day, year_alone = declared_date(person.birth, person.year_only, rng)
    nationality = person.nationality
    if rng.random() < (0.15 if community.code == "KUR" else 0.04):
        nationality = neighbour(nationality, rng)
    phone = ""
    if person.phone:
        draw = rng.random()
        if first:
            phone = person.phone if draw < 0.85 else ""
        elif draw < 0.5:
            phone = person.phone
        elif draw >= 0.8:
            phone = _phone(rng, person.nationality)
    document = ""
    if person.passport and rng.random() < 0.6:
        document = person.passport
        if rng.random() < 0.1:
            document = mistyped_document(document, rng)
    return {
        "given_name": given,
        "family_name": family_text,
        "father_name": father,
        "birth_date": written_date(day, year_alone, rng),
        "sex": person.sex if rng.random() < 0.97 else "",
        "nationality": nationality,
        "phone": _written_phone(phone, rng) if phone else "",
        "document_number": document,
    }


_ID_MULTIPLIER = 0x9E3779B97F4B  # odd: a bijection modulo 2**48
_ID_MODULUS = 1 << 48


def _extra_registrations(rng: random.Random) -> int:
    draw = rng.random()
    for count, share in EXTRA_REGISTRATIONS:
        if draw < share:
            return count
        draw -= share
    return 0


def generate(people: int, seed: int) -> Iterator[dict[str, str]]:
    """Every record of ``people`` people (household by household: shuffle before use if
    order matters). Deterministic for a seed."""
    rng = random.Random(seed)
    maker = _People(rng)
    offset = rng.randrange(_ID_MODULUS)
    sequence = 0
    while maker.count < people:
        household = maker.household()
        household = household[: people - (maker.count - len(household))]
        events = _extra_registrations(rng)
        registrations: list[list[Person]] = [household]
        for _ in range(events):
            registrations.append([person for person in household if rng.random() < 0.9])
        for index, group in enumerate(registrations):
            for person in group:
                sequence += 1
                record = registration(person, rng, first=index == 0)
                scrambled = (sequence * _ID_MULTIPLIER + offset) % _ID_MODULUS
                yield {
                    "record_id": f"R{scrambled:015d}",
                    "person_id": f"P{person.number:07d}",
                    **record,
                }


def write_registry(people: int, seed: int, output: Path) -> tuple[int, int]:
    """Writes ``output/registry.csv`` in shuffled order; returns (records, true pairs)."""
    output.mkdir(parents=True, exist_ok=True)
    rng = random.Random(f"shuffle|{seed}")
    bucket_paths = [output / f".registry-bucket-{index}.csv" for index in range(64)]
    handles = [path.open("w", newline="", encoding="utf-8") for path in bucket_paths]
    writers = [csv.writer(handle) for handle in handles]
    records = 0
    per_person = array("H", bytes(2 * (people + 1)))  # records per person number
    for row in generate(people, seed):
        records += 1
        per_person[int(row["person_id"][1:])] += 1
        writers[int(rng.random() * 64)].writerow([row[column] for column in COLUMNS])
    for handle in handles:
        handle.close()
    with (output / "registry.csv").open("w", newline="", encoding="utf-8") as target:
        writer = csv.writer(target)
        writer.writerow(COLUMNS)
        for path in bucket_paths:
            with path.open(newline="", encoding="utf-8") as handle:
                rows = list(csv.reader(handle))
            rng.shuffle(rows)
            writer.writerows(rows)
            os.remove(path)
    pairs = sum(count * (count - 1) // 2 for count in per_person)
    return records, pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--output", type=Path, required=True)
    arguments = parser.parse_args()
    records, pairs = write_registry(arguments.people, arguments.seed, arguments.output)
    print(f"people={arguments.people} records={records} true_pairs={pairs}")


if __name__ == "__main__":
    main()
