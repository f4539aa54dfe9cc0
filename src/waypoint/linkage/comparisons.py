"""What the linkage model compares: Splink comparisons, their levels, priors and blocking.

One definition serves every engine: the few functions whose names differ between SQL
dialects (Jaro-Winkler, Levenshtein, "the two lists share an element") come from
``Dialect``, so DuckDB and Spark score the same levels. Each level has an m probability
(how often true matches land there) and a u probability (how often non-matches do);
these are the priors that training starts from.
"""

from __future__ import annotations

import re
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

from waypoint.linkage.features import LIST_FEATURES

# Before training: one pair in ten thousand is the same person (Splink's own default).
PRIOR_MATCH_PROBABILITY = 0.0001

DialectName = Literal["duckdb", "spark"]
_QUOTED = re.compile(r'"([A-Za-z_][A-Za-z0-9_]*)"')

# Blocking: pairs of names compared with a birth-year window (see ``blocking_rules``).
NAME_PAIRS = (
    ("given_key1", "family_key1"),
    ("given_key1", "father_key"),
    ("family_key1", "father_key"),
)
GENEROUS_BLOCKING_BELOW = 50_000
# Lists whose records of one nationality make at most this many pairs have every such
# pair compared (``blocking_rules(exhaustive=True)``): seconds of work, and no true pair
# is lost to blocking there.
EXHAUSTIVE_PAIRS = 3_000_000

# The free-text columns of ``waypoint link --text-columns``, compared as one.
TEXT_COMPARISON = "other_columns"

# Countries whose nationals are often recorded as one another's on the Balkan route
# (ISO 3166-1 alpha-3, as registrations record nationality).
NEIGHBOURS = (
    ("AFG", "PAK", "IRN", "TJK"),
    ("IRQ", "SYR", "TUR", "IRN", "LBN", "JOR", "PSE"),
    ("MAR", "DZA", "TUN", "LBY", "EGY"),
    ("BGD", "IND", "NPL", "PAK", "LKA"),
    ("ERI", "ETH", "SOM", "SDN", "SSD"),
)

# The m probabilities of the date of birth are not learnt (EM on namesakes and households
# drifts to "a different date is normal"); they follow from the share of placeholder dates
# (01.01.YYYY or a year alone) in the list and from how often one person's date is written
# differently: a year off, day and month swapped, another day, or further apart.
PLACEHOLDER_SHARE = 0.35
YEAR_OFF = 0.10
DAY_MONTH_SWAPPED = 0.04
OTHER_DAY = 0.03
YEAR_OFF_OTHER_DAY = 0.005
YEAR_MISTYPED = 0.01  # the same day and month, a digit of the year wrong (1956 / 1954)
FURTHER = 0.015


def birth_m(placeholder_share: float) -> list[float]:
    """The m probabilities of the birth levels, in level order, for a list in which this
    share of dates are placeholders (each record of a pair independently)."""
    share = min(max(placeholder_share, 0.0), 1.0)
    exact = (1 - share) ** 2  # both dates are real dates
    loose = 1 - exact
    values = [
        exact
        * (
            1
            - YEAR_OFF
            - DAY_MONTH_SWAPPED
            - OTHER_DAY
            - YEAR_OFF_OTHER_DAY
            - YEAR_MISTYPED
            - FURTHER
        ),
        loose * (1 - YEAR_OFF - FURTHER),
        exact * DAY_MONTH_SWAPPED,
        exact * YEAR_OFF,
        loose * YEAR_OFF,
        exact * OTHER_DAY,
        exact * YEAR_OFF_OTHER_DAY,
        exact * YEAR_MISTYPED,
        FURTHER,
    ]
    total = sum(values)
    return [max(value / total, 0.0001) for value in values]


@dataclass(frozen=True)
class Dialect:
    """The SQL spelling of the few functions the levels need, per engine."""

    name: DialectName

    def jaro_winkler(self, left: str, right: str) -> str:
        function = "jaro_winkler_similarity" if self.name == "duckdb" else "jaro_winkler"
        return f"{function}({left}, {right})"

    def levenshtein(self, left: str, right: str) -> str:
        return f"levenshtein({left}, {right})"

    def identifiers(self, sql: str) -> str:
        """The SQL with its ``"column"`` identifiers quoted the way this engine reads
        them (Spark takes double quotes for strings; its identifiers are in backticks).
        Only identifiers are ever double-quoted in the SQL written here."""
        if self.name == "duckdb":
            return sql
        return _QUOTED.sub(r"`\1`", sql)

    def within(self, left: str, right: str) -> str:
        """Whether every word of one space-separated list is in the other."""
        if self.name == "duckdb":
            a, b = f"string_split({left}, ' ')", f"string_split({right}, ' ')"
            return f"(list_has_all({a}, {b}) OR list_has_all({b}, {a}))"
        a, b = f"split({left}, ' ')", f"split({right}, ' ')"
        return f"(size(array_except({a}, {b})) = 0 OR size(array_except({b}, {a})) = 0)"

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


def _both_null(column: str) -> str:
    return f'"{column}_l" IS NULL AND "{column}_r" IS NULL'


# A name left out on one record only is evidence of its own: re-registrations leave out
# family and father's names more often than two random records differ in having one.
MISSING_ON_ONE_SIDE = "missing on one side"


class Model:
    """The comparisons of one dialect."""

    def __init__(self, dialect: DialectName = "duckdb") -> None:
        self.dialect = Dialect(dialect)

    def _level(self, level: Level) -> ComparisonLevelCreator:
        sql = self.dialect.identifiers(level.sql)
        return cll.CustomLevel(sql, level.label, base_dialect_str=self.dialect.name).configure(
            m_probability=level.m,
            u_probability=level.u,
            fix_m_probability=level.fixed_m,
            fix_u_probability=level.fixed_u,
        )

    def _comparison(self, name: str, null_sql: str, levels: Sequence[Level]) -> cl.CustomComparison:
        null_sql = self.dialect.identifiers(null_sql)
        null = cll.CustomLevel(null_sql, "null", base_dialect_str=self.dialect.name).configure(
            is_null_level=True
        )
        return cl.CustomComparison(
            comparison_levels=[null, *(self._level(level) for level in levels)],
            output_column_name=name,
        )

    def name_comparison(self, part: str) -> cl.CustomComparison:
        """Given or family name, from the same spelling down to nothing in common.

        The levels between are the ways one person's name is written again: another
        romanisation (same skeleton, or same coarse sound: Jamal / Gamal), a typo, the
        name parts moved between the fields (the same sounds in another order: swapped
        given and family names), a second given name written in one record only (one
        within the other), one letter of the skeleton apart. A move puts both name
        comparisons on their "another order" level; only the given name's counts (the
        family name's weighs nothing), so the one move is not evidence twice.
        """
        name, key, sounds = f"{part}_name", f"{part}_key", f"{part}_sound"
        # Term frequencies in bands: a common name's agreement is weighed apart from a rare
        # one's, a very common name's apart again.
        common, very = (
            f'(coalesce("{part}_{band}_l", FALSE) OR coalesce("{part}_{band}_r", FALSE))'
            for band in ("common", "very_common")
        )
        jw = self.dialect.jaro_winkler(_col(name, "l"), _col(name, "r"))
        # A move: the same sounds over both fields, and neither field agrees on its own
        # (Ahmad Khan / Ahmad with family name Khan is a name part left out, not a move).
        moved = self._moved(
            part,
            '"all_sounds_l" = "all_sounds_r" AND "given_key_l" <> "given_key_r" '
            'AND "family_key_l" <> "family_key_r"',
            exact=True,
        )
        swapped = self._moved(part, self._crossed(), exact=False)
        # Skeletons with their spaces taken out, so that a name written as one word or two
        # (Mohammadzada, Mohammad Zada) is one letter apart, not different.
        joined_l, joined_r = (f"replace({_col(key, side)}, ' ', '')" for side in ("l", "r"))
        distance = self.dialect.levenshtein(joined_l, joined_r)
        return self._comparison(
            name,
            _null(name),
            [
                Level(f'"{name}_l" = "{name}_r" AND {very}', "same very common name", 0.2, 0.05),
                Level(f'"{name}_l" = "{name}_r" AND {common}', "same common name", 0.3, 0.02),
                Level(f'"{name}_l" = "{name}_r"', "same spelling", 0.55, 0.004),
                Level(
                    f'"{key}_l" = "{key}_r" AND {very}',
                    "very common name, same skeleton",
                    0.1,
                    0.05,
                ),
                Level(
                    f'"{key}_l" = "{key}_r" AND {common}', "common name, same skeleton", 0.1, 0.02
                ),
                Level(f'"{key}_l" = "{key}_r"', "same skeleton", 0.2, 0.003),
                Level(f'"{sounds}_l" = "{sounds}_r"', "same sound", 0.03, 0.003),
                Level(f"{jw} >= 0.92", "jaro-winkler >= 0.92", 0.08, 0.004),
                moved,
                swapped,
                Level(
                    f"{self.dialect.within(_col(sounds, 'l'), _col(sounds, 'r'))} AND {common}",
                    "a common name within the other",
                    0.02,
                    0.01,
                ),
                Level(
                    self.dialect.within(_col(sounds, "l"), _col(sounds, "r")),
                    "one within the other",
                    0.03,
                    0.003,
                ),
                Level(
                    self.dialect.shares_word(_col(key, "l"), _col(key, "r")),
                    "a skeleton in common",
                    0.01,
                    0.005,
                ),
                Level(
                    f"{distance} <= 1 AND length({joined_l}) >= 3",
                    "skeletons one letter apart",
                    0.02,
                    0.005,
                ),
                Level(f"{jw} >= 0.8", "jaro-winkler >= 0.8", 0.04, 0.04),
                Level("TRUE", "different", 0.04, 0.94),
            ],
        )

    @staticmethod
    def _moved(part: str, sql: str, *, exact: bool) -> Level:
        """The level of given and family names moved between the fields: it weighs on the
        given name; the family name's level weighs nothing, so one move counts once."""
        if part == "given":
            if exact:
                return Level(sql, "the same names in another order", 0.05, 0.0005)
            return Level(sql, "swapped, written another way", 0.03, 0.0005)
        label = "another order (counted on the given name)"
        if not exact:
            label = "swapped, written another way (counted on the given name)"
        return Level(sql, label, 0.001, 0.001, fixed_m=True, fixed_u=True)

    def _crossed(self) -> str:
        """Given name like the other's family name and family name like the other's given
        name, each the same skeleton or close in spelling (Simail Demir / Demir Ismail)."""

        def alike(one: str, other: str) -> str:
            jw = self.dialect.jaro_winkler(f'"{one}_name_l"', f'"{other}_name_r"')
            return f'("{one}_key_l" = "{other}_key_r" OR {jw} >= 0.85)'

        # Not when the given names agree as written: Ahmad Ahmadi / Ahmad Ahmadzai is
        # no swap, and its family names must be weighed on their own.
        return (
            f'("given_key_l" <> "given_key_r" AND {alike("given", "family")} '
            f"AND {alike('family', 'given')})"
        )

    def parent_comparison(self, parent: str) -> cl.CustomComparison:
        """The father's or the mother's given name.

        The father's m probabilities are fixed: EM on namesakes drifts to "a different
        father is normal". The mother's name is left out far more often and how often
        differs between lists, so its m probabilities are learnt.
        """
        return self._written_comparison(f"{parent}_name", f"{parent}_key", parent == "father")

    def place_comparison(self) -> cl.CustomComparison:
        """The place of birth, a name like any other (``Mazar-i-Sharif``, ``Mazar e
        Sharif``); its m probabilities are learnt."""
        return self._written_comparison("birth_place", "birth_place_key", False)

    def _written_comparison(self, name: str, key: str, fixed: bool) -> cl.CustomComparison:
        jw = self.dialect.jaro_winkler(_col(name, "l"), _col(name, "r"))
        return self._comparison(
            name,
            _null(name),
            [
                Level(f'"{name}_l" = "{name}_r"', "same spelling", 0.65, 0.01, fixed),
                Level(f'"{key}_l" = "{key}_r"', "same skeleton", 0.14, 0.005, fixed),
                Level(f"{jw} >= 0.88", "jaro-winkler >= 0.88", 0.065, 0.01, fixed),
                Level("TRUE", "different", 0.075, 0.955, fixed),
            ],
        )

    def birth_comparison(self, placeholder_share: float = PLACEHOLDER_SHARE) -> cl.CustomComparison:
        placeholder = '("birth_placeholder_l" OR "birth_placeholder_r")'
        same_year = '"birth_year_l" = "birth_year_r"'
        year_apart = 'abs("birth_year_l" - "birth_year_r") = 1'
        m = birth_m(placeholder_share)
        conditions = [
            (f'"birth_date_l" = "birth_date_r" AND NOT {placeholder}', "same date", 0.0001),
            (f"{same_year} AND {placeholder}", "same year, a placeholder date", 0.003),
            (
                f'{same_year} AND "birth_month_l" = "birth_day_r" '
                'AND "birth_day_l" = "birth_month_r"',
                "day and month swapped",
                0.00005,
            ),
            (
                f'{year_apart} AND "birth_month_l" = "birth_month_r" '
                f'AND "birth_day_l" = "birth_day_r" AND NOT {placeholder}',
                "a year apart, same day",
                0.0001,
            ),
            (f"{year_apart} AND {placeholder}", "a year apart, a placeholder date", 0.006),
            (same_year, "same year", 0.02),
            (year_apart, "a year apart", 0.04),
            (
                f'"birth_month_l" = "birth_month_r" AND "birth_day_l" = "birth_day_r" '
                f"AND NOT {placeholder}",
                "same day and month, another year",
                0.002,
            ),
            ("TRUE", "different", 0.94),
        ]
        return self._comparison(
            "birth",
            _null("birth_year"),
            [
                Level(sql, label, m_value, u, fixed_m=True)
                for (sql, label, u), m_value in zip(conditions, m, strict=True)
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

    def nationality_comparison(self) -> cl.CustomComparison:
        """Weak evidence, never a veto: a re-registration records a neighbouring country
        now and then (an Afghan born in Iran, a Moroccan taken for an Algerian)."""
        neighbours = " OR ".join(
            f'("nationality_l" IN ({group}) AND "nationality_r" IN ({group}))'
            for group in (", ".join(f"'{code}'" for code in codes) for codes in NEIGHBOURS)
        )
        return self._comparison(
            "nationality",
            _null("nationality"),
            [
                Level('"nationality_l" = "nationality_r"', "same", 0.92, 0.25, fixed_m=True),
                Level(neighbours, "neighbouring countries", 0.05, 0.05, fixed_m=True),
                Level("TRUE", "different", 0.03, 0.7, fixed_m=True),
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

    def text_comparison(self, count: int) -> cl.CustomComparison:
        """The free-text columns (``text_0`` ...) as one comparison: the share of the
        columns present on both sides that agree (the same, or Jaro-Winkler >= 0.88).

        An address is several columns that move together: scored one by one, a person
        who moved house lost a dozen bits, as if six independent facts disagreed. As one
        comparison, extra columns add evidence when they agree and cost little when a
        whole address changes.
        """
        present = " + ".join(
            f'(CASE WHEN "text_{index}_l" IS NOT NULL AND "text_{index}_r" IS NOT NULL '
            f"THEN 1 ELSE 0 END)"
            for index in range(count)
        )
        agree = " + ".join(
            f'(CASE WHEN "text_{index}_l" = "text_{index}_r" OR '
            f"{self.dialect.jaro_winkler(_col(f'text_{index}', 'l'), _col(f'text_{index}', 'r'))}"
            f" >= 0.88 THEN 1 ELSE 0 END)"
            for index in range(count)
        )
        present, agree = f"({present})", f"({agree})"
        return self._comparison(
            TEXT_COMPARISON,
            f"{present} = 0",
            [
                Level(f"{agree} = {present}", "all agree", 0.6, 0.01),
                Level(f"{agree} * 3 >= {present} * 2", "most agree", 0.2, 0.02),
                Level(f"{agree} * 3 >= {present}", "some agree", 0.1, 0.05),
                Level(f"{agree} >= 1", "one agrees", 0.05, 0.1),
                Level("TRUE", "none agree", 0.05, 0.82),
            ],
        )

    def blocking_rules(
        self, records: int = 0, *, exhaustive: bool = False
    ) -> list[BlockingRuleCreator | dict[str, Any]]:
        """A pair is scored when any rule holds (see docs/linkage.md, "Blocking").

        Two of the first skeletons of the given, family and father's names (or the given
        and family names swapped) with a birth year at most one apart; all three names;
        the given or the father's name with the same date, sex and nationality; the same
        document or phone. Lists of fewer than
        ``GENEROUS_BLOCKING_BELOW`` records also compare pairs sharing two names (or a
        name and the birth year) whatever the rest: cheap there, and it helps lists
        without a date of birth. ``exhaustive`` (lists whose records of one nationality
        make at most ``EXHAUSTIVE_PAIRS`` pairs) compares every two records of one
        nationality.
        """
        rules: list[BlockingRuleCreator | dict[str, Any]] = [
            block_on(column, arrays_to_explode=[column]) for column in LIST_FEATURES
        ]
        rules.append(
            self._rule(
                "l.birth_date = r.birth_date AND l.block_group = r.block_group "
                "AND NOT l.birth_placeholder"
            )
        )
        rules.extend([block_on("document_number"), block_on("phone")])
        if exhaustive:
            rules.append(block_on("nationality"))
        if records < GENEROUS_BLOCKING_BELOW:
            rules.extend(
                [
                    block_on("given_key1", "family_key1"),
                    self._rule("l.given_key1 = r.family_key1 AND l.family_key1 = r.given_key1"),
                    block_on("all_keys"),
                    block_on("given_key1", "father_key"),
                    block_on("birth_year", "given_key1"),
                    block_on("birth_year", "family_key1"),
                    block_on("birth_year", "father_key"),
                    self._rule("l.birth_date = r.birth_date AND NOT l.birth_placeholder"),
                    *self._year_window("given_key1", "father_key"),
                    *self._year_window("family_key1", "father_key"),
                    block_on("given_key_last", "family_key1"),
                    block_on("given_key1", "family_key_last"),
                ]
            )
        return rules

    def _rule(self, sql: str) -> BlockingRuleCreator:
        return CustomRule(sql, self.dialect.name)

    def _year_window(
        self, first: str, second: str, *, swapped: bool = False
    ) -> list[BlockingRuleCreator | dict[str, Any]]:
        """Two names the same (or swapped) and birth years at most one apart: three
        equi-joins (same year, one year more, one year less)."""
        other_first, other_second = (second, first) if swapped else (first, second)
        names = f"l.{first} = r.{other_first} AND l.{second} = r.{other_second}"
        return [
            self._rule(f"{names} AND l.birth_year = r.birth_year"),
            self._rule(f"{names} AND l.birth_year = r.birth_year_next"),
            self._rule(f"{names} AND l.birth_year_next = r.birth_year"),
        ]

    def settings(
        self,
        link_type: Literal["dedupe_only", "link_only"],
        text_count: int,
        records: int = 0,
        *,
        exhaustive: bool = False,
    ) -> dict[str, Any]:
        """The untrained model as Splink's settings dictionary."""
        comparisons: list[ComparisonCreator | dict[str, Any]] = [
            self.name_comparison("given"),
            self.name_comparison("family"),
            self.parent_comparison("father"),
            self.parent_comparison("mother"),
            self.birth_comparison(),
            self.place_comparison(),
            self.exact_comparison("sex", 0.98, 0.5, fixed_m=True),
            self.nationality_comparison(),
            self.document_comparison(),
            self.exact_comparison("phone", 0.8, 0.00001),
            *([self.text_comparison(text_count)] if text_count else []),
        ]
        creator = SettingsCreator(
            link_type=link_type,
            unique_id_column_name="unique_id",
            comparisons=comparisons,
            blocking_rules_to_generate_predictions=self.blocking_rules(
                records, exhaustive=exhaustive
            ),
            probability_two_random_records_match=PRIOR_MATCH_PROBABILITY,
            retain_matching_columns=False,
            retain_intermediate_calculation_columns=False,
        )
        return creator.create_settings_dict(sql_dialect_str=self.dialect.name)
