"""What the linkage model compares: Splink comparisons, their levels, priors and blocking.

One definition serves every engine: the few functions whose names differ between SQL
dialects (Jaro-Winkler, Levenshtein, "the two lists share an element") come from
``Dialect``, so DuckDB and Spark score the same levels. Each level has an m probability
(how often true matches land there) and a u probability (how often non-matches do);
these are the priors that training starts from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from splink import SettingsCreator, block_on
from splink import comparison_level_library as cll
from splink import comparison_library as cl
from splink.blocking_rule_library import CustomRule
from splink.internals.blocking_rule_creator import BlockingRuleCreator
from splink.internals.comparison_creator import ComparisonCreator
from splink.internals.comparison_level_creator import ComparisonLevelCreator

# Before training: one pair in ten thousand is the same person (Splink's own default).
PRIOR_MATCH_PROBABILITY = 0.0001

DialectName = Literal["duckdb", "spark"]


@dataclass(frozen=True)
class Dialect:
    """The SQL spelling of the few functions the levels need, per engine."""

    name: DialectName

    def jaro_winkler(self, left: str, right: str) -> str:
        function = "jaro_winkler_similarity" if self.name == "duckdb" else "jaro_winkler"
        return f"{function}({left}, {right})"

    def levenshtein(self, left: str, right: str) -> str:
        return f"levenshtein({left}, {right})"

    def shares_word(self, left: str, right: str) -> str:
        """Whether two space-separated word lists have a word in common."""
        if self.name == "duckdb":
            return f"list_has_any(string_split({left}, ' '), string_split({right}, ' '))"
        return f"arrays_overlap(split({left}, ' '), split({right}, ' '))"


@dataclass(frozen=True)
class Level:
    sql: str
    label: str
    m: float
    u: float
    fixed_m: bool = False  # what we know about how re-registrations differ, not learnt
    fixed_u: bool = False


def _col(column: str, side: str) -> str:
    return f'"{column}_{side}"'


def _null(column: str) -> str:
    return f'"{column}_l" IS NULL OR "{column}_r" IS NULL'


class Model:
    """The comparisons of one dialect."""

    def __init__(self, dialect: DialectName = "duckdb") -> None:
        self.dialect = Dialect(dialect)

    def _level(self, level: Level) -> ComparisonLevelCreator:
        return cll.CustomLevel(
            level.sql, level.label, base_dialect_str=self.dialect.name
        ).configure(
            m_probability=level.m,
            u_probability=level.u,
            fix_m_probability=level.fixed_m,
            fix_u_probability=level.fixed_u,
        )

    def _comparison(self, name: str, null_sql: str, levels: Sequence[Level]) -> cl.CustomComparison:
        null = cll.CustomLevel(null_sql, "null", base_dialect_str=self.dialect.name).configure(
            is_null_level=True
        )
        return cl.CustomComparison(
            comparison_levels=[null, *(self._level(level) for level in levels)],
            output_column_name=name,
        )

    def name_comparison(self, part: str, other: str) -> cl.CustomComparison:
        """Given or family name; ``other`` is the opposite part, compared crossed for swaps.

        A swap puts both name comparisons on their "swapped" level; only the given name's
        counts (the family name's weighs nothing), so the one swap is not evidence twice.
        """
        name, key = f"{part}_name", f"{part}_key"
        crossed_key = f"{other}_key"
        jw = self.dialect.jaro_winkler(_col(name, "l"), _col(name, "r"))
        swapped_sql = f'"{key}_l" = "{crossed_key}_r" AND "{crossed_key}_l" = "{key}_r"'
        swapped = (
            Level(swapped_sql, "swapped with the other name", 0.05, 0.0005)
            if part == "given"
            else Level(
                swapped_sql,
                "swapped (counted on the given name)",
                0.001,
                0.001,
                fixed_m=True,
                fixed_u=True,
            )
        )
        return self._comparison(
            name,
            _null(name),
            [
                Level(f'"{name}_l" = "{name}_r"', "same spelling", 0.55, 0.004),
                Level(f'"{key}_l" = "{key}_r"', "same skeleton", 0.2, 0.003),
                Level(f"{jw} >= 0.92", "jaro-winkler >= 0.92", 0.08, 0.004),
                swapped,
                Level(
                    self.dialect.shares_word(_col(key, "l"), _col(key, "r")),
                    "a skeleton in common",
                    0.01,
                    0.005,
                ),
                Level(f"{jw} >= 0.8", "jaro-winkler >= 0.8", 0.04, 0.04),
                Level("TRUE", "different", 0.04, 0.94),
            ],
        )

    def father_comparison(self) -> cl.CustomComparison:
        jw = self.dialect.jaro_winkler('"father_name_l"', '"father_name_r"')
        return self._comparison(
            "father_name",
            _null("father_name"),
            [
                Level('"father_name_l" = "father_name_r"', "same spelling", 0.7, 0.01, True),
                Level('"father_key_l" = "father_key_r"', "same skeleton", 0.15, 0.005, True),
                Level(f"{jw} >= 0.88", "jaro-winkler >= 0.88", 0.07, 0.01, True),
                Level("TRUE", "different", 0.08, 0.975, True),
            ],
        )

    def birth_comparison(self) -> cl.CustomComparison:
        placeholder = '("birth_placeholder_l" OR "birth_placeholder_r")'
        same_year = '"birth_year_l" = "birth_year_r"'
        year_apart = 'abs("birth_year_l" - "birth_year_r") = 1'
        return self._comparison(
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
                    f'{year_apart} AND "birth_month_l" = "birth_month_r" '
                    f'AND "birth_day_l" = "birth_day_r" AND NOT {placeholder}',
                    "a year apart, same day",
                    0.05,
                    0.0001,
                    fixed_m=True,
                ),
                Level(
                    f"{year_apart} AND {placeholder}",
                    "a year apart, a placeholder date",
                    0.03,
                    0.006,
                    fixed_m=True,
                ),
                Level(same_year, "same year", 0.04, 0.02, fixed_m=True),
                Level(year_apart, "a year apart", 0.02, 0.04, fixed_m=True),
                Level("TRUE", "different", 0.01, 0.94, fixed_m=True),
            ],
        )

    def exact_comparison(
        self, column: str, m: float, u: float, *, fixed_m: bool = False
    ) -> cl.CustomComparison:
        return self._comparison(
            column,
            _null(column),
            [
                Level(f'"{column}_l" = "{column}_r"', "same", m, u, fixed_m),
                Level("TRUE", "different", 1 - m, 1 - u, fixed_m),
            ],
        )

    def document_comparison(self) -> cl.CustomComparison:
        distance = self.dialect.levenshtein('"document_number_l"', '"document_number_r"')
        return self._comparison(
            "document_number",
            _null("document_number"),
            [
                Level('"document_number_l" = "document_number_r"', "same", 0.8, 0.00001),
                Level(f"{distance} <= 1", "one character apart", 0.1, 0.0001),
                Level("TRUE", "different", 0.1, 0.9999),
            ],
        )

    def text_comparison(self, column: str) -> cl.CustomComparison:
        jw = self.dialect.jaro_winkler(_col(column, "l"), _col(column, "r"))
        return self._comparison(
            column,
            _null(column),
            [
                Level(f'"{column}_l" = "{column}_r"', "same", 0.6, 0.01),
                Level(f"{jw} >= 0.88", "jaro-winkler >= 0.88", 0.2, 0.02),
                Level("TRUE", "different", 0.2, 0.97),
            ],
        )

    def blocking_rules(self) -> list[BlockingRuleCreator | dict[str, Any]]:
        return [
            block_on("given_key1", "family_key1"),
            # swapped given and family name
            CustomRule(
                "l.given_key1 = r.family_key1 AND l.family_key1 = r.given_key1",
                self.dialect.name,
            ),
            block_on("all_keys"),
            block_on("birth_year", "given_key1"),
            block_on("birth_year", "family_key1"),
            block_on("birth_year", "father_key"),
            block_on("given_key1", "father_key"),
            block_on("document_number"),
            block_on("phone"),
        ]

    def settings(
        self, link_type: Literal["dedupe_only", "link_only"], text_count: int
    ) -> dict[str, Any]:
        """The untrained model as Splink's settings dictionary."""
        comparisons: list[ComparisonCreator | dict[str, Any]] = [
            self.name_comparison("given", "family"),
            self.name_comparison("family", "given"),
            self.father_comparison(),
            self.birth_comparison(),
            self.exact_comparison("sex", 0.98, 0.5, fixed_m=True),
            self.exact_comparison("nationality", 0.95, 0.25, fixed_m=True),
            self.document_comparison(),
            self.exact_comparison("phone", 0.8, 0.00001),
            *(self.text_comparison(f"text_{index}") for index in range(text_count)),
        ]
        creator = SettingsCreator(
            link_type=link_type,
            unique_id_column_name="unique_id",
            comparisons=comparisons,
            blocking_rules_to_generate_predictions=self.blocking_rules(),
            probability_two_random_records_match=PRIOR_MATCH_PROBABILITY,
            retain_matching_columns=False,
            retain_intermediate_calculation_columns=False,
        )
        return creator.create_settings_dict(sql_dialect_str=self.dialect.name)
