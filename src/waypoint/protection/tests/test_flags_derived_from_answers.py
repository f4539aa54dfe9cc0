"""Flag derivation is a pure function of the template, the answers and the person's age."""

import pytest

from waypoint.protection.screening import (
    BIH_2025_1,
    AnswersInvalid,
    Category,
    answers_clean,
    flags_derive,
)


def derive(answers, age=30, unaccompanied=False):
    return flags_derive(BIH_2025_1, answers, age=age, unaccompanied=unaccompanied)


def test_a_yes_raises_the_category_of_its_question():
    assert derive({"pregnant": "yes"}) == [Category.PREGNANT]


def test_no_and_unknown_raise_nothing():
    assert derive({"pregnant": "no", "disability": "unknown"}) == []


def test_several_questions_of_one_category_raise_it_once():
    flags = derive({"torture": "yes", "sexual_violence": "yes", "serious_violence": "yes"})
    assert flags == [Category.SURVIVOR_OF_VIOLENCE]


def test_any_trafficking_indicator_raises_possible_trafficking():
    for code in ("documents_withheld", "debt_or_forced_work", "deceived"):
        assert derive({code: "yes"}) == [Category.TRAFFICKING]


def test_flags_come_in_the_order_of_the_categories():
    flags = derive({"lgbti_risk": "yes", "disability": "yes", "single_woman": "yes"})
    assert flags == [Category.DISABILITY, Category.SINGLE_WOMAN, Category.LGBTI_AT_RISK]


def test_a_person_under_18_is_a_child_from_the_age_alone():
    assert derive({}, age=17) == [Category.CHILD]
    assert derive({}, age=18) == []


def test_a_person_of_60_or_over_is_elderly_from_the_age_alone():
    assert derive({}, age=60) == [Category.ELDERLY]
    assert derive({}, age=59) == []


def test_an_unaccompanied_child_is_flagged_from_the_registration():
    assert derive({}, age=15, unaccompanied=True) == [
        Category.UNACCOMPANIED_CHILD,
        Category.CHILD,
    ]


def test_the_question_for_children_is_ignored_for_a_known_adult():
    assert derive({"without_caregiver": "yes"}, age=25) == []
    assert derive({"without_caregiver": "yes"}, age=None) == [Category.UNACCOMPANIED_CHILD]


def test_no_age_known_adds_no_age_category():
    assert derive({}, age=None) == []


def test_every_category_of_the_law_and_of_iom_can_be_raised():
    every_yes = {code: "yes" for code in BIH_2025_1.codes}
    raised = set(derive(every_yes, age=16)) | set(derive({}, age=70))
    assert raised == set(Category.values)


def test_answers_are_completed_with_unknown():
    cleaned = answers_clean(BIH_2025_1, {"pregnant": "yes"})
    assert cleaned["pregnant"] == "yes"
    assert cleaned["torture"] == "unknown"
    assert set(cleaned) == set(BIH_2025_1.codes)


def test_a_question_the_template_does_not_ask_is_refused():
    with pytest.raises(AnswersInvalid, match="favourite_colour"):
        answers_clean(BIH_2025_1, {"favourite_colour": "yes"})


def test_an_answer_other_than_yes_no_or_unknown_is_refused():
    with pytest.raises(AnswersInvalid):
        answers_clean(BIH_2025_1, {"pregnant": "maybe"})
