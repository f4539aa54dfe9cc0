"""The API registers with the registration form's rules: a date of birth between 1900 and
today, a nationality that is an ISO 3166-1 alpha-3 code (or XXA stateless, XXX unknown...);
anything else is a 400 naming the field."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st
from rest_framework.test import APIClient

from waypoint.core.countries import COUNTRY_CODES, validate_country_code
from waypoint.people.forms import PersonForm, validate_birth_date
from waypoint.people.models import Person

PROPERTIES = settings(max_examples=300, deadline=None, derandomize=True)


def register(personas, **fields):  # type: ignore[no-untyped-def]
    client = APIClient()
    client.force_authenticate(personas["registrar.lipa"])
    body = {"site": "TRC-LIP", "given_name": "Ali", **fields}
    return client.post("/api/v1/persons/", body, format="json")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "birth_date",
    [
        "9999-12-31",
        "1850-01-01",
        "1899-12-31",
        (timezone.localdate() + datetime.timedelta(days=1)).isoformat(),  # tomorrow
    ],
)
def test_an_impossible_birth_date_is_refused_by_name(personas, birth_date):
    response = register(personas, birth_date=birth_date)
    assert response.status_code == 400
    assert set(response.json()) == {"birth_date"}
    assert not Person.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("nationality", ["ZZZ", "zzz", "ABC", "XXY", "A1B"])
def test_a_nationality_that_is_no_country_code_is_refused_by_name(personas, nationality):
    response = register(personas, nationality=nationality)
    assert response.status_code == 400
    assert set(response.json()) == {"nationality"}
    assert not Person.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "fields",
    [
        {"birth_date": "1900-01-01", "nationality": "afg"},
        {"birth_date": timezone.localdate().isoformat(), "nationality": "XXA"},
        {"nationality": "XXX"},
        {"nationality": "BIH"},
    ],
)
def test_possible_dates_and_codes_register(personas, fields):
    response = register(personas, **fields)
    assert response.status_code == 201, response.json()


@pytest.mark.django_db
def test_the_form_refuses_what_the_api_refuses():
    form = PersonForm(
        {
            "given_name": "Ali",
            "sex": "M",
            "birth_date_precision": "exact",
            "birth_date": "31.12.9999",
            "nationality": "ZZZ",
            "country_of_birth": "QQQ",
        }
    )
    assert not form.is_valid()
    assert {"birth_date", "nationality", "country_of_birth"} <= set(form.errors)


@PROPERTIES
@given(day=st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31)))
def test_a_birth_date_passes_exactly_between_1900_and_today(day):
    today = timezone.localdate()
    try:
        validate_birth_date(day)
    except ValidationError:
        assert not datetime.date(1900, 1, 1) <= day <= today
    else:
        assert datetime.date(1900, 1, 1) <= day <= today


@PROPERTIES
@given(code=st.text(alphabet=st.characters(categories=["L", "N"]), min_size=1, max_size=4))
def test_a_country_code_passes_exactly_when_it_is_listed(code):
    try:
        validate_country_code(code)
    except ValidationError:
        assert code.upper() not in COUNTRY_CODES
    else:
        assert code.strip().upper() in COUNTRY_CODES
