"""Vulnerability screening templates as data, and the pure rules that turn answers into flags.

A template version is a plain Python value (not a table) so a new version is a new entry in
``TEMPLATES``: no migration, and every question is a translatable string. A ``Screening``
row keeps the version it was made with, so old answers are always read with the questions
that were asked.

Categories follow the vulnerable groups of the BiH Law on Asylum (minors, unaccompanied
minors, elderly, persons with disabilities, serious illness, mental disorders, pregnant
women, single parents with minor children, victims of trafficking, survivors of torture,
rape or other serious violence) and IOM's determinants of migrant vulnerability (single
women, LGBTI persons at risk).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

CHILD_BELOW_AGE = 18
ELDERLY_FROM_AGE = 60


class Category(models.TextChoices):
    UNACCOMPANIED_CHILD = (
        "unaccompanied_or_separated_child",
        _("Unaccompanied or separated child"),
    )
    CHILD = "child", _("Child")
    ELDERLY = "elderly", _("Older person (60 or over)")
    DISABILITY = "disability", _("Person with a disability")
    SERIOUS_ILLNESS = "serious_illness", _("Serious illness")
    MENTAL_HEALTH = "mental_health", _("Mental health condition")
    PREGNANT = "pregnant", _("Pregnant woman")
    SINGLE_PARENT = "single_parent", _("Single parent with minor children")
    SINGLE_WOMAN = "single_woman", _("Single woman")
    TRAFFICKING = "trafficking", _("Possible victim of trafficking")
    SURVIVOR_OF_VIOLENCE = (
        "survivor_of_violence",
        _("Survivor of torture, rape or other serious violence, including gender-based violence"),
    )
    LGBTI_AT_RISK = "lgbti_at_risk", _("LGBTI person at risk")


class Answer(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    UNKNOWN = "unknown", _("Not asked, or declined to answer")


# Categories that come from the person's record, never from an answer alone.
AUTOMATIC_CATEGORIES = frozenset({Category.CHILD, Category.ELDERLY})


@dataclass(frozen=True)
class Question:
    code: str
    text: str | Promise
    category: Category
    child_only: bool = False  # ignored for a person known to be an adult


@dataclass(frozen=True)
class ScreeningTemplate:
    version: str
    title: str | Promise
    valid_from: date
    questions: tuple[Question, ...]

    @property
    def codes(self) -> list[str]:
        return [question.code for question in self.questions]


class AnswersInvalid(ValueError):
    """The answers do not fit the template: an unknown question or an unknown answer."""


BIH_2025_1 = ScreeningTemplate(
    version="bih-2025-1",
    title=_("Vulnerability screening (BiH, 2025)"),
    valid_from=date(2025, 1, 1),
    questions=(
        Question(
            "without_caregiver",
            _("Is the child travelling without a parent or the adult who usually cares for them?"),
            Category.UNACCOMPANIED_CHILD,
            child_only=True,
        ),
        Question(
            "disability",
            _("Does the person have a physical, sensory or intellectual disability?"),
            Category.DISABILITY,
        ),
        Question(
            "serious_illness",
            _("Does the person have a serious or chronic illness that needs treatment?"),
            Category.SERIOUS_ILLNESS,
        ),
        Question(
            "mental_health",
            _("Does the person show or report signs of a mental health condition?"),
            Category.MENTAL_HEALTH,
        ),
        Question("pregnant", _("Is the person pregnant?"), Category.PREGNANT),
        Question(
            "single_parent",
            _("Is the person the only adult caring for children under 18?"),
            Category.SINGLE_PARENT,
        ),
        Question(
            "single_woman",
            _("Is the person a woman travelling without a partner or adult relative?"),
            Category.SINGLE_WOMAN,
        ),
        Question(
            "documents_withheld",
            _("Has someone taken the person's documents or kept them from leaving?"),
            Category.TRAFFICKING,
        ),
        Question(
            "debt_or_forced_work",
            _("Does the person owe a debt for the journey, or were they forced to work?"),
            Category.TRAFFICKING,
        ),
        Question(
            "deceived",
            _("Was the person promised work or travel that turned out to be different?"),
            Category.TRAFFICKING,
        ),
        Question(
            "torture",
            _("Has the person been tortured?"),
            Category.SURVIVOR_OF_VIOLENCE,
        ),
        Question(
            "sexual_violence",
            _("Has the person experienced rape, sexual or other gender-based violence?"),
            Category.SURVIVOR_OF_VIOLENCE,
        ),
        Question(
            "serious_violence",
            _("Has the person experienced other serious physical or psychological violence?"),
            Category.SURVIVOR_OF_VIOLENCE,
        ),
        Question(
            "lgbti_risk",
            _("Does the person face risk because of sexual orientation or gender identity?"),
            Category.LGBTI_AT_RISK,
        ),
    ),
)

TEMPLATES: dict[str, ScreeningTemplate] = {BIH_2025_1.version: BIH_2025_1}


def template_for(version: str) -> ScreeningTemplate:
    """The template of ``version``; ``LookupError`` when there is none."""
    try:
        return TEMPLATES[version]
    except KeyError:
        raise LookupError(f"no screening template {version!r}") from None


def template_current(on: date | None = None) -> ScreeningTemplate:
    """The template new screenings use: the latest one valid on ``on`` (default today)."""
    day = on or date.today()
    valid = [template for template in TEMPLATES.values() if template.valid_from <= day]
    return max(valid or TEMPLATES.values(), key=lambda template: template.valid_from)


def answers_clean(template: ScreeningTemplate, answers: Mapping[str, object]) -> dict[str, str]:
    """Every question of ``template`` with a known answer; unanswered ones become "unknown".

    Raises ``AnswersInvalid`` for a question the template does not ask or an answer that is
    not yes, no or unknown.
    """
    unknown = sorted(str(code) for code in answers if code not in template.codes)
    if unknown:
        raise AnswersInvalid(f"questions not in {template.version}: {', '.join(unknown)[:200]}")
    cleaned = {}
    for code in template.codes:
        value = answers.get(code, Answer.UNKNOWN)
        if value not in Answer.values:
            raise AnswersInvalid(f"answer to {code} must be one of {', '.join(Answer.values)}")
        cleaned[code] = str(value)
    return cleaned


def flags_derive(
    template: ScreeningTemplate,
    answers: Mapping[str, str],
    *,
    age: int | None,
    unaccompanied: bool = False,
) -> list[str]:
    """The vulnerability categories that apply, in the order of ``Category``.

    A "yes" raises its question's category. From the person's record: under 18 is a child,
    60 or over is elderly, and a child registered as unaccompanied is one. Questions meant
    for children are ignored for a person known to be an adult; with no age known they count.
    """
    adult = age is not None and age >= CHILD_BELOW_AGE
    raised: set[str] = set()
    for question in template.questions:
        if question.child_only and adult:
            continue
        if answers.get(question.code) == Answer.YES:
            raised.add(question.category)
    if age is not None and age < CHILD_BELOW_AGE:
        raised.add(Category.CHILD)
    if age is not None and age >= ELDERLY_FROM_AGE:
        raised.add(Category.ELDERLY)
    if unaccompanied and not adult:
        raised.add(Category.UNACCOMPANIED_CHILD)
    return [category.value for category in Category if category in raised]


def category_label(code: str) -> str:
    """The category's name in the active language; the code itself if it is unknown."""
    try:
        return str(Category(code).label)
    except ValueError:
        return code
