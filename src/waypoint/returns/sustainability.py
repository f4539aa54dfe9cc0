"""Scoring the reintegration sustainability survey: plain functions over plain data.

The structure follows IOM's Reintegration Sustainability Survey (RSS), introduced in IOM's
"Setting Standards for an Integrated Approach to Reintegration" (MEASURE project, 2017) and
set out in the IOM "Reintegration Handbook" (2019, Module 5 and its annex on the RSS): 15
indicators across the economic, social and psychosocial dimensions; every answer maps to a
value between 0 and 1; a dimension's score is the weighted sum of its indicators (weights
summing to 1), and the composite score is the weighted mean of the three dimension scores.
The weights below are Waypoint's provisional ones (see docs/returns.md) and live only here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

ECONOMIC, SOCIAL, PSYCHOSOCIAL = "economic", "social", "psychosocial"
DIMENSIONS = (ECONOMIC, SOCIAL, PSYCHOSOCIAL)
DIMENSION_WEIGHTS = {ECONOMIC: 1 / 3, SOCIAL: 1 / 3, PSYCHOSOCIAL: 1 / 3}

FREQUENCY = (
    ("never", _("Never"), 1.0),
    ("sometimes", _("Sometimes"), 0.5),
    ("often", _("Often"), 0.0),
)
AGREEMENT = (
    ("agree", _("Agree"), 1.0),
    ("neutral", _("Neither agree nor disagree"), 0.5),
    ("disagree", _("Disagree"), 0.0),
)
QUALITY = (
    ("good", _("Good"), 1.0),
    ("fair", _("Fair"), 0.5),
    ("poor", _("Poor or no access"), 0.0),
)
YES_NO = (("yes", _("Yes"), 1.0), ("no", _("No"), 0.0))
NO_IS_BETTER = (("no", _("No"), 1.0), ("yes", _("Yes"), 0.0))


@dataclass(frozen=True)
class Indicator:
    code: str
    dimension: str
    question: str | Promise
    answers: tuple[tuple[str, str | Promise, float], ...]
    weight: float  # within its dimension

    def score(self, answer: str) -> float:
        for value, _label, points in self.answers:
            if value == answer:
                return points
        raise KeyError(answer)


INDICATORS = (
    Indicator(
        "economic_satisfaction",
        ECONOMIC,
        _("Satisfied with their economic situation"),
        AGREEMENT,
        0.20,
    ),
    Indicator("food_reduction", ECONOMIC, _("Had to reduce food because of cost"), FREQUENCY, 0.15),
    Indicator("borrow", ECONOMIC, _("Could borrow money if needed"), YES_NO, 0.15),
    Indicator("debt", ECONOMIC, _("Debt larger than monthly spending"), NO_IS_BETTER, 0.15),
    Indicator("work", ECONOMIC, _("Working or in training"), YES_NO, 0.20),
    Indicator(
        "assets",
        ECONOMIC,
        _("Owns productive assets (land, tools, livestock, business)"),
        YES_NO,
        0.15,
    ),
    Indicator("housing", SOCIAL, _("Quality of housing"), QUALITY, 0.20),
    Indicator(
        "education", SOCIAL, _("School-age children attend school (or no children)"), YES_NO, 0.15
    ),
    Indicator("documents", SOCIAL, _("Holds identity documents"), YES_NO, 0.20),
    Indicator("water", SOCIAL, _("Access to safe drinking water"), QUALITY, 0.15),
    Indicator("health", SOCIAL, _("Access to health care"), QUALITY, 0.15),
    Indicator("justice", SOCIAL, _("Access to justice and the police when needed"), QUALITY, 0.15),
    Indicator(
        "support_network", PSYCHOSOCIAL, _("Has people to rely on for support"), AGREEMENT, 0.25
    ),
    Indicator("belonging", PSYCHOSOCIAL, _("Feels part of the community"), AGREEMENT, 0.25),
    Indicator("distress", PSYCHOSOCIAL, _("Feels angry, sad, afraid or stressed"), FREQUENCY, 0.25),
    Indicator("safety", PSYCHOSOCIAL, _("Feels physically safe"), AGREEMENT, 0.25),
)
BY_CODE = {indicator.code: indicator for indicator in INDICATORS}


@dataclass(frozen=True)
class Scores:
    economic: float
    social: float
    psychosocial: float
    composite: float


def scores_compute(answers: Mapping[str, str]) -> Scores:
    """The three dimension scores and the composite, each between 0 and 1 (3 decimals).

    Every indicator must be answered with one of its answers; otherwise ``ValueError``
    names the first indicator at fault.
    """
    totals = dict.fromkeys(DIMENSIONS, 0.0)
    for indicator in INDICATORS:
        answer = answers.get(indicator.code)
        if answer is None:
            raise ValueError(f"unanswered indicator: {indicator.code}")
        try:
            totals[indicator.dimension] += indicator.weight * indicator.score(answer)
        except KeyError:
            raise ValueError(f"unknown answer for {indicator.code}") from None
    composite = sum(DIMENSION_WEIGHTS[name] * totals[name] for name in DIMENSIONS)
    return Scores(
        economic=round(totals[ECONOMIC], 3),
        social=round(totals[SOCIAL], 3),
        psychosocial=round(totals[PSYCHOSOCIAL], 3),
        composite=round(composite, 3),
    )
