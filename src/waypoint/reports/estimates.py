"""A published estimate as a reader sees it: the total and its 95% interval rounded for
publication, the linkage band, the people never in a reception centre, the period and area,
a method note and the standard caveats, all in the reader's language.

Plain functions over a ``StoredEstimate`` (its fields and ``result`` JSON only, no database):
the caller reads the area's stored name and the lists' names. Text is made in the language
active when ``estimate_shown`` is called, as the rest of a situation report's context is.

An estimate is not a count of people seen, but it is still published rounded: to the nearest
10 below 1,000 and to two significant figures from 1,000 (1,234 -> 1,200; 12,345 -> 12,000),
so that it never suggests a precision capture–recapture does not have. Interval bounds are
rounded outwards (the lower down, the upper up), so the published interval still contains
the computed one. The count of people on the lists is a count: below the disclosure
threshold it reads "<5", as in the published tables.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from waypoint.estimation.models import StoredEstimate
from waypoint.places.names import area_name
from waypoint.reports.disclosure import STANDARD

WHOLE_COUNTRY = "BA"
# Estimates below this read "<10" rather than a rounded 0 or 10.
SMALLEST_SHOWN = 10


@dataclass(frozen=True)
class Rounded:
    """One published figure: the rounded number (``None`` when it is small or unknown) and
    the text a reader sees ("1,200", "<10", "upper bound unknown")."""

    value: int | None
    text: str


@dataclass(frozen=True)
class Interval:
    """An estimate (``None`` for a band, which has bounds only), its bounds and the
    interval as text ("950–1,700", "950, upper bound unknown")."""

    estimate: Rounded | None
    low: Rounded
    high: Rounded
    text: str


@dataclass(frozen=True)
class EstimateShown:
    """What the published-figures pages, the situation report and the API show of one
    published estimate."""

    pk: int
    first_day: date | None
    last_day: date | None
    area_code: str
    area: str
    published_at: datetime | None
    total: Interval
    linkage: Interval | None  # the interval's range over the linkage cut-offs
    outside: Interval | None  # people never in a reception centre in the period
    observed: Rounded  # people on at least one list; "<5" below the disclosure threshold
    lists: tuple[str, ...]
    method_note: str
    caveats: tuple[str, ...]
    warnings: int  # technical warnings, for analysts on the estimate's page


def _step(value: float) -> int:
    """The rounding step: 10 below 1,000, else two significant figures."""
    if value < 1000:
        return 10
    return int(10 ** (math.floor(math.log10(value)) - 1))


def _grouped(value: int) -> str:
    return number_format(value, force_grouping=True)


def _finite(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) and value >= 0 else None


def rounded_estimate(value: object) -> Rounded:
    """A point estimate rounded for publication; "<10" below 10, unknown when infinite."""
    number = _finite(value)
    if number is None:
        return Rounded(None, _("not estimable"))
    if number < SMALLEST_SHOWN:
        return Rounded(None, f"<{SMALLEST_SHOWN}")
    step = _step(number)
    shown = math.floor(number / step + 0.5) * step
    return Rounded(shown, _grouped(shown))


def rounded_low(value: object) -> Rounded:
    """A lower bound rounded down for publication (never below 0)."""
    number = _finite(value)
    if number is None:
        return Rounded(0, _grouped(0))
    step = _step(number)
    shown = max(0, math.floor(number / step) * step)
    return Rounded(shown, _grouped(shown))


def rounded_high(value: object) -> Rounded:
    """An upper bound rounded up for publication; "upper bound unknown" when infinite."""
    number = _finite(value)
    if number is None:
        return Rounded(None, _("upper bound unknown"))
    step = _step(max(number, 1.0))
    shown = max(SMALLEST_SHOWN, math.ceil(number / step) * step)
    return Rounded(shown, _grouped(shown))


def interval(low: object, high: object, estimate: object = None, *, band: bool = False) -> Interval:
    """The rounded interval from ``low`` to ``high`` (JSON numbers, ``None`` for infinite)
    and, unless ``band``, the rounded ``estimate``."""
    shown_low, shown_high = rounded_low(low), rounded_high(high)
    if shown_high.value is None:
        text = _("%(low)s, upper bound unknown") % {"low": shown_low.text}
    else:
        text = f"{shown_low.text}–{shown_high.text}"
    return Interval(None if band else rounded_estimate(estimate), shown_low, shown_high, text)


def observed_shown(value: object) -> Rounded:
    """People on at least one list: a count, shown only from the disclosure threshold."""
    count = int(value) if isinstance(value, int | float) and math.isfinite(value) else 0
    if 1 <= count < STANDARD.threshold:
        return Rounded(None, f"<{STANDARD.threshold}")
    return Rounded(count, _grouped(count))


def method_note(lists: int, *, linkage: bool, stratified: bool) -> str:
    """How the estimate was made, in plain words and the reader's language (never the
    analysts' English ``method`` line): from ``lists`` lists, with or without the linkage
    band, in groups of people or not."""
    if lists == 2:
        sentences = [
            _(
                "Multiple systems estimation (capture–recapture): the people on two lists "
                "were matched to each other, and the number of people on neither list was "
                "estimated from how much the two lists overlap."
            )
        ]
    else:
        sentences = [
            _(
                "Multiple systems estimation (capture–recapture): the people on %(count)s "
                "lists were matched across the lists, and the number of people on none of "
                "them was estimated from how the lists overlap, with log-linear models that "
                "allow for dependence between lists."
            )
            % {"count": lists}
        ]
    sentences.append(
        _(
            "The estimate counts everyone who was in the area at some time in the period, "
            "not on one day. The %(level)s%% interval is the range of totals the lists are "
            "consistent with under the model's assumptions."
        )
        % {"level": 95}  # a parameter rather than a bare "95%" the catalogue would escape
    )
    if stratified:
        sentences.append(
            _(
                "The total adds up estimates made separately for groups of people; the "
                "groups' own figures are not published."
            )
        )
    if linkage:
        sentences.append(
            _(
                "Records are matched to people by record linkage, which is never certain: the "
                "estimate was repeated with stricter and with looser matching, and the range "
                "the three intervals cover is shown with it."
            )
        )
    return " ".join(sentences)


def caveats(warnings: int) -> tuple[str, ...]:
    """The standard caveats of capture–recapture, and how many technical warnings the
    analysts' page lists."""
    standard = [
        _(
            "A closed population is assumed: the lists are read as seeing one group of people "
            "over the whole period. People who stayed only briefly had less chance to be on "
            "any list, so movement in and out during the period can bias the estimate."
        ),
        _(
            "Lists may depend on each other (a person staying in a centre is more likely to "
            "be screened there); dependence the models cannot see biases the estimate."
        ),
        _(
            "Some people are much more likely to be recorded than others; where this is not "
            "captured by the lists, the estimate is probably too low."
        ),
    ]
    if warnings:
        standard.append(
            ngettext(
                "The estimate carries %(count)s technical warning, which analysts read on "
                "the estimate's page.",
                "The estimate carries %(count)s technical warnings, which analysts read on "
                "the estimate's page.",
                warnings,
            )
            % {"count": warnings}
        )
    return tuple(standard)


def estimate_shown(
    stored: StoredEstimate, *, list_names: Sequence[str], area_stored_name: str = ""
) -> EstimateShown:
    """What a reader sees of ``stored``: ``list_names`` are its lists as a reader names them
    (``estimation.queries.list_names``), ``area_stored_name`` its area's name as stored
    (municipalities are shown by it; the country, entities and cantons translated)."""
    result: Mapping[str, Any] = stored.result if isinstance(stored.result, dict) else {}
    linkage = result.get("linkage") if isinstance(result.get("linkage"), dict) else None
    outside = result.get("not_in_centres")
    outside = outside if isinstance(outside, dict) else None
    warnings = len(result["warnings"]) if isinstance(result.get("warnings"), list) else 0
    strata = result.get("strata")
    code = stored.area_code or WHOLE_COUNTRY
    return EstimateShown(
        pk=stored.pk,
        first_day=stored.first_day,
        last_day=stored.last_day,
        area_code=stored.area_code,
        area=area_name(code, area_stored_name or code),
        published_at=stored.published_at,
        total=interval(result.get("ci_low"), result.get("ci_high"), result.get("estimate")),
        linkage=interval(linkage.get("band_low"), linkage.get("band_high"), band=True)
        if linkage
        else None,
        outside=interval(outside.get("ci_low"), outside.get("ci_high"), outside.get("estimate"))
        if outside
        else None,
        observed=observed_shown(result.get("observed")),
        lists=tuple(list_names),
        method_note=method_note(
            len(list_names), linkage=linkage is not None, stratified=bool(strata)
        ),
        caveats=caveats(warnings),
        warnings=warnings,
    )
