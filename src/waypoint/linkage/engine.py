"""The linkage model: Splink (Fellegi-Sunter) on DuckDB over the features of ``features``.

Each comparison has levels from "the same" down to "different", each with an m
probability (how often true matches land there) and a u probability (how often
non-matches do). The levels start from priors written here; with enough records the u
probabilities are estimated from random pairs and the m probabilities by expectation
maximisation, so no labelled pairs are needed. Blocking decides which pairs are scored at
all: a pair is compared when any one rule puts both records in the same block.

``deduplicate`` groups records of one list into clusters; ``link`` pairs the records of
two lists. Both take plain rows (mappings from role to text) and are pure apart from the
in-memory DuckDB database each call opens and closes.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import duckdb
from splink import DuckDBAPI, Linker, SettingsCreator, block_on
from splink import comparison_level_library as cll
from splink import comparison_library as cl
from splink.blocking_rule_library import CustomRule
from splink.internals.blocking_rule_creator import BlockingRuleCreator
from splink.internals.comparison_creator import ComparisonCreator
from splink.internals.comparison_level_creator import ComparisonLevelCreator

from waypoint.linkage.features import record_features

DEFAULT_THRESHOLD = 0.95  # the best F1 in benchmarks/linkage.py at 10,000 people
# Below this many records the estimates are noise; the priors are better.
MIN_TRAINING_RECORDS = 1000
U_SAMPLE_PAIRS = 2e6
EM_MAX_PAIRS = 2e6
M_FLOOR = 0.001
U_FLOOR = 0.000001
# Before training: one pair in ten thousand is the same person (Splink's own default).
PRIOR_MATCH_PROBABILITY = 0.0001

Row = Mapping[str, str]

logging.getLogger("splink").setLevel(logging.WARNING)


@dataclass(frozen=True)
class Level:
    sql: str
    label: str
    m: float
    u: float
    fixed_m: bool = False  # what we know about how re-registrations differ, not learnt
    fixed_u: bool = False


def _level(level: Level) -> ComparisonLevelCreator:
    return cll.CustomLevel(level.sql, level.label, base_dialect_str="duckdb").configure(
        m_probability=level.m,
        u_probability=level.u,
        fix_m_probability=level.fixed_m,
        fix_u_probability=level.fixed_u,
    )


def _comparison(name: str, null_sql: str, levels: Sequence[Level]) -> cl.CustomComparison:
    null = cll.CustomLevel(null_sql, "null", base_dialect_str="duckdb").configure(
        is_null_level=True
    )
    return cl.CustomComparison(
        comparison_levels=[null, *(_level(level) for level in levels)],
        output_column_name=name,
    )


def _null(column: str) -> str:
    return f'"{column}_l" IS NULL OR "{column}_r" IS NULL'


def _name_comparison(part: str, other: str) -> cl.CustomComparison:
    """Given or family name; ``other`` is the opposite part, compared crossed for swaps.

    A swap puts both name comparisons on their "swapped" level; only the given name's
    counts (the family name's weighs nothing), so the one swap is not evidence twice.
    """
    name, key = f"{part}_name", f"{part}_key"
    crossed_key = f"{other}_key"
    swapped = (
        Level(_swapped_sql(key, crossed_key), "swapped with the other name", 0.05, 0.0005)
        if part == "given"
        else Level(
            _swapped_sql(key, crossed_key),
            "swapped (counted on the given name)",
            0.001,
            0.001,
            fixed_m=True,
            fixed_u=True,
        )
    )
    return _comparison(
        name,
        _null(name),
        [
            Level(f'"{name}_l" = "{name}_r"', "same spelling", 0.55, 0.004),
            Level(f'"{key}_l" = "{key}_r"', "same skeleton", 0.2, 0.003),
            Level(
                f'jaro_winkler_similarity("{name}_l", "{name}_r") >= 0.92',
                "jaro-winkler >= 0.92",
                0.08,
                0.004,
            ),
            swapped,
            Level(
                f"list_has_any(string_split(\"{key}_l\", ' '), string_split(\"{key}_r\", ' '))",
                "a skeleton in common",
                0.01,
                0.005,
            ),
            Level(
                f'jaro_winkler_similarity("{name}_l", "{name}_r") >= 0.8',
                "jaro-winkler >= 0.8",
                0.04,
                0.04,
            ),
            Level("TRUE", "different", 0.04, 0.94),
        ],
    )


def _swapped_sql(key: str, crossed_key: str) -> str:
    return f'"{key}_l" = "{crossed_key}_r" AND "{crossed_key}_l" = "{key}_r"'


def _father_comparison() -> cl.CustomComparison:
    return _comparison(
        "father_name",
        _null("father_name"),
        [
            Level('"father_name_l" = "father_name_r"', "same spelling", 0.7, 0.01, True),
            Level('"father_key_l" = "father_key_r"', "same skeleton", 0.15, 0.005, True),
            Level(
                'jaro_winkler_similarity("father_name_l", "father_name_r") >= 0.88',
                "jaro-winkler >= 0.88",
                0.07,
                0.01,
                True,
            ),
            Level("TRUE", "different", 0.08, 0.975, True),
        ],
    )


def _birth_comparison() -> cl.CustomComparison:
    placeholder = '("birth_placeholder_l" OR "birth_placeholder_r")'
    same_year = '"birth_year_l" = "birth_year_r"'
    return _comparison(
        "birth",
        _null("birth_year"),
        [
            Level(
                f'"birth_date_l" = "birth_date_r" AND NOT {placeholder}',
                "same date",
                0.7,
                0.0001,
                fixed_m=True,
            ),
            Level(
                f"{same_year} AND {placeholder}",
                "same year, a placeholder date",
                0.1,
                0.003,
                fixed_m=True,
            ),
            Level(
                f'{same_year} AND "birth_month_l" = "birth_day_r" '
                'AND "birth_day_l" = "birth_month_r"',
                "day and month swapped",
                0.03,
                0.00005,
                fixed_m=True,
            ),
            Level(
                'abs("birth_year_l" - "birth_year_r") = 1 AND "birth_month_l" = "birth_month_r" '
                f'AND "birth_day_l" = "birth_day_r" AND NOT {placeholder}',
                "a year apart, same day",
                0.05,
                0.0001,
                fixed_m=True,
            ),
            Level(
                f'abs("birth_year_l" - "birth_year_r") = 1 AND {placeholder}',
                "a year apart, a placeholder date",
                0.03,
                0.006,
                fixed_m=True,
            ),
            Level(same_year, "same year", 0.04, 0.02, fixed_m=True),
            Level(
                'abs("birth_year_l" - "birth_year_r") = 1', "a year apart", 0.02, 0.04, fixed_m=True
            ),
            Level("TRUE", "different", 0.01, 0.94, fixed_m=True),
        ],
    )


def _exact_comparison(
    column: str, m: float, u: float, *, fixed_m: bool = False
) -> cl.CustomComparison:
    return _comparison(
        column,
        _null(column),
        [
            Level(f'"{column}_l" = "{column}_r"', "same", m, u, fixed_m),
            Level("TRUE", "different", 1 - m, 1 - u, fixed_m),
        ],
    )


def _document_comparison() -> cl.CustomComparison:
    return _comparison(
        "document_number",
        _null("document_number"),
        [
            Level('"document_number_l" = "document_number_r"', "same", 0.8, 0.00001),
            Level(
                'levenshtein("document_number_l", "document_number_r") <= 1',
                "one character apart",
                0.1,
                0.0001,
            ),
            Level("TRUE", "different", 0.1, 0.9999),
        ],
    )


def _text_comparison(column: str) -> cl.CustomComparison:
    return _comparison(
        column,
        _null(column),
        [
            Level(f'"{column}_l" = "{column}_r"', "same", 0.6, 0.01),
            Level(
                f'jaro_winkler_similarity("{column}_l", "{column}_r") >= 0.88',
                "jaro-winkler >= 0.88",
                0.2,
                0.02,
            ),
            Level("TRUE", "different", 0.2, 0.97),
        ],
    )


BLOCKING_RULES: tuple[BlockingRuleCreator, ...] = (
    block_on("given_key1", "family_key1"),
    # swapped given and family name
    CustomRule("l.given_key1 = r.family_key1 AND l.family_key1 = r.given_key1", "duckdb"),
    block_on("all_keys"),
    block_on("birth_year", "given_key1"),
    block_on("birth_year", "family_key1"),
    block_on("birth_year", "father_key"),
    block_on("given_key1", "father_key"),
    block_on("document_number"),
    block_on("phone"),
)


def _settings(link_type: Literal["dedupe_only", "link_only"], text_count: int) -> SettingsCreator:
    comparisons: list[ComparisonCreator | dict[str, Any]] = [
        _name_comparison("given", "family"),
        _name_comparison("family", "given"),
        _father_comparison(),
        _birth_comparison(),
        _exact_comparison("sex", 0.98, 0.5, fixed_m=True),
        _exact_comparison("nationality", 0.95, 0.25, fixed_m=True),
        _document_comparison(),
        _exact_comparison("phone", 0.8, 0.00001),
        *(_text_comparison(f"text_{index}") for index in range(text_count)),
    ]
    return SettingsCreator(
        link_type=link_type,
        unique_id_column_name="unique_id",
        comparisons=comparisons,
        blocking_rules_to_generate_predictions=[*BLOCKING_RULES],
        probability_two_random_records_match=PRIOR_MATCH_PROBABILITY,
        retain_matching_columns=False,
        retain_intermediate_calculation_columns=False,
    )


def _feature_rows(
    rows: Sequence[Row], text_columns: tuple[str, ...], start: int = 0
) -> list[dict[str, Any]]:
    table = []
    for index, row in enumerate(rows, start=start):
        features = record_features(row, text_columns=text_columns)
        features["unique_id"] = index
        table.append(features)
    return table


def _trained(linker: Linker, table: Any, records: int) -> Linker:
    """The linker with trained parameters, or as it is when there are too few records."""
    if records < MIN_TRAINING_RECORDS:
        return linker
    _train(linker)
    model = linker.misc.save_model_to_json()
    # EM can drive a rare level's m to almost zero, which would veto any pair landing
    # there; no single field should be able to do that.
    for comparison in model["comparisons"]:
        for level in comparison["comparison_levels"]:
            if not level.get("is_null_level"):
                level["m_probability"] = max(level.get("m_probability") or M_FLOOR, M_FLOOR)
                level["u_probability"] = max(level.get("u_probability") or U_FLOOR, U_FLOOR)
    return Linker(table, model, log_level=logging.WARNING)


def _train(linker: Linker) -> None:
    training = linker.training
    training.estimate_probability_two_random_records_match(
        [
            "l.all_tokens = r.all_tokens AND l.birth_date = r.birth_date",
            block_on("document_number"),
        ],
        recall=0.25,
    )
    training.estimate_u_using_random_sampling(max_pairs=U_SAMPLE_PAIRS, seed=1)
    # Each session fixes what it blocks on and estimates the rest.
    training.estimate_parameters_using_expectation_maximisation(
        "l.birth_date = r.birth_date AND NOT l.birth_placeholder",
        max_pairs=EM_MAX_PAIRS,
        record_sample_proportion=0.2,
    )
    training.estimate_parameters_using_expectation_maximisation(
        block_on("given_key", "family_key"), max_pairs=EM_MAX_PAIRS, record_sample_proportion=0.2
    )


def _check_threshold(threshold: float) -> None:
    if not 0 < threshold < 1:
        raise ValueError(f"the threshold must be between 0 and 1, not {threshold}")


def deduplicate(
    rows: Sequence[Row],
    *,
    ids: Sequence[str] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    text_columns: tuple[str, ...] = (),
) -> dict[str, str]:
    """Which records are the same person: record id -> cluster id, for every record.

    A record's id is ``ids[i]`` (default: its position as a string). Records joined by a
    chain of pairs scoring at least ``threshold`` share a cluster, whose id is the id of
    its first record; a record matched to nothing is its own cluster.
    """
    _check_threshold(threshold)
    record_ids = [str(index) for index in range(len(rows))] if ids is None else list(ids)
    if len(record_ids) != len(rows):
        raise ValueError("there must be one id for every row")
    if len(rows) < 2:
        return {record_id: record_id for record_id in record_ids}
    connection = duckdb.connect()
    try:
        db_api = DuckDBAPI(connection)
        table = db_api.register(_feature_rows(rows, text_columns), table_name="records")
        count = len(rows)
        linker = Linker(
            table,
            _settings("dedupe_only", len(text_columns)),
            log_level=logging.WARNING,
        )
        linker = _trained(linker, table, count)
        predictions = linker.inference.predict(threshold_match_probability=threshold)
        clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
            predictions, threshold_match_probability=threshold
        )
        found = connection.execute(
            f"SELECT unique_id, cluster_id FROM {clusters.physical_name}"  # noqa: S608
        ).fetchall()
    finally:
        connection.close()
    assignment = {record_ids[index]: record_ids[index] for index in range(len(rows))}
    # Splink names a cluster after one member; ours is named after its first record.
    first: dict[int, int] = {}
    for unique_id, cluster_id in found:
        first[int(cluster_id)] = min(first.get(int(cluster_id), int(unique_id)), int(unique_id))
    for unique_id, cluster_id in found:
        assignment[record_ids[int(unique_id)]] = record_ids[first[int(cluster_id)]]
    return assignment


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
    _check_threshold(threshold)
    lefts = [str(i) for i in range(len(left_rows))] if left_ids is None else list(left_ids)
    rights = [str(i) for i in range(len(right_rows))] if right_ids is None else list(right_ids)
    if len(lefts) != len(left_rows) or len(rights) != len(right_rows):
        raise ValueError("there must be one id for every row")
    if not left_rows or not right_rows:
        return []
    connection = duckdb.connect()
    try:
        db_api = DuckDBAPI(connection)
        left = db_api.register(_feature_rows(left_rows, text_columns), table_name="left_records")
        right = db_api.register(
            _feature_rows(right_rows, text_columns, start=len(left_rows)),
            table_name="right_records",
        )
        total = len(left_rows) + len(right_rows)
        linker = Linker(
            [left, right],
            _settings("link_only", len(text_columns)),
            log_level=logging.WARNING,
        )
        linker = _trained(linker, [left, right], total)
        predictions = linker.inference.predict(threshold_match_probability=threshold)
        found = connection.execute(
            f"SELECT unique_id_l, unique_id_r, match_probability "  # noqa: S608
            f"FROM {predictions.physical_name}"
        ).fetchall()
    finally:
        connection.close()
    offset = len(left_rows)
    pairs = []
    for one, other, probability in found:
        first, second = sorted((int(one), int(other)))
        pairs.append((first, second - offset, float(probability)))
    pairs.sort(key=lambda pair: (pair[0], -pair[2], pair[1]))
    return [(lefts[first], rights[second], probability) for first, second, probability in pairs]
