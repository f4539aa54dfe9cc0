"""What an estimate says about itself (its warnings, its method, why it failed) kept as codes
with parameters, and put into words only when shown: in the reader's language, with the lists
by the names readers know.

What callers can rely on:

* A ``Note`` is a code from ``CATALOGUE`` and JSON-ready parameters (strings, whole and
  decimal numbers, sequences of them, and other notes); ``note_from_json(note.as_json())``
  gives the same note back.
* ``Note.english()`` is the same text whatever language is active and needs no Django set-up:
  it is what ``Estimate.as_json()`` keeps under "warnings" and "method", and the command line
  prints. ``Note.text()`` is the text in the active language (English before Django is set up).
* ``render`` never raises for a stored note it cannot read (an unknown code, a missing
  parameter): it shows the English stored beside it instead.

Parameters that name lists are found by their key: ``list`` or ``*_list`` holds one list's key,
``model`` or ``*_model`` a log-linear model as a sequence of terms, each a sequence of keys
(``[["A", "B"], ["C"]]`` reads "A*B + C"). When shown, every key is replaced by its name in
``list_names``. Any other sequence is shown as an enumeration ("a, b, c, d, e, f and 2
more"). Numbers are shown as their digits, except those ``_NUMBER_FORMATS`` names:
``WHOLE`` (rounded, with thousands separators) or ``ONE_DECIMAL``, written the way the
reader's language writes numbers.
"""

from __future__ import annotations

import json
import math
import numbers
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

__all__ = [
    "CATALOGUE",
    "Note",
    "gettext",
    "note_from_json",
    "render",
]

WHOLE = ",.0f"  # a head count or an estimate: rounded, with thousands separators
ONE_DECIMAL = ".1f"
_ENUMERATED = 6  # an enumeration shows this many items, then "and N more"


def gettext_noop(message: str) -> str:
    """Marks ``message`` for ``makemessages`` and returns it as it is. Django's own
    ``gettext_noop`` needs Django's settings, which the estimation modules must not."""
    return message


# Every text has named placeholders and writes a literal percent sign as %%, so that a
# translation can put the parameters in any order.
_MESSAGES: dict[str, str] = {
    # Pieces of other texts
    # Translators: the end of an enumeration, e.g. "A, B, C, D, E, F and 3 more".
    "fragment.and_more": gettext_noop("%(shown)s and %(more)s more"),
    # Translators: two lists and the number of people on both, e.g. "Police & Outreach (3)".
    "fragment.lists_shared": gettext_noop("%(first_list)s & %(second_list)s (%(shared)s)"),
    # Translators: a group of people and how many of them were seen, e.g. "Bihać (18)".
    "fragment.stratum_seen": gettext_noop("%(stratum)s (%(observed)s)"),
    "fragment.search.all_subsets": gettext_noop("all subsets"),
    "fragment.search.stepwise": gettext_noop("forward stepwise search"),
    # Warnings
    "warning.two_lists.independence": gettext_noop(
        "With two lists the independence of the lists cannot be checked; if being on one "
        "list makes being on the other more likely, the estimate is too low."
    ),
    "warning.two_lists.few_shared": gettext_noop(
        "Lists %(first_list)s and %(second_list)s share only %(shared)s people; the "
        "estimate is fragile."
    ),
    "warning.size.unseen_large": gettext_noop(
        "The estimated unseen count (%(unseen)s) is more than ten times the number observed "
        "(%(observed)s); the lists probably capture only a small, special part of the "
        "population."
    ),
    "warning.size.interval_wide": gettext_noop(
        "The 95%% interval is more than five times as wide as the number observed; the "
        "estimate is very uncertain."
    ),
    "warning.overlap.thin": gettext_noop(
        "Some lists barely overlap: %(pairs)s people in common; interactions between them "
        "cannot be checked, and with no overlap they are left out."
    ),
    "warning.overlap.few_links": gettext_noop(
        "Only %(several)s of %(observed)s people (%(percent)s%%) are on more than one list; "
        "the estimate rests on very few links."
    ),
    "warning.model.unstable": gettext_noop(
        "The estimate is unstable: the best model (%(best_model)s) gives %(best_estimate)s "
        "and the runner-up (%(runner_up_model)s) %(runner_up_estimate)s."
    ),
    "warning.model.many_interactions": gettext_noop(
        "The chosen model needs %(interactions)s of %(possible)s possible two-list "
        "interactions; strong dependence between lists or heterogeneity in who gets listed "
        "is likely, which log-linear models capture only in part: treat the estimate with "
        "caution."
    ),
    "warning.model.poor_fit": gettext_noop(
        "Even the best model fits poorly (deviance %(deviance)s on %(df)s degrees of "
        "freedom), which points to heterogeneity or dependence the models do not capture."
    ),
    "warning.model.saturated": gettext_noop(
        "The chosen model uses every degree of freedom in the table, so its fit cannot be checked."
    ),
    "warning.chapman.other_lists_ignored": gettext_noop(
        "Only lists %(first_list)s and %(second_list)s were used; the other lists were "
        "ignored except for counting who was seen."
    ),
    "warning.chapman.raised": gettext_noop(
        "Chapman's estimate (%(estimate)s) is below the number seen on any list; it was "
        "raised to %(observed)s."
    ),
    "warning.bootstrap.failed": gettext_noop(
        "The bootstrap failed too often to give an interval; the upper bound is unknown."
    ),
    "warning.bootstrap.some_failed": gettext_noop(
        "%(failed)s of %(replicates)s bootstrap tables could not be fitted; the interval "
        "may be too narrow."
    ),
    "warning.strata.small": gettext_noop(
        "Some strata have fewer than %(minimum)s people seen: %(strata)s; their estimates "
        "are fragile, and merging them with a neighbouring stratum may give a steadier total."
    ),
    "warning.strata.skipped": gettext_noop(
        "Stratum %(stratum)s (%(observed)s people seen) could not be estimated (%(reason)s); "
        "its people are counted as seen with no one unseen, so the total is too low by its "
        "unseen part."
    ),
    "warning.strata.no_draws": gettext_noop(
        "No stratum has bootstrap draws, so the total's interval adds the strata's bounds; "
        "it is probably wider than it needs to be."
    ),
    "warning.strata.some_without_draws": gettext_noop(
        "Some strata (%(strata)s) have no bootstrap draws, so the total's interval adds the "
        "strata's bounds; it is probably wider than it needs to be."
    ),
    "warning.strata.upper_unknown": gettext_noop(
        "A stratum's upper bound is unknown, so the total's is too."
    ),
    "warning.strata.own_warnings": gettext_noop(
        "Some strata have warnings of their own (%(strata)s); read them too."
    ),
    # How an estimate was made
    "method.chapman": gettext_noop(
        "chapman: Chapman's estimator on lists %(first_list)s and %(second_list)s; Seber's "
        "variance; 95%% log-normal interval on the unseen count (Chao 1987)"
    ),
    "method.lincoln_petersen": gettext_noop(
        "lincoln_petersen: Lincoln-Petersen estimator on lists %(first_list)s and "
        "%(second_list)s; 95%% log-normal interval on the unseen count (Chao 1987)"
    ),
    "method.loglinear.fixed": gettext_noop(
        "loglinear: one fixed Poisson log-linear model (statsmodels GLM); 95%% interval: "
        "log-normal (Chao 1987) from the model's variance, model uncertainty ignored"
    ),
    "method.loglinear.bootstrap": gettext_noop(
        "loglinear: Poisson log-linear models (statsmodels GLM), %(search)s of two-list "
        "interactions ranked by %(criterion)s; estimate averaged over %(averaged)s model(s) "
        "within %(criterion)s %(window)s of the best; 95%% interval: parametric bootstrap "
        "percentile (%(replicates)s replicates, seed %(seed)s, model re-selected among the "
        "%(candidates)s best models each time)"
    ),
    "method.loglinear.lognormal": gettext_noop(
        "loglinear: Poisson log-linear models (statsmodels GLM), %(search)s of two-list "
        "interactions ranked by %(criterion)s; estimate averaged over %(averaged)s model(s) "
        "within %(criterion)s %(window)s of the best; 95%% interval: log-normal (Chao 1987) "
        "from the best model's variance, model uncertainty ignored"
    ),
    "method.strata.draws": gettext_noop(
        "strata: %(estimated)s strata estimated one by one and added; 95%% interval: "
        "percentiles of the strata's bootstrap totals added draw by draw (%(draws)s draws)"
    ),
    "method.strata.draws_skipped": gettext_noop(
        "strata: %(estimated)s strata estimated one by one and added, %(skipped)s skipped "
        "and counted as seen; 95%% interval: percentiles of the strata's bootstrap totals "
        "added draw by draw (%(draws)s draws)"
    ),
    "method.strata.bounds": gettext_noop(
        "strata: %(estimated)s strata estimated one by one and added; 95%% interval: the sum "
        "of the strata's bounds"
    ),
    "method.strata.bounds_skipped": gettext_noop(
        "strata: %(estimated)s strata estimated one by one and added, %(skipped)s skipped "
        "and counted as seen; 95%% interval: the sum of the strata's bounds"
    ),
    # Why a log-linear model was not used
    "reason.few_shared": gettext_noop(
        "lists %(first_list)s and %(second_list)s share %(shared)s people, too few to "
        "estimate their interaction"
    ),
    "reason.too_many_parameters": (gettext_noop("the model has more parameters than cells")),
    "reason.not_converged": gettext_noop("the fit did not converge"),
    "reason.boundary": gettext_noop(
        "the likelihood is maximised on the boundary (estimate absent)"
    ),
    "reason.zero_cell": gettext_noop("a cell is fitted as zero (the estimate is on the boundary)"),
    "reason.not_identifiable": (gettext_noop("the model is not identifiable from these data")),
    "reason.not_finite": gettext_noop("the estimate is not finite"),
    "reason.no_model_tried": gettext_noop("no model was tried"),
    # Why there is no estimate (the message of an EstimationInputError)
    "error.nobody_listed": (gettext_noop("no one is on any list: there is nothing to estimate")),
    "error.no_links": gettext_noop(
        "no person is on two lists: the lists cannot be linked, and no estimate is possible"
    ),
    "error.empty_list": gettext_noop(
        "column %(column)s: no one is on list %(empty_list)s; remove the column or check the "
        "linkage"
    ),
    "error.loglinear_needs_three": gettext_noop(
        "log-linear models need at least three lists; with two lists use Chapman's estimator"
    ),
    "error.no_model_fitted": gettext_noop(
        "no log-linear model could be fitted to this table: %(reason)s"
    ),
    "error.model_unsupported": gettext_noop("model %(model)s: %(reason)s"),
}

# The numbers not shown as plain digits, by code and parameter.
_NUMBER_FORMATS: dict[str, dict[str, str]] = {
    "warning.size.unseen_large": {"unseen": WHOLE, "observed": WHOLE},
    "warning.model.unstable": {"best_estimate": WHOLE, "runner_up_estimate": WHOLE},
    "warning.model.poor_fit": {"deviance": ONE_DECIMAL},
    "warning.chapman.raised": {"estimate": WHOLE},
    "method.loglinear.bootstrap": {"window": "g"},
    "method.loglinear.lognormal": {"window": "g"},
}

CATALOGUE: Mapping[str, Promise] = MappingProxyType(
    {code: gettext_lazy(msgid) for code, msgid in _MESSAGES.items()}
)
"""Every note's text by code, translated when it is read (``str()``)."""


def _django_ready() -> bool:
    # Before Django is set up (a benchmark, a notebook) nothing can be translated.
    from django.apps import apps

    return apps.ready


def gettext(message: str) -> str:
    """``django.utils.translation.gettext`` once Django is set up, ``message`` before: the
    estimation modules must run without Django (benchmarks, notebooks)."""
    if not _django_ready():
        return message
    from django.utils.translation import gettext as translate

    return translate(message)


def _plain(value: Any) -> Any:
    """A parameter as stored: immutable, and made only of what JSON can hold (and notes)."""
    if isinstance(value, Note) or value is None or isinstance(value, str | bool):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        number = float(value)
        return number if math.isfinite(number) else None
    if isinstance(value, Mapping):
        if "code" in value:
            return note_from_json(value)
        raise TypeError("a note's parameter cannot be a mapping other than a note")
    if isinstance(value, Iterable):
        return tuple(_plain(item) for item in value)
    raise TypeError(f"a note's parameter cannot be a {type(value).__name__}")


def _json(value: Any) -> Any:
    if isinstance(value, Note):
        return value.as_json()
    if isinstance(value, tuple):
        return [_json(item) for item in value]
    return value


@dataclass(frozen=True)
class Note:
    """One warning, method or reason: a code of ``CATALOGUE`` and its parameters."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        plain = {str(key): _plain(value) for key, value in self.params.items()}
        object.__setattr__(self, "params", MappingProxyType(plain))

    def __hash__(self) -> int:
        return hash(json.dumps(self.as_json(), sort_keys=True))

    def __str__(self) -> str:
        return self.text()

    def text(self, *, list_names: Mapping[str, str] | None = None) -> str:
        """The note in the active language, lists by their names in ``list_names`` (key ->
        name; a key not in it is shown as it is). ``KeyError`` for a code not in
        ``CATALOGUE`` or a parameter the text needs and the note lacks."""
        return _render(self, list_names or {}, english=not _django_ready())

    def english(self) -> str:
        """The note in English whatever language is active, lists by their keys."""
        return _render(self, {}, english=True)

    def as_json(self) -> dict[str, Any]:
        return {"code": self.code, "params": {key: _json(v) for key, v in self.params.items()}}


def note_from_json(data: Mapping[str, Any]) -> Note:
    """The note ``Note.as_json()`` made; ``ValueError`` when ``data`` is not one."""
    code, params = data.get("code"), data.get("params", {})
    if not isinstance(code, str) or not isinstance(params, Mapping):
        raise ValueError(f"not a note: {data!r}")
    return Note(code, params)


def render(
    notes_json: Iterable[Any] | None,
    *,
    list_names: Mapping[str, str] | None = None,
    fallback: Sequence[Any] = (),
) -> list[str]:
    """Stored notes (``Note.as_json()``) as text in the active language, lists by their names.

    A note that cannot be read (a code no longer in the catalogue, a missing parameter,
    something that is not a note) is shown by the English at the same position in
    ``fallback`` (the stored "warnings"), or by its own "text" or code; a plain string, as a
    result stored before notes kept its warnings, is shown as it is.
    """
    shown = []
    for position, item in enumerate(notes_json or ()):
        if isinstance(item, str):
            shown.append(item)
            continue
        try:
            shown.append(note_from_json(item).text(list_names=list_names))
        except (KeyError, ValueError, TypeError, AttributeError):
            stored = fallback[position] if position < len(fallback) else None
            if not isinstance(stored, str) and isinstance(item, Mapping):
                stored = item.get("text") or item.get("code")
            shown.append(str(stored) if stored is not None else "")
    return shown


# --------------------------------------------------------------------------------------------
# Putting a note into words


def _names_a_list(key: str) -> bool:
    return key == "list" or key.endswith("_list")


def _is_a_model(key: str) -> bool:
    return key == "model" or key.endswith("_model")


def _render(note: Note, names: Mapping[str, str], *, english: bool) -> str:
    formats = _NUMBER_FORMATS.get(note.code, {})
    values = {
        key: _shown(key, value, formats.get(key), names, english=english)
        for key, value in note.params.items()
    }
    return _format(note.code, values, english=english)


def _format(code: str, values: Mapping[str, str], *, english: bool) -> str:
    msgid = _MESSAGES[code]
    if english:
        return msgid % values
    try:
        return str(CATALOGUE[code]) % values
    except (KeyError, ValueError, TypeError):
        # A translation whose placeholders do not match the English: show the English.
        return msgid % values


def _shown(
    key: str, value: Any, spec: str | None, names: Mapping[str, str], *, english: bool
) -> str:
    if isinstance(value, Note):
        return _render(value, names, english=english)
    if _names_a_list(key) and isinstance(value, str):
        return names.get(value, value)
    if _is_a_model(key) and isinstance(value, tuple):
        return " + ".join("*".join(names.get(str(k), str(k)) for k in term) for term in value)
    if isinstance(value, tuple):
        items = [_shown("", item, spec, names, english=english) for item in value]
        return _enumeration(items, english=english)
    if value is None:
        return "?"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    return _number(value, spec, english=english)


def _enumeration(items: Sequence[str], *, english: bool) -> str:
    shown = ", ".join(items[:_ENUMERATED])
    if len(items) <= _ENUMERATED:
        return shown
    more = {"shown": shown, "more": str(len(items) - _ENUMERATED)}
    return _format("fragment.and_more", more, english=english)


def _number(value: float, spec: str | None, *, english: bool) -> str:
    if english:
        return format(value, spec or ("d" if isinstance(value, int) else "g"))
    from django.utils.formats import get_format, number_format

    if spec == WHOLE:
        return number_format(round(value), force_grouping=True)
    if spec == ONE_DECIMAL:
        # Django cuts the decimals off; rounding first keeps the English figure.
        return number_format(round(value, 1), decimal_pos=1)
    if isinstance(value, int):
        return str(value)
    return format(value, spec or "g").replace(".", str(get_format("DECIMAL_SEPARATOR")))
