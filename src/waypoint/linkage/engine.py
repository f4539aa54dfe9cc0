"""The linkage model at work: train it, score pairs, group records, link two lists.

Splink (Fellegi-Sunter) on DuckDB over the features of ``features`` and the comparisons
of ``comparisons``. The levels start from written priors; with enough records the u
probabilities are estimated from random pairs and the m probabilities by expectation
maximisation, so no labelled pairs are needed; reviewers' decisions, when there are some,
then pull the m probabilities towards what they show. Blocking decides which pairs are
scored at all: a pair is compared when any one rule puts both records in the same block.

A trained model is Splink's settings dictionary (JSON-serialisable): ``train`` makes one,
``score_pairs`` and ``score_candidates`` reuse it. ``deduplicate`` groups the records of
one list into clusters; ``link`` pairs the records of two lists. All take plain rows
(mappings from role to text) and are pure apart from the in-memory DuckDB databases they
open.
"""

from __future__ import annotations

import copy
import logging
import multiprocessing
import os
import resource
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import duckdb
import pyarrow as pa
from splink import DuckDBAPI, Linker

from waypoint.linkage.clustering import clusters_at, complete_pairs
from waypoint.linkage.comparisons import (
    EXHAUSTIVE_PAIRS,
    GENEROUS_BLOCKING_BELOW,
    DialectName,
    Model,
)
from waypoint.linkage.features import (
    BLOCK_LIMIT,
    LIST_FEATURES,
    capped,
    clear_caches,
    common_names,
    mark_common,
    nationality_pairs,
    record_features,
    with_common_names,
)
from waypoint.linkage.outcome import (
    CountRange,
    TruthCheck,
    WeightBin,
    choose_threshold,
    clustered_pairs,
    prior_shift,
    probability_at,
    stricter_and_looser,
    true_pairs_of,
    truth_check,
    weight_of,
)
from waypoint.linkage.scoring import compiled_model, feature_schema
from waypoint.linkage.training import M_FLOOR, MIN_TRAINING_RECORDS, train_linker

# The cut-off of the functions below when the caller names none (it was the best F1 on the
# demo generator); `waypoint link` chooses its own from the data (outcome.choose_threshold).
DEFAULT_THRESHOLD = 0.8
# How many labelled pairs the trained m probabilities count as when reviewers' decisions
# are blended in: a few decisions nudge them, hundreds take over.
LABEL_PSEUDO_COUNT = 50
# Match weights beyond this many bits either way share the last bin of the distribution.
WEIGHT_RANGE = 40

Row = Mapping[str, str]
LinkType = Literal["dedupe_only", "link_only"]

logging.getLogger("splink").setLevel(logging.WARNING)
# Each step of a run, with its time and the process's peak memory (nothing personal).
log = logging.getLogger("waypoint.linkage")
# sqlglot says when a condition is too long to normalise: nothing for an operator.
logging.getLogger("sqlglot").setLevel(logging.WARNING)
# "Level ... not observed in dataset, unable to train m value": expected on small or tidy
# lists (the level keeps its prior), and not something an operator can act on.
logging.getLogger("splink.internals.expectation_maximisation").setLevel(logging.ERROR)


@dataclass(frozen=True)
class Contribution:
    field: str  # comparison name: "given_name", "birth", "text_0", ...
    level: str  # the level label, e.g. "same skeleton"
    weight: float  # log2 Bayes factor of this level (0 for a null/missing value)


@dataclass(frozen=True)
class ScoredPair:
    left_id: str
    right_id: str
    probability: float
    contributions: tuple[Contribution, ...]


def _feature_rows(
    rows: Sequence[Row], text_columns: tuple[str, ...], start: int = 0
) -> list[dict[str, Any]]:
    table = []
    for index, row in enumerate(rows, start=start):
        features = record_features(row, text_columns=text_columns)
        features["unique_id"] = index
        table.append(features)
    return table


# Features are built and handed to DuckDB in batches of this many rows, as Arrow columns:
# a million records as Python dictionaries would take gigabytes.
FEATURE_BATCH = 50_000


# Lists at least this long have their features built by one process per core (forked,
# so the rows are shared, not copied); shorter ones in this process.
PARALLEL_FEATURES_FROM = 200_000
_shared_rows: Sequence[Row] = ()


def _feature_batch(first: int, text_columns: tuple[str, ...], start: int) -> pa.RecordBatch:
    chunk = _feature_rows(_shared_rows[first : first + FEATURE_BATCH], text_columns, start + first)
    return pa.RecordBatch.from_pylist(chunk, schema=feature_schema(len(text_columns)))


def _feature_table(
    rows: Sequence[Row],
    text_columns: tuple[str, ...],
    start: int = 0,
    common: Sequence[str] | None = None,
) -> pa.Table:
    """The features of ``rows`` as one Arrow table (``unique_id`` from ``start``), with
    the blocking keys too many records share dropped (``features.capped``) and the common
    names marked: those of ``common`` (a trained model's), or else this list's own."""
    global _shared_rows
    schema = feature_schema(len(text_columns))
    firsts = range(0, len(rows), FEATURE_BATCH)
    workers = min(os.cpu_count() or 1, 4)
    _shared_rows = rows
    try:
        if len(rows) >= PARALLEL_FEATURES_FROM and workers > 1:
            context = multiprocessing.get_context("fork")
            with context.Pool(workers) as pool:
                batches = pool.starmap(
                    _feature_batch, [(first, text_columns, start) for first in firsts]
                )
        else:
            batches = [_feature_batch(first, text_columns, start) for first in firsts]
    finally:
        _shared_rows = ()
        clear_caches()
    table = pa.Table.from_batches(batches, schema=schema)
    table = with_common_names(table, common_names(table) if common is None else common)
    for column in LIST_FEATURES:
        refine = table["block_group"] if column in REFINED_KEYS else None
        keys = capped(table[column], BLOCK_LIMIT, refine)
        table = table.set_column(table.schema.get_field_index(column), column, keys)
    return table


# Blocking keys that, when crowded, are made finer with sex and nationality before being
# dropped (``features.capped``): two names and a year, three names.
REFINED_KEYS = ("name_pair_years", "name_triples")


# Pairs scored outside Splink (inside candidate clusters) go to DuckDB this many at a time.
SCORE_BATCH = 20_000


def _features_at(table: pa.Table, indices: Sequence[int]) -> list[dict[str, Any]]:
    return list(table.take(pa.array(indices, type=pa.int64())).to_pylist())


def _check_threshold(threshold: float) -> None:
    if not 0 < threshold < 1:
        raise ValueError(f"the threshold must be between 0 and 1, not {threshold}")


def _check_ids(ids: Sequence[str] | None, rows: Sequence[Row]) -> list[str]:
    record_ids = [str(index) for index in range(len(rows))] if ids is None else list(ids)
    if len(record_ids) != len(rows):
        raise ValueError("there must be one id for every row")
    return record_ids


def untrained_model(
    link_type: LinkType = "dedupe_only", text_count: int = 0, records: int = 0
) -> dict[str, Any]:
    """The priors, as a model (blocking chosen for a list of ``records`` records): a copy
    of one built once per process, since search before register asks for it on every
    search until a deduplication run has trained a model."""
    small = records < GENEROUS_BLOCKING_BELOW
    return copy.deepcopy(_untrained_model(link_type, text_count, small))


@lru_cache(maxsize=16)
def _untrained_model(link_type: LinkType, text_count: int, small: bool) -> dict[str, Any]:
    return Model("duckdb").settings(link_type, text_count, 0 if small else GENEROUS_BLOCKING_BELOW)


def with_labels(
    model: dict[str, Any], features: pa.Table, pairs: Sequence[tuple[int, int]]
) -> dict[str, Any]:
    """The model with m probabilities pulled towards the levels that pairs known to be
    the same person reach (each comparison's m is a blend of the trained value, counted
    as ``LABEL_PSEUDO_COUNT`` pairs, and the labelled pairs' share of each level)."""
    if not pairs:
        return model
    compiled = compiled_model(model)
    lefts = _features_at(features, [one for one, _ in pairs])
    rights = _features_at(features, [other for _, other in pairs])
    gammas = compiled.gammas(list(zip(lefts, rights, strict=True)))
    updated = copy.deepcopy(model)
    for position, comparison in enumerate(updated["comparisons"]):
        reached = [vector[position] for vector in gammas if vector[position] >= 0]
        if not reached:
            continue
        levels = [
            level for level in comparison["comparison_levels"] if not level.get("is_null_level")
        ]
        top = len(levels) - 1
        for index, level in enumerate(levels):
            count = sum(1 for gamma in reached if gamma == top - index)
            trained = level.get("m_probability") or M_FLOOR
            level["m_probability"] = max(
                (count + LABEL_PSEUDO_COUNT * trained) / (len(reached) + LABEL_PSEUDO_COUNT),
                M_FLOOR,
            )
    return updated


def train(
    rows: Sequence[Row],
    *,
    labelled_pairs: Sequence[tuple[int, int]] = (),
    text_columns: tuple[str, ...] = (),
) -> dict[str, Any]:
    """A trained model (Splink's settings dict, JSON-serialisable) for these rows.

    Without enough rows, the priors. ``labelled_pairs`` are (row index, row index) pairs
    that reviewers decided are the same person; they improve the m probabilities.
    """
    for one, other in labelled_pairs:
        if not (0 <= one < len(rows) and 0 <= other < len(rows)):
            raise ValueError("a labelled pair names a row that is not there")
    features = _feature_table(rows, text_columns)
    if len(rows) < MIN_TRAINING_RECORDS:
        model = untrained_model("dedupe_only", len(text_columns), len(rows))
    else:
        with _database(len(rows)) as connection:
            table = DuckDBAPI(connection).register(features, table_name="records")
            linker = Linker(
                table,
                untrained_model("dedupe_only", len(text_columns), len(rows)),
                log_level=logging.WARNING,
            )
            model = train_linker(linker, [table], len(rows))
    model = with_labels(model, features, labelled_pairs)
    model["waypoint_text_columns"] = list(text_columns)
    model["waypoint_common_names"] = common_names(features)
    return model


def blocking_for(model: Mapping[str, Any], records: int, *, exhaustive: bool = False) -> list[Any]:
    dialect: DialectName = "spark" if model.get("sql_dialect") == "spark" else "duckdb"
    settings = Model(dialect).settings("dedupe_only", 0, records, exhaustive=exhaustive)
    return list(settings["blocking_rules_to_generate_predictions"])


def splink_settings(model: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of the model without Waypoint's own keys (``waypoint_...``), for Splink."""
    return {
        key: copy.deepcopy(value) for key, value in model.items() if not key.startswith("waypoint_")
    }


def _predictions(
    connection: duckdb.DuckDBPyConnection,
    features: pa.Table,
    model: dict[str, Any] | None,
    *,
    text_count: int,
    with_levels: bool = False,
) -> tuple[Linker, Any]:
    """Splink's predictions of every candidate pair of one list of feature rows (training
    first if no model)."""
    db_api = DuckDBAPI(connection)
    table = db_api.register(features, table_name="records")
    if model is None:
        linker = Linker(
            table,
            untrained_model("dedupe_only", text_count, len(features)),
            log_level=logging.WARNING,
        )
        model = train_linker(linker, [table], len(features))
    settings = splink_settings(model)
    settings["link_type"] = "dedupe_only"
    # Blocking is not learnt: it follows the size of the list being scored.
    settings["blocking_rules_to_generate_predictions"] = blocking_for(
        model, len(features), exhaustive=nationality_pairs(features) <= EXHAUSTIVE_PAIRS
    )
    settings["retain_matching_columns"] = with_levels  # gives the gamma_ columns
    linker = Linker(table, settings, log_level=logging.WARNING)
    return linker, linker.inference.predict()


def _scored(
    connection: duckdb.DuckDBPyConnection,
    features: pa.Table,
    model: dict[str, Any] | None,
    *,
    text_count: int,
    with_levels: bool = False,
) -> tuple[dict[str, Any], float, str]:
    """Every candidate pair of one list scored (``_predictions``, no cut-off): the model
    with its prior re-estimated from the scores, the bits that adds to each match weight,
    and the name of the table of predictions."""
    linker, predictions = _predictions(
        connection, features, model, text_count=text_count, with_levels=with_levels
    )
    records = len(features)
    settings, shift = _with_prior_from_scores(
        connection,
        predictions.physical_name,
        linker.misc.save_model_to_json(),
        records * (records - 1) // 2,
        records,
    )
    return settings, shift, predictions.physical_name


def score_pairs(
    rows: Sequence[Row],
    *,
    ids: Sequence[str],
    threshold: float,
    model: dict[str, Any] | None = None,
    text_columns: tuple[str, ...] = (),
) -> list[ScoredPair]:
    """Every within-list pair scoring at least ``threshold``, with each comparison's
    contribution; ``left_id`` comes before ``right_id`` in ``ids``.

    ``model`` is a model from ``train`` to reuse (no training then); ``None`` trains on
    ``rows`` as ``deduplicate`` does. Sorted by falling probability, then by ids.
    """
    _check_threshold(threshold)
    record_ids = _check_ids(ids, rows)
    if len(rows) < 2:
        return []
    features = _feature_table(rows, text_columns, common=_common_of(model))
    with _database(len(rows)) as connection:
        settings, shift, predictions = _scored(
            connection, features, model, text_count=len(text_columns), with_levels=True
        )
        compiled = compiled_model(settings)
        gamma_columns = ", ".join(f'"gamma_{c.name}"' for c in compiled.comparisons)
        found = connection.execute(
            f"SELECT unique_id_l, unique_id_r, {_probability_sql(shift)}, {gamma_columns} "  # noqa: S608
            f"FROM {predictions} WHERE match_weight + ? >= ?",
            [shift, weight_of(threshold)],
        ).fetchall()
    scored = []
    for one, other, probability, *gammas in found:
        first, second = sorted((int(one), int(other)))
        _, levels = compiled.weigh([int(gamma) for gamma in gammas])
        scored.append(
            ScoredPair(
                left_id=record_ids[first],
                right_id=record_ids[second],
                probability=float(probability),
                contributions=_contributions(compiled.comparisons, levels),
            )
        )
    order = {record_id: index for index, record_id in enumerate(record_ids)}
    scored.sort(key=lambda pair: (-pair.probability, order[pair.left_id], order[pair.right_id]))
    return scored


def score_candidates(
    record: Row,
    candidates: Sequence[Row],
    *,
    candidate_ids: Sequence[str],
    model: dict[str, Any] | None = None,
) -> list[ScoredPair]:
    """One new record (``left_id`` "new") against a few candidates the caller found,
    every candidate returned, sorted by falling probability (then candidate order).

    The probabilities are those ``score_pairs`` gives the same pair with the same model;
    ``None`` uses the priors. Free-text columns are compared only if the model has them.
    """
    if len(candidate_ids) != len(candidates):
        raise ValueError("there must be one id for every candidate")
    if not candidates:
        return []
    model = model if model is not None else untrained_model()
    compiled = compiled_model(model)
    text_columns = tuple(column for column in compiled.columns if column.startswith("text_"))
    raw_columns = _text_sources(model, text_columns)
    common = set(_common_of(model) or ())
    new = mark_common(record_features(record, text_columns=raw_columns), common)
    others = [
        mark_common(record_features(candidate, text_columns=raw_columns), common)
        for candidate in candidates
    ]
    results = []
    for index, gammas in enumerate(compiled.gammas([(new, other) for other in others])):
        probability, levels = compiled.weigh(gammas)
        results.append(
            (
                -probability,
                index,
                ScoredPair(
                    left_id="new",
                    right_id=str(candidate_ids[index]),
                    probability=probability,
                    contributions=_contributions(compiled.comparisons, levels),
                ),
            )
        )
    results.sort(key=lambda item: (item[0], item[1]))
    return [pair for _, _, pair in results]


def _common_of(model: Mapping[str, Any] | None) -> list[str] | None:
    """The common names a trained model carries (``features.common_names``), if any."""
    named = model.get("waypoint_common_names") if model is not None else None
    return [str(name) for name in named] if isinstance(named, list) else None


def _text_sources(model: Mapping[str, Any], text_columns: tuple[str, ...]) -> tuple[str, ...]:
    """The raw column names behind ``text_0``... when a caller trained with them.

    Rows given to ``score_candidates`` carry free text under the feature names
    (``text_0``...) or under the names recorded in the model's ``waypoint_text_columns``.
    """
    named = model.get("waypoint_text_columns")
    if isinstance(named, list) and len(named) == len(text_columns):
        return tuple(str(name) for name in named)
    return text_columns


def _contributions(comparisons: Sequence[Any], levels: Sequence[Any]) -> tuple[Contribution, ...]:
    return tuple(
        Contribution(field=comparison.name, level=level.label, weight=level.weight)
        for comparison, level in zip(comparisons, levels, strict=True)
    )


def deduplicate(
    rows: Sequence[Row],
    *,
    ids: Sequence[str] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    text_columns: tuple[str, ...] = (),
) -> dict[str, str]:
    """Which records are the same person: record id -> cluster id, for every record.

    A record's id is ``ids[i]`` (default: its position as a string); a cluster's id is
    the id of its first record; a record matched to nothing is its own cluster. Clusters
    are formed by average linkage (see ``deduplicate_with_report``).
    """
    return deduplicate_with_report(
        rows, ids=ids, threshold=threshold, text_columns=text_columns
    ).clusters


# Lists at least this long are linked in a DuckDB database on disk (a temporary
# directory, removed afterwards) with a memory limit, so that the candidate pairs of a
# national registry spill to disk instead of taking the machine's memory.
ON_DISK_FROM = 200_000
DUCKDB_MEMORY = os.environ.get("WAYPOINT_LINKAGE_MEMORY", "1GB")


@contextmanager
def _database(records: int) -> Iterator[duckdb.DuckDBPyConnection]:
    if records < ON_DISK_FROM:
        connection = duckdb.connect()
        try:
            yield connection
        finally:
            connection.close()
        return
    with tempfile.TemporaryDirectory(prefix="waypoint-linkage-") as directory:
        connection = duckdb.connect(str(Path(directory) / "linkage.duckdb"))
        try:
            connection.execute(f"SET memory_limit = '{DUCKDB_MEMORY}'")
            connection.execute(f"SET temp_directory = '{directory}'")
            connection.execute("SET preserve_insertion_order = false")
            yield connection
        finally:
            connection.close()


class _Steps:
    """Logs each step of a run: how long it took and the peak memory so far."""

    def __init__(self) -> None:
        self.started = time.perf_counter()

    def done(self, step: str, count: int | None = None) -> None:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        counted = "" if count is None else f" ({count:,})"
        log.info(
            "%s%s after %.1f s, peak %.0f MiB",
            step,
            counted,
            time.perf_counter() - self.started,
            peak,
        )


@dataclass(frozen=True)
class Deduplication:
    """Clusters and what a person needs to judge them (``outcome`` reads them)."""

    clusters: dict[str, str]  # record id -> cluster id
    threshold: float
    chosen_from_data: bool
    candidates: int  # pairs compared (blocking)
    bins: tuple[WeightBin, ...]  # their match-weight distribution
    count: CountRange  # unique people at the cut-off, a stricter and a looser one
    weakest_link: dict[str, float]  # cluster id -> its lowest pair probability
    truth: TruthCheck | None


def deduplicate_with_report(
    rows: Sequence[Row],
    *,
    ids: Sequence[str] | None = None,
    threshold: float | None = DEFAULT_THRESHOLD,
    text_columns: tuple[str, ...] = (),
    truth: Sequence[str] | None = None,
) -> Deduplication:
    """``deduplicate`` with its evidence: the compared pairs' weight distribution, the
    cut-off (``None`` chooses it from the data, ``outcome.choose_threshold``), unique
    people at a stricter and a looser cut-off, each cluster's weakest link and, when
    ``truth`` gives each row's true person (blank: unknown), precision, recall,
    pairs-completeness and cluster purity.

    Records joined by pairs at the looser cut-off have every pair between them scored
    (``clustering.complete_pairs``); clusters then join strongest first, and two only
    when their pairs average at least the cut-off, so one strong chain cannot glue two
    people together.
    """
    if threshold is not None:
        _check_threshold(threshold)
    record_ids = _check_ids(ids, rows)
    if truth is not None and len(truth) != len(rows):
        raise ValueError("there must be one truth value for every row")
    chosen = threshold is None
    step = _Steps()
    features = _feature_table(rows, text_columns)
    step.done("features", len(rows))
    with _database(len(rows)) as connection:
        candidates, compared_true, model = 0, 0, untrained_model()
        bins: list[WeightBin] = []
        found: list[tuple[int, int, float]] = []
        if len(rows) >= 2:
            model, shift, predictions = _scored(
                connection, features, None, text_count=len(text_columns)
            )
            step.done("trained and scored")
            candidates, bins, compared_true = _summary(connection, predictions, truth, shift)
            threshold, found = _kept_pairs(connection, predictions, bins, threshold, shift)
            step.done("pairs kept", len(found))
    cut = threshold if threshold is not None else DEFAULT_THRESHOLD
    stricter, looser = stricter_and_looser(cut)
    compiled = compiled_model(model)

    compared = features.select(compiled.columns)

    def score(pairs: list[tuple[int, int]]) -> list[float]:
        probabilities: list[float] = []
        for first in range(0, len(pairs), SCORE_BATCH):
            batch = pairs[first : first + SCORE_BATCH]
            lefts = _features_at(compared, [one for one, _ in batch])
            rights = _features_at(compared, [other for _, other in batch])
            gammas = compiled.gammas(list(zip(lefts, rights, strict=True)))
            probabilities.extend(compiled.weigh(vector)[0] for vector in gammas)
        return probabilities

    scored = complete_pairs(len(rows), found, looser, score)
    step.done("candidate clusters completed", len(scored) - len(found))
    groups = clusters_at(len(rows), scored, {"at": cut, "stricter": stricter, "looser": looser})
    step.done("clusters")
    clusters = {record_ids[index]: record_ids[group] for index, group in enumerate(groups["at"])}
    count = CountRange(
        figure=len(set(groups["at"])),
        low=len(set(groups["looser"])),
        high=len(set(groups["stricter"])),
        threshold=cut,
        looser=looser,
        stricter=stricter,
    )
    weakest = _weakest_links(scored, groups["at"], record_ids)
    check = None
    if truth is not None:
        entity_of = dict(zip(record_ids, truth, strict=True))
        check = truth_check(
            linked=clustered_pairs(clusters),
            entity_of=entity_of,
            true_pairs=true_pairs_of(truth),
            compared_true_pairs=compared_true,
            clusters=clusters,
        )
    return Deduplication(
        clusters=clusters,
        threshold=cut,
        chosen_from_data=chosen,
        candidates=candidates,
        bins=tuple(bins),
        count=count,
        weakest_link=weakest,
        truth=check,
    )


def _with_prior_from_scores(
    connection: duckdb.DuckDBPyConnection,
    table: str,
    model: dict[str, Any],
    all_pairs: int,
    records: int,
) -> tuple[dict[str, Any], float]:
    """The model with its prior re-estimated from the scored pairs (``outcome.prior_shift``),
    and the bits that adds to every match weight in ``table``. A list too short to train
    on keeps the prior it has: a few pairs say nothing about how many are matches."""
    if records < MIN_TRAINING_RECORDS:
        return model, 0.0
    weights = connection.execute(
        f"SELECT round(match_weight, 1), count(*) FROM {table} GROUP BY 1"  # noqa: S608
    ).fetchall()
    prior = float(model["probability_two_random_records_match"])
    shift = prior_shift(
        ((float(weight), int(count)) for weight, count in weights if weight is not None),
        prior,
        all_pairs,
    )
    log.info("prior %.3g moved %+.2f bits by the scores", prior, shift)
    model = copy.deepcopy(model)
    model["probability_two_random_records_match"] = probability_at(weight_of(prior) + shift)
    return model, shift


def _probability_sql(shift: float) -> str:
    """The match probability of a predictions row, its weight moved by ``shift`` bits."""
    return f"1.0 / (1.0 + pow(2.0, -(match_weight + {float(shift)!r})))"


def _summary(
    connection: duckdb.DuckDBPyConnection,
    table: str,
    truth: Sequence[str] | None,
    shift: float = 0.0,
) -> tuple[int, list[WeightBin], int]:
    """How many pairs were compared, their weight distribution (each weight moved by
    ``shift`` bits), and how many of them are true pairs (0 without ``truth``)."""
    weight = f"(match_weight + {float(shift)!r})"
    rows = connection.execute(
        f"SELECT greatest(least(floor({weight}), {WEIGHT_RANGE}), -{WEIGHT_RANGE})::INTEGER "  # noqa: S608
        f"AS low, count(*), sum({_probability_sql(shift)}) FROM {table} "
        "GROUP BY low ORDER BY low"
    ).fetchall()
    bins = [WeightBin(int(low), int(pairs), float(total)) for low, pairs, total in rows]
    compared_true = 0
    if truth is not None:
        connection.register(
            "waypoint_truth",
            pa.table({"unique_id": list(range(len(truth))), "entity": list(truth)}),
        )
        found = connection.execute(
            f"SELECT count(*) FROM {table} AS p "  # noqa: S608
            "JOIN waypoint_truth AS l ON p.unique_id_l = l.unique_id "
            "JOIN waypoint_truth AS r ON p.unique_id_r = r.unique_id "
            "WHERE l.entity <> '' AND l.entity = r.entity"
        ).fetchall()
        compared_true = int(found[0][0])
        connection.unregister("waypoint_truth")
    return sum(one.pairs for one in bins), bins, int(compared_true)


def _kept_pairs(
    connection: duckdb.DuckDBPyConnection,
    table: str,
    bins: Sequence[WeightBin],
    threshold: float | None,
    shift: float = 0.0,
) -> tuple[float, list[tuple[int, int, float]]]:
    """The cut-off (chosen from ``bins`` when ``None``) and the pairs at or above the
    looser cut-off that goes with it (weights moved by ``shift`` bits)."""
    cut = threshold if threshold is not None else choose_threshold(bins)
    _, looser = stricter_and_looser(cut)
    found = connection.execute(
        f"SELECT unique_id_l, unique_id_r, {_probability_sql(shift)} FROM {table} "  # noqa: S608
        "WHERE match_weight + ? >= ?",
        [shift, weight_of(looser)],
    ).fetchall()
    return cut, [(int(one), int(other), float(probability)) for one, other, probability in found]


def _weakest_links(
    pairs: Sequence[tuple[int, int, float]], groups: Sequence[int], record_ids: Sequence[str]
) -> dict[str, float]:
    """Each cluster of two or more records -> the weakest pair of the strongest chain
    that spans it (the last pair Kruskal's maximum spanning tree takes): the link on
    which the cluster, and so the count, depends."""
    inside = sorted(
        (pair for pair in pairs if groups[pair[0]] == groups[pair[1]]), key=lambda pair: -pair[2]
    )
    parent: dict[int, int] = {}

    def root(record: int) -> int:
        while parent.setdefault(record, record) != record:
            record = parent[record]
        return record

    weakest: dict[int, float] = {}
    for one, other, probability in inside:
        first, second = root(one), root(other)
        if first != second:
            parent[max(first, second)] = min(first, second)
            weakest[groups[one]] = probability
    return {record_ids[group]: round(value, 6) for group, value in weakest.items()}


def link(
    left_rows: Sequence[Row],
    right_rows: Sequence[Row],
    *,
    left_ids: Sequence[str] | None = None,
    right_ids: Sequence[str] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    text_columns: tuple[str, ...] = (),
) -> list[tuple[str, str, float]]:
    """Pairs across two lists that are the same person: ``(left_id, right_id, probability)``.

    Every pair scoring at least ``threshold`` is returned (a record may match several),
    sorted by left id position, then by falling probability.
    """
    return link_with_report(
        left_rows,
        right_rows,
        left_ids=left_ids,
        right_ids=right_ids,
        threshold=threshold,
        text_columns=text_columns,
    ).pairs


@dataclass(frozen=True)
class Linkage:
    pairs: list[tuple[str, str, float]]
    threshold: float
    chosen_from_data: bool
    candidates: int
    bins: tuple[WeightBin, ...]
    truth: TruthCheck | None


def link_with_report(
    left_rows: Sequence[Row],
    right_rows: Sequence[Row],
    *,
    left_ids: Sequence[str] | None = None,
    right_ids: Sequence[str] | None = None,
    threshold: float | None = DEFAULT_THRESHOLD,
    text_columns: tuple[str, ...] = (),
    left_truth: Sequence[str] | None = None,
    right_truth: Sequence[str] | None = None,
) -> Linkage:
    """``link`` with its evidence (see ``deduplicate_with_report``); ``None`` chooses the
    cut-off from the data. True pairs are a left and a right record of one true person."""
    if threshold is not None:
        _check_threshold(threshold)
    lefts = _check_ids(left_ids, left_rows)
    rights = _check_ids(right_ids, right_rows)
    truth = None
    if left_truth is not None and right_truth is not None:
        if len(left_truth) != len(left_rows) or len(right_truth) != len(right_rows):
            raise ValueError("there must be one truth value for every row")
        truth = [*left_truth, *right_truth]
    candidates, compared_true = 0, 0
    bins: list[WeightBin] = []
    found: list[tuple[Any, Any, Any]] = []
    cut = threshold if threshold is not None else DEFAULT_THRESHOLD
    if left_rows and right_rows:
        with _database(len(left_rows) + len(right_rows)) as connection:
            db_api = DuckDBAPI(connection)
            left_features = _feature_table(left_rows, text_columns)
            right_features = _feature_table(right_rows, text_columns, start=len(left_rows))
            left = db_api.register(left_features, table_name="left_records")
            right = db_api.register(right_features, table_name="right_records")
            records = len(left_rows) + len(right_rows)
            settings = untrained_model("link_only", len(text_columns), records)
            linker = Linker([left, right], settings, log_level=logging.WARNING)
            model = train_linker(linker, [left, right], records)
            model["blocking_rules_to_generate_predictions"] = blocking_for(
                model,
                records,
                exhaustive=nationality_pairs(left_features, right_features) <= EXHAUSTIVE_PAIRS,
            )
            linker = Linker([left, right], model, log_level=logging.WARNING)
            predictions = linker.inference.predict()
            _, shift = _with_prior_from_scores(
                connection,
                predictions.physical_name,
                model,
                len(left_rows) * len(right_rows),
                records,
            )
            candidates, bins, compared_true = _summary(
                connection, predictions.physical_name, truth, shift
            )
            cut = threshold if threshold is not None else choose_threshold(bins)
            found = connection.execute(
                f"SELECT unique_id_l, unique_id_r, {_probability_sql(shift)} "  # noqa: S608
                f"FROM {predictions.physical_name} WHERE match_weight + ? >= ?",
                [shift, weight_of(cut)],
            ).fetchall()
    pairs = order_link_pairs(found, lefts, rights)
    check = None
    if left_truth is not None and right_truth is not None:
        entity_of = {
            **{f"l:{rid}": entity for rid, entity in zip(lefts, left_truth, strict=True)},
            **{f"r:{rid}": entity for rid, entity in zip(rights, right_truth, strict=True)},
        }
        shared = set(left_truth) & set(right_truth) - {""}
        left_sizes, right_sizes = Counter(left_truth), Counter(right_truth)
        check = truth_check(
            linked=((f"l:{left}", f"r:{right}") for left, right, _ in pairs),
            entity_of=entity_of,
            true_pairs=sum(left_sizes[entity] * right_sizes[entity] for entity in shared),
            compared_true_pairs=compared_true,
        )
    return Linkage(
        pairs=pairs,
        threshold=cut,
        chosen_from_data=threshold is None,
        candidates=candidates,
        bins=tuple(bins),
        truth=check,
    )


def order_link_pairs(
    found: Sequence[tuple[Any, Any, Any]], lefts: Sequence[str], rights: Sequence[str]
) -> list[tuple[str, str, float]]:
    offset = len(lefts)
    pairs = []
    for one, other, probability in found:
        first, second = sorted((int(one), int(other)))
        pairs.append((first, second - offset, float(probability)))
    pairs.sort(key=lambda pair: (pair[0], -pair[2], pair[1]))
    return [(lefts[first], rights[second], probability) for first, second, probability in pairs]
