"""Training the model without labels: the u probabilities, then the m ones by EM.

Names are not independent of nationality: two random Pakistanis share a given name far
more often than two random records do, and they share the family and father's names more
often too. Splink's u probabilities come from random pairs of the whole list, so a pair of
namesakes of one nationality would be credited for its nationality and then again, three
times over, for names that go with it. Here the u probabilities of every comparison but
nationality itself are estimated from random pairs of records of the same nationality,
so the weights add up to P(nationality) x P(everything else | same nationality), which is
what the data supports. Lists without a nationality fall back to Splink's own estimate.

This runs as SQL through the linker, so it works on every engine Splink runs on.
"""

from __future__ import annotations

import itertools
import logging
import math
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from splink import Linker, block_on
from splink.internals.splink_dataframe import SplinkDataFrame

from waypoint.linkage.comparisons import NEIGHBOURS, Dialect, DialectName, birth_m
from waypoint.linkage.scoring import compile_comparisons

log = logging.getLogger("waypoint.linkage")

MIN_TRAINING_RECORDS = 1000
U_SAMPLE_PAIRS = 2e6
EM_MAX_PAIRS = 2e6
M_FLOOR = 0.001
U_FLOOR = 0.000001
# Estimating u within nationalities needs most records to have one.
MIN_NATIONALITY_SHARE = 0.5


def train_linker(linker: Linker, inputs: Sequence[SplinkDataFrame], records: int) -> dict[str, Any]:
    """The model trained on the linker's records, or its priors when there are too few.

    ``inputs`` are the tables the linker was made with.
    """
    if records < MIN_TRAINING_RECORDS:
        return linker.misc.save_model_to_json()
    training = linker.training
    training.estimate_probability_two_random_records_match(
        [
            "l.all_tokens = r.all_tokens AND l.birth_date = r.birth_date",
            block_on("document_number"),
        ],
        recall=0.25,
    )
    model = linker.misc.save_model_to_json()
    tables = [table.physical_name for table in inputs]
    _birth_m_from_placeholders(linker, model, tables)
    if _within_nationality_u(linker, model, tables, records):
        linker = Linker(list(inputs), model, log_level=logging.WARNING)
    else:
        training.estimate_u_using_random_sampling(max_pairs=U_SAMPLE_PAIRS, seed=1)
    # Each session fixes what it blocks on and estimates the rest.
    for rule in (
        "l.birth_date = r.birth_date AND NOT l.birth_placeholder",
        block_on("given_key", "family_key"),
    ):
        try:
            linker.training.estimate_parameters_using_expectation_maximisation(
                rule, max_pairs=EM_MAX_PAIRS, record_sample_proportion=0.2
            )
        except ValueError as error:
            # Splink refuses an m that underflows to 0 (a level whose pairs all look
            # like non-matches in a session's sample); the session's estimates are then
            # not used, and the model keeps what it had.
            log.warning("an EM session was not used: %s", type(error).__name__)
    return with_floors(linker.misc.save_model_to_json())


def _within_nationality_u(
    linker: Linker, model: dict[str, Any], tables: Sequence[str], records: int
) -> bool:
    """Replace the model's u probabilities (but nationality's) by their estimates from
    random pairs of records of the same nationality (``_non_matches``); False if there
    are too few such."""
    source = _union(tables)
    groups = _rows(
        linker,
        f"SELECT nationality, count(*) AS n FROM ({source}) AS t "  # noqa: S608
        f"WHERE nationality IS NOT NULL GROUP BY nationality",
    )
    known = sum(int(group["n"]) for group in groups)
    if known < MIN_NATIONALITY_SHARE * records:
        return False
    # Two random records (both with a nationality) share it, or are neighbours, with
    # these probabilities.
    shares = {str(group["nationality"]): int(group["n"]) / known for group in groups}
    same_nationality = sum(share**2 for share in shares.values())
    neighbouring = sum(
        shares[one] * shares[other]
        for one in shares
        for other in shares
        if one != other and any(one in group and other in group for group in NEIGHBOURS)
    )
    offsets = max(1, math.ceil(U_SAMPLE_PAIRS / records))
    compiled = compile_comparisons(model, for_duckdb=False)
    cases = ", ".join(
        f"CASE {' '.join(conditions)} ELSE 0 END AS g{index}"
        for index, (_, conditions) in enumerate(compiled)
    )
    columns = _columns(linker, source)
    dialect: DialectName = "spark" if model.get("sql_dialect") == "spark" else "duckdb"
    quote = Dialect(dialect).identifiers
    side = ", ".join(quote(f'"{column}" AS "{column}_{{side}}"') for column in columns)
    shuffled = (
        f"SELECT *, row_number() OVER (PARTITION BY nationality_g ORDER BY hash(unique_id_x)) "  # noqa: S608
        f"AS rn, count(*) OVER (PARTITION BY nationality_g) AS n FROM ("
        f"SELECT {side}, nationality AS nationality_g, unique_id AS unique_id_x "
        f"FROM ({source}) AS t WHERE nationality IS NOT NULL) AS s"
    )
    # The partner's position is computed before the join, so that the join is on
    # columns (an expression in the join condition makes some engines loop over pairs).
    left = (
        f"SELECT l.*, ((l.rn - 1 + o.k) % l.n) + 1 AS partner "  # noqa: S608
        f"FROM ({shuffled.format(side='l')}) "
        f"AS l JOIN ({_offsets_sql(offsets, dialect)}) AS o ON TRUE WHERE l.n > 1"
    )
    sql = (
        f"SELECT {cases}, sum(l.n) AS weight FROM ({left}) AS l "  # noqa: S608
        f"JOIN ({shuffled.format(side='r')}) AS r ON l.nationality_g = r.nationality_g "
        f"AND r.rn = l.partner AND l.unique_id_x <> r.unique_id_x "
        f"GROUP BY {', '.join(f'g{index}' for index in range(len(compiled)))}"
    )
    names = [comparison.name for comparison, _ in compiled]
    counts = _non_matches(
        names,
        [
            ([int(row[f"g{index}"]) for index in range(len(compiled))], float(row["weight"]))
            for row in _rows(linker, sql)
        ],
    )
    for index, comparison in enumerate(model["comparisons"]):
        if comparison["output_column_name"] == "nationality":
            _set_u(
                comparison,
                [same_nationality, neighbouring, max(1 - same_nationality - neighbouring, 0)],
            )
            continue
        observed = {gamma: weight for gamma, weight in counts[index].items() if gamma >= 0}
        total = sum(observed.values())
        if not total:
            continue
        levels = [lv for lv in comparison["comparison_levels"] if not lv.get("is_null_level")]
        top = len(levels) - 1
        for position, level in enumerate(levels):
            if level.get("fix_u_probability"):
                continue
            level["u_probability"] = max(observed.get(top - position, 0.0) / total, U_FLOOR)
    return True


# A u estimate needs this many sampled pairs that other fields show to be strangers;
# with fewer (a list without dates of birth, say), all the sampled pairs are used.
MIN_NON_MATCHES = 1000.0


def _non_matches(
    names: Sequence[str], groups: Sequence[tuple[Sequence[int], float]]
) -> list[dict[int, float]]:
    """For each comparison, how many sampled pairs reached each of its levels, counting
    only the pairs that the other fields show to be two people.

    Random pairs are not all strangers: in a list where many people registered twice (a
    few thousand records, a third of them repeats) one random pair of one nationality in
    a hundred or so is a person and their repeat, and those pairs share a date of birth
    thirty times more often than strangers do: the date's u came out a hundred times too
    high. A pair whose dates of birth are more than a year apart is almost never one
    person, and neither is one whose given and family names both differ; the names' u
    comes from the first kind, the date's from the second, every other comparison's from
    either. Among strangers the fields are close to independent, so what is left is u.
    ``groups`` are the sampled pairs grouped by their levels (gamma, in ``names`` order)
    with how many pairs each group stands for; gamma 0 is a comparison's last level,
    "different".
    """
    position = {name: index for index, name in enumerate(names)}

    def different(gammas: Sequence[int], name: str) -> bool:
        return name in position and gammas[position[name]] == 0

    def strangers(gammas: Sequence[int], name: str) -> bool:
        dates = different(gammas, "birth")
        both_names = different(gammas, "given_name") and different(gammas, "family_name")
        if name == "birth":
            return both_names
        if name in {"given_name", "family_name"}:
            return dates
        return dates or both_names

    counts: list[dict[int, float]] = []
    for index, name in enumerate(names):
        kept: dict[int, float] = defaultdict(float)
        every: dict[int, float] = defaultdict(float)
        for gammas, weight in groups:
            every[gammas[index]] += weight
            if strangers(gammas, name):
                kept[gammas[index]] += weight
        enough = sum(value for gamma, value in kept.items() if gamma >= 0) >= MIN_NON_MATCHES
        counts.append(kept if enough else every)
    return counts


def _birth_m_from_placeholders(
    linker: Linker, model: dict[str, Any], tables: Sequence[str]
) -> None:
    source = _union(tables)
    found = _rows(
        linker,
        f"SELECT count(birth_year) AS dated, "  # noqa: S608
        f"sum(CASE WHEN birth_placeholder THEN 1 ELSE 0 END) AS placeholders "
        f"FROM ({source}) AS t",
    )
    dated = int(found[0]["dated"] or 0)
    if not dated:
        return
    m = birth_m(int(found[0]["placeholders"] or 0) / dated)
    for comparison in model["comparisons"]:
        if comparison["output_column_name"] == "birth":
            levels = [lv for lv in comparison["comparison_levels"] if not lv.get("is_null_level")]
            for level, value in zip(levels, m, strict=True):
                level["m_probability"] = value


def _set_u(comparison: dict[str, Any], values: Sequence[float]) -> None:
    levels = [lv for lv in comparison["comparison_levels"] if not lv.get("is_null_level")]
    for level, value in zip(levels, values, strict=True):
        level["u_probability"] = max(value, U_FLOOR)


def _union(tables: Sequence[str]) -> str:
    """All input tables as one (their names are Splink's, not user input)."""
    return " UNION ALL ".join(f"SELECT * FROM {table}" for table in tables)  # noqa: S608


def _offsets_sql(count: int, dialect: str) -> str:
    """The numbers 1 to ``count`` as a one-column table ``k``."""
    if dialect == "spark":
        return f"SELECT id AS k FROM range(1, {int(count) + 1})"  # noqa: S608
    return f"SELECT range AS k FROM range(1, {int(count) + 1})"  # noqa: S608


def _columns(linker: Linker, source: str) -> list[str]:
    row = _rows(linker, f"SELECT * FROM ({source}) AS t LIMIT 1")  # noqa: S608
    return [column for column in row[0] if column != "unique_id"] + ["unique_id"]


def _rows(linker: Linker, sql: str) -> list[dict[str, Any]]:
    result = linker.misc.query_sql(sql)
    return list(result.as_record_list())


def with_floors(model: dict[str, Any]) -> dict[str, Any]:
    """EM can drive a rare level's m to almost zero, which would veto any pair landing
    there; no single field should be able to do that. And a name written the same way is
    never weaker evidence than one written another way (``monotone``)."""
    for comparison in model["comparisons"]:
        for level in comparison["comparison_levels"]:
            if not level.get("is_null_level"):
                level["m_probability"] = max(level.get("m_probability") or M_FLOOR, M_FLOOR)
                level["u_probability"] = max(level.get("u_probability") or U_FLOOR, U_FLOOR)
        monotone(comparison)
    return model


# Levels that are the same name written ever more loosely: each is at least as strong as
# the next. Common names are written the same way more often than rare ones, so a
# trained "same spelling" can come out below "same skeleton" (u is higher).
MONOTONE_LEVELS = ("same spelling", "same skeleton", "same sound")


def monotone(comparison: dict[str, Any]) -> None:
    chain = [
        level
        for level in comparison["comparison_levels"]
        if level.get("label_for_charts") in MONOTONE_LEVELS and not level.get("is_null_level")
    ]
    for stronger, weaker in reversed(list(itertools.pairwise(chain))):
        ratio = weaker["m_probability"] / weaker["u_probability"]
        if stronger["m_probability"] / stronger["u_probability"] < ratio:
            stronger["m_probability"] = min(stronger["u_probability"] * ratio, 1.0)
