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

From ``bih-2026-1`` each question says whom it is asked of (``min_age``, ``max_age``,
``sexes``), as skip logic written in the template, the way UNHCR's Heightened Risk
Identification Tool and IOM's screening forms condition their questions: a two-year-old is
asked about care and health, never about pregnancy, forced work or sexual orientation. A
question that does not apply is stored as "not asked", which is not "unknown".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext
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
    UNKNOWN = "unknown", _("Unknown, or declined to answer")
    # Stored, never chosen: the question does not apply to the person's age or sex.
    NOT_ASKED = "not_asked", _("Not asked: does not apply to this person")


# The answers staff choose between; "not asked" is set by the template's conditions.
ANSWER_CHOICES = [
    (answer.value, answer.label) for answer in (Answer.YES, Answer.NO, Answer.UNKNOWN)
]


# Categories that come from the person's record, never from an answer alone.
AUTOMATIC_CATEGORIES = frozenset({Category.CHILD, Category.ELDERLY})


@dataclass(frozen=True)
class Question:
    """One yes / no question; the condition says whom it is asked of.

    ``min_age`` and ``max_age`` are whole years, both included; ``sexes`` are ``Sex`` codes
    ("F", "M"), empty for everyone. A person whose age (or sex) is not known is asked.
    """

    code: str
    text: str | Promise
    category: Category
    child_only: bool = False  # bih-2025-1 only: asked of all, ignored for a known adult
    min_age: int | None = None
    max_age: int | None = None
    sexes: frozenset[str] = frozenset()

    def applies_to(self, *, age: int | None, sex: str | None) -> bool:
        """Whether this question is asked of a person of ``age`` and ``sex`` (None or "U":
        not known, so asked)."""
        if age is not None:
            if self.min_age is not None and age < self.min_age:
                return False
            if self.max_age is not None and age > self.max_age:
                return False
        return not (self.sexes and sex in {"F", "M"} and sex not in self.sexes)

    def asked_of(self) -> str:
        """Whom the question is asked of, in words: "women and girls aged 12 to 55"."""
        who = {
            frozenset({"F"}): gettext("women and girls"),
            frozenset({"M"}): gettext("men and boys"),
        }.get(self.sexes, gettext("everyone"))
        if self.min_age is not None and self.max_age is not None:
            ages = gettext("aged %(min)d to %(max)d") % {"min": self.min_age, "max": self.max_age}
        elif self.min_age is not None:
            ages = gettext("aged %(min)d or over") % {"min": self.min_age}
        elif self.max_age is not None:
            ages = gettext("aged %(max)d or under") % {"max": self.max_age}
        else:
            return who
        return f"{who} {ages}"


@dataclass(frozen=True)
class ScreeningTemplate:
    version: str
    title: str | Promise
    valid_from: date
    questions: tuple[Question, ...]

    @property
    def codes(self) -> list[str]:
        return [question.code for question in self.questions]

    def questions_for(self, *, age: int | None, sex: str | None) -> list[Question]:
        """The questions asked of a person of ``age`` and ``sex``, in the template's order."""
        return [question for question in self.questions if question.applies_to(age=age, sex=sex)]


class AnswersInvalid(ValueError):
    """The answers do not fit the template: an unknown question or an unknown answer."""


class AnswerNotAsked(AnswersInvalid):
    """A yes or no to a question that is not asked of this person (``code`` names it)."""

    def __init__(self, question: Question, message: str) -> None:
        super().__init__(message)
        self.code = question.code


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

# Ages for the conditions (years, both ends included), and why:
# - pregnancy: women and girls 12 to 55, wider than UNFPA's 15 to 49 so that adolescent
#   pregnancies (child marriage on the route) and late ones are not missed;
# - trafficking indicators and child marriage: 10 or over, as UNHCR's child protection
#   guidance screens children for labour, exploitation and marriage;
# - torture, sexual and gender-based violence, sexual orientation and gender identity: 12 or
#   over, as in UNHCR's Heightened Risk Identification Tool; for a younger child, harm is
#   asked as "serious violence" of the caregiver and followed up by child protection;
# - malnutrition: under 5 (UNICEF's screening of children 6 to 59 months);
# - single parent 15 or over (adolescent parents), single woman 18 or over.
SGBV_FROM_AGE = 12
EXPLOITATION_FROM_AGE = 10
FEMALE = frozenset({"F"})

BIH_2026_1 = ScreeningTemplate(
    version="bih-2026-1",
    title=_("Vulnerability screening (BiH, 2026)"),
    valid_from=date(2026, 12, 1),
    questions=(
        Question(
            "without_caregiver",
            _("Is the child travelling without a parent or the adult who usually cares for them?"),
            Category.UNACCOMPANIED_CHILD,
            max_age=CHILD_BELOW_AGE - 1,
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
            "malnutrition",
            _("Is the child very thin, or have swollen feet, or lost weight on the journey?"),
            Category.SERIOUS_ILLNESS,
            max_age=4,
        ),
        Question(
            "mental_health",
            _("Does the person show or report signs of a mental health condition?"),
            Category.MENTAL_HEALTH,
        ),
        Question(
            "pregnant",
            _("Is the person pregnant?"),
            Category.PREGNANT,
            min_age=12,
            max_age=55,
            sexes=FEMALE,
        ),
        Question(
            "single_parent",
            _("Is the person the only adult caring for children under 18?"),
            Category.SINGLE_PARENT,
            min_age=15,
        ),
        Question(
            "single_woman",
            _("Is the person a woman travelling without a partner or adult relative?"),
            Category.SINGLE_WOMAN,
            min_age=CHILD_BELOW_AGE,
            sexes=FEMALE,
        ),
        Question(
            "documents_withheld",
            _("Has someone taken the person's documents or kept them from leaving?"),
            Category.TRAFFICKING,
            min_age=EXPLOITATION_FROM_AGE,
        ),
        Question(
            "debt_or_forced_work",
            _("Does the person owe a debt for the journey, or were they forced to work?"),
            Category.TRAFFICKING,
            min_age=EXPLOITATION_FROM_AGE,
        ),
        Question(
            "deceived",
            _("Was the person promised work or travel that turned out to be different?"),
            Category.TRAFFICKING,
            min_age=EXPLOITATION_FROM_AGE,
        ),
        Question(
            "child_marriage",
            _("Is the child married, or promised in marriage?"),
            Category.SURVIVOR_OF_VIOLENCE,
            min_age=EXPLOITATION_FROM_AGE,
            max_age=CHILD_BELOW_AGE - 1,
        ),
        Question(
            "torture",
            _("Has the person been tortured?"),
            Category.SURVIVOR_OF_VIOLENCE,
            min_age=SGBV_FROM_AGE,
        ),
        Question(
            "sexual_violence",
            _("Has the person experienced rape, sexual or other gender-based violence?"),
            Category.SURVIVOR_OF_VIOLENCE,
            min_age=SGBV_FROM_AGE,
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
            min_age=SGBV_FROM_AGE,
        ),
    ),
)

TEMPLATES: dict[str, ScreeningTemplate] = {
    BIH_2025_1.version: BIH_2025_1,
    BIH_2026_1.version: BIH_2026_1,
}


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


def answers_clean(
    template: ScreeningTemplate,
    answers: Mapping[str, object],
    *,
    age: int | None = None,
    sex: str | None = None,
) -> dict[str, str]:
    """Every question of ``template`` with its answer for a person of ``age`` and ``sex``.

    A question asked of the person and left unanswered becomes "unknown"; one not asked of
    them (its condition) becomes "not asked". Raises ``AnswersInvalid`` for a question the
    template does not ask or an answer that is not yes, no or unknown, and ``AnswerNotAsked``
    for a yes or no to a question not asked of this person.
    """
    unknown = sorted(str(code) for code in answers if code not in template.codes)
    if unknown:
        raise AnswersInvalid(f"questions not in {template.version}: {', '.join(unknown)[:200]}")
    cleaned = {}
    for question in template.questions:
        code = question.code
        value = answers.get(code, Answer.UNKNOWN)
        if value not in Answer.values:
            raise AnswersInvalid(f"answer to {code} must be one of {', '.join(Answer.values)}")
        if question.applies_to(age=age, sex=sex):
            cleaned[code] = Answer.UNKNOWN.value if value == Answer.NOT_ASKED else str(value)
        elif value in (Answer.YES, Answer.NO):
            raise AnswerNotAsked(question, _not_asked_message(question, age))
        else:
            cleaned[code] = Answer.NOT_ASKED.value
    return cleaned


def _not_asked_message(question: Question, age: int | None) -> str:
    person = (
        gettext("this person, aged %(age)d") % {"age": age}
        if age is not None
        else gettext("this person")
    )
    return gettext(
        "“%(question)s” is not asked of %(person)s: it is asked of %(asked_of)s. "
        "Leave it unanswered."
    ) % {"question": question.text, "person": person, "asked_of": question.asked_of()}


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
