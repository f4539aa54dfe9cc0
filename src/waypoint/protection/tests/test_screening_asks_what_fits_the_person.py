"""A screening asks each person the questions for their age and sex (skip logic written in
the template): a two-year-old is asked about care and health, never about pregnancy, forced
work or sexual orientation; questions that do not apply are stored as "not asked"."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from rest_framework.test import APIClient

from waypoint.accounts.tokens import token_issue
from waypoint.protection.forms import ScreeningForm
from waypoint.protection.models import Screening
from waypoint.protection.screening import (
    BIH_2025_1,
    BIH_2026_1,
    Answer,
    template_current,
)
from waypoint.protection.services import screening_record

from .conftest import register_person, years_ago

pytestmark = pytest.mark.django_db

ADULT_ONLY_OR_OLDER_CHILD = {
    "pregnant",
    "debt_or_forced_work",
    "documents_withheld",
    "deceived",
    "child_marriage",
    "torture",
    "sexual_violence",
    "lgbti_risk",
    "single_parent",
    "single_woman",
}


@pytest.fixture
def toddler(admin, site):
    """Lejla, a two-year-old girl at Borići."""
    return register_person(admin, site("TRC-BOR"), "Lejla", sex="F", birth_date=years_ago(2))


@pytest.fixture
def woman(admin, site):
    return register_person(admin, site("TRC-BOR"), "Mariam", sex="F", birth_date=years_ago(28))


@pytest.fixture
def man(admin, site):
    return register_person(admin, site("TRC-BOR"), "Javed", sex="M", birth_date=years_ago(28))


def asked_codes(person):
    form = ScreeningForm(template=BIH_2026_1, person=person)
    return [field.name for field in form.questions()]


def test_the_new_version_is_current_and_every_condition_is_in_the_template():
    assert template_current().version == "bih-2026-1"
    by_code = {question.code: question for question in BIH_2026_1.questions}
    assert (by_code["pregnant"].min_age, by_code["pregnant"].max_age) == (12, 55)
    assert by_code["pregnant"].sexes == {"F"}
    assert by_code["debt_or_forced_work"].min_age == 10
    assert by_code["lgbti_risk"].min_age == 12
    assert by_code["malnutrition"].max_age == 4


def test_a_two_year_old_girl_is_asked_only_about_care_and_health(toddler):
    asked = asked_codes(toddler)
    assert asked == [
        "without_caregiver",
        "disability",
        "serious_illness",
        "malnutrition",
        "mental_health",
        "serious_violence",
    ]
    assert not ADULT_ONLY_OR_OLDER_CHILD & set(asked)


def test_an_adult_woman_is_asked_about_pregnancy_and_a_man_is_not(woman, man):
    assert {"pregnant", "single_woman", "lgbti_risk"} <= set(asked_codes(woman))
    assert "without_caregiver" not in asked_codes(woman)
    assert "pregnant" not in asked_codes(man)
    assert "single_woman" not in asked_codes(man)
    assert "debt_or_forced_work" in asked_codes(man)


def test_a_person_whose_birth_date_is_unknown_is_asked_every_question(admin, site):
    someone = register_person(admin, site("TRC-BOR"), "Nur", birth_date=None)
    assert asked_codes(someone) == BIH_2026_1.codes


def test_the_age_is_taken_on_the_day_of_the_screening(toddler):
    toddler.birth_date = date(2014, 6, 1)
    assert "debt_or_forced_work" not in [
        field.name
        for field in ScreeningForm(
            template=BIH_2026_1, person=toddler, on=date(2024, 5, 31)
        ).questions()
    ]
    assert "debt_or_forced_work" in [
        field.name
        for field in ScreeningForm(
            template=BIH_2026_1, person=toddler, on=date(2024, 6, 1)
        ).questions()
    ]


def test_a_yes_to_a_question_not_asked_of_a_two_year_old_is_refused_on_that_question(
    officer, toddler
):
    with pytest.raises(ValidationError) as refused:
        screening_record(actor=officer, person=toddler, answers={"pregnant": "yes"})
    message = " ".join(refused.value.message_dict["pregnant"])
    assert "Is the person pregnant?" in message
    assert "aged 2" in message and "women and girls aged 12 to 55" in message
    assert not Screening.objects.filter(person=toddler).exists()


def test_questions_not_asked_are_stored_as_not_asked_apart_from_unknown(officer, toddler):
    screening = screening_record(
        actor=officer,
        person=toddler,
        answers={"malnutrition": "yes", "lgbti_risk": "unknown"},
    )
    assert screening.answers["malnutrition"] == Answer.YES
    assert screening.answers["disability"] == Answer.UNKNOWN  # asked, not answered
    assert screening.answers["pregnant"] == Answer.NOT_ASKED
    assert screening.answers["lgbti_risk"] == Answer.NOT_ASKED
    not_asked = {code for code, answer in screening.answers.items() if answer == "not_asked"}
    assert not_asked == ADULT_ONLY_OR_OLDER_CHILD
    assert screening.flags == ["child", "serious_illness"]


def test_an_adult_woman_can_be_screened_as_pregnant(officer, woman):
    screening = screening_record(actor=officer, person=woman, answers={"pregnant": "yes"})
    assert screening.flags == ["pregnant"]
    assert screening.answers["without_caregiver"] == Answer.NOT_ASKED


def test_an_old_screening_keeps_every_question_of_its_version(officer, toddler):
    old = screening_record(actor=officer, person=toddler, answers={}, version="bih-2025-1")
    assert set(old.answers) == set(BIH_2025_1.codes)
    assert set(old.answers.values()) == {"unknown"}
    assert [question.code for question, _answer in old.answered_questions()] == BIH_2025_1.codes


def test_the_screening_page_of_a_two_year_old_shows_only_her_questions(client, officer, toddler):
    client.force_login(officer)
    page = client.get(reverse("protection:screening_new", args=[toddler.pk])).content.decode()
    assert "Is the child very thin" in page
    assert "Is the person pregnant?" not in page
    assert "forced to work" not in page
    assert "sexual orientation" not in page
    assert "10 questions of this version do not apply" in page


def test_a_pregnancy_answer_slipped_into_the_page_for_a_two_year_old_is_not_stored(
    client, officer, toddler
):
    client.force_login(officer)
    response = client.post(
        reverse("protection:screening_new", args=[toddler.pk]),
        {"pregnant": "yes", "disability": "no", "notes": ""},
    )
    assert response.status_code == 302
    screening = Screening.objects.get(person=toddler)
    assert screening.answers["pregnant"] == "not_asked"
    assert screening.answers["disability"] == "no"
    assert "pregnant" not in screening.flags


def test_the_api_refuses_a_yes_to_a_question_not_asked_and_names_it(officer, toddler):
    _token, token = token_issue(user=officer)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    response = client.post(
        "/api/v1/screenings/",
        {"person": toddler.pk, "answers": {"lgbti_risk": "yes"}},
        format="json",
    )
    assert response.status_code == 400
    assert "sexual orientation" in str(response.json())


def test_the_screening_of_a_two_year_old_is_read_without_the_questions_not_asked(
    client, officer, toddler
):
    screening = screening_record(actor=officer, person=toddler, answers={"malnutrition": "yes"})
    assert [question.code for question, _answer in screening.answered_questions()] == [
        "without_caregiver",
        "disability",
        "serious_illness",
        "malnutrition",
        "mental_health",
        "serious_violence",
    ]
    client.force_login(officer)
    page = client.get(screening.get_absolute_url()).content.decode()
    assert "Is the person pregnant?" not in page
    assert "10 questions of this version did not apply" in page
