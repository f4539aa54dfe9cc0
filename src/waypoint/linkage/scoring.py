"""Scoring a handful of pairs fast, with the same levels and weights as Splink's predict.

A trained model is Splink's settings dictionary: for each comparison, levels with an SQL
condition and m and u probabilities. ``CompiledModel`` turns the conditions into one
DuckDB query (a ``CASE`` per comparison giving the level reached) that runs on a small
in-memory table of pairs, and adds up the levels' log2 Bayes factors in Python, exactly
as Splink does. A query and a DuckDB connection are kept per process, so scoring one new
record against fifty candidates costs a few milliseconds.
"""

from __future__ import annotations

import json
import math
import re
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import duckdb
import pyarrow as pa
import sqlglot

from waypoint.linkage.features import FEATURE_COLUMNS, LIST_FEATURES

_TEXT_COLUMN = re.compile(r"text_(\d+)_[lr]")
INTEGER_FEATURES = {"birth_year", "birth_month", "birth_day", "birth_year_next"}
BOOLEAN_FEATURES = {
    "birth_placeholder",
    "given_common",
    "family_common",
    "given_very_common",
    "family_very_common",
}


@dataclass(frozen=True)
class CompiledLevel:
    gamma: int
    label: str
    weight: float  # log2 of m / u; 0 for the null level


@dataclass(frozen=True)
class CompiledComparison:
    name: str
    levels: dict[int, CompiledLevel]  # gamma -> level


def level_weight(level: Mapping[str, Any]) -> float:
    if level.get("is_null_level"):
        return 0.0
    m, u = level.get("m_probability"), level.get("u_probability")
    if not m or not u:
        return 0.0
    return math.log2(m / u)


def compile_comparisons(
    model: Mapping[str, Any], *, for_duckdb: bool = True
) -> list[tuple[CompiledComparison, list[str]]]:
    """Each comparison's levels by gamma, and its SQL conditions from the strongest down.

    The conditions are in DuckDB's SQL (``for_duckdb``) or in the model's own dialect.
    Gamma follows Splink: -1 for the null level, then the number of other levels minus one
    for the first of them down to 0 for the last.
    """
    dialect = model.get("sql_dialect") or "duckdb"
    compiled = []
    for comparison in model["comparisons"]:
        levels = comparison["comparison_levels"]
        non_null = [level for level in levels if not level.get("is_null_level")]
        by_gamma: dict[int, CompiledLevel] = {}
        conditions = []
        top = len(non_null) - 1
        for level in levels:
            gamma = -1 if level.get("is_null_level") else top - non_null.index(level)
            by_gamma[gamma] = CompiledLevel(gamma, level["label_for_charts"], level_weight(level))
            condition = level["sql_condition"]
            if for_duckdb and dialect != "duckdb":
                condition = sqlglot.transpile(condition, read=dialect, write="duckdb")[0]
            conditions.append(f"WHEN {condition} THEN {gamma}")
        compiled.append(
            (CompiledComparison(comparison["output_column_name"], by_gamma), conditions)
        )
    return compiled


class CompiledModel:
    """A model ready to score small batches of pairs on a DuckDB connection of its own."""

    def __init__(self, model: Mapping[str, Any]) -> None:
        prior = float(model["probability_two_random_records_match"])
        self.prior_weight = math.log2(prior / (1 - prior))
        compiled = compile_comparisons(model)
        self.comparisons = [comparison for comparison, _ in compiled]
        cases = ", ".join(f"CASE {' '.join(conditions)} ELSE 0 END" for _, conditions in compiled)
        self.sql = f"SELECT {cases} FROM pairs ORDER BY pair_index"  # noqa: S608
        self.columns = _feature_columns(model)
        self.schema = pa.schema(
            [pa.field("pair_index", pa.int64())]
            + [
                pa.field(f"{column}_{side}", _arrow_type(column))
                for column in self.columns
                for side in ("l", "r")
            ]
        )
        self._connection = duckdb.connect()
        self._lock = threading.Lock()

    def gammas(
        self, pairs: Sequence[tuple[Mapping[str, Any], Mapping[str, Any]]]
    ) -> list[tuple[int, ...]]:
        """The level each comparison reaches for each (left features, right features)."""
        if not pairs:
            return []
        data: dict[str, list[Any]] = {"pair_index": list(range(len(pairs)))}
        for column in self.columns:
            data[f"{column}_l"] = [left.get(column) for left, _ in pairs]
            data[f"{column}_r"] = [right.get(column) for _, right in pairs]
        table = pa.Table.from_pydict(data, schema=self.schema)
        with self._lock:
            self._connection.register("pairs", table)
            try:
                rows = self._connection.execute(self.sql).fetchall()
            finally:
                self._connection.unregister("pairs")
        return [tuple(int(value) for value in row) for row in rows]

    def weigh(self, gammas: Sequence[int]) -> tuple[float, list[CompiledLevel]]:
        """The match probability of one pair's levels, and the levels themselves."""
        levels = [
            comparison.levels[gamma]
            for comparison, gamma in zip(self.comparisons, gammas, strict=True)
        ]
        weight = self.prior_weight + sum(level.weight for level in levels)
        return probability_of(weight), levels


def probability_of(match_weight: float) -> float:
    if match_weight > 500:
        return 1.0
    odds = 2.0**match_weight
    return odds / (1 + odds)


def _feature_columns(model: Mapping[str, Any]) -> list[str]:
    """The feature columns a model reads: the fixed ones and the free-text columns its
    conditions name (``text_0`` ...)."""
    named = {
        int(index)
        for comparison in model["comparisons"]
        for level in comparison["comparison_levels"]
        for index in _TEXT_COLUMN.findall(str(level.get("sql_condition", "")))
    }
    text_count = max(named) + 1 if named else 0
    compared = [column for column in FEATURE_COLUMNS if column not in LIST_FEATURES]
    return [*compared, *(f"text_{index}" for index in range(text_count))]


def feature_schema(text_count: int) -> pa.Schema:
    """The Arrow schema of a table of features (``unique_id`` last)."""
    columns = [*FEATURE_COLUMNS, *(f"text_{index}" for index in range(text_count))]
    return pa.schema(
        [pa.field(column, _arrow_type(column)) for column in columns]
        + [pa.field("unique_id", pa.int64())]
    )


def _arrow_type(column: str) -> pa.DataType:
    if column in LIST_FEATURES:
        return pa.list_(pa.string())
    if column in INTEGER_FEATURES:
        return pa.int64()
    if column in BOOLEAN_FEATURES:
        return pa.bool_()
    return pa.string()


@lru_cache(maxsize=16)
def _compiled(model_json: str) -> CompiledModel:
    return CompiledModel(json.loads(model_json))


def compiled_model(model: Mapping[str, Any]) -> CompiledModel:
    """The compiled form of ``model``, made once per process for each distinct model."""
    return _compiled(json.dumps(model, sort_keys=True, default=str))
