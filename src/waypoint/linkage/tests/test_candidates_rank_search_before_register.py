"""Search before register ranks its candidates by the linkage model's match probability."""

from datetime import date

import pytest

from waypoint.people.models import DatePrecision
from waypoint.people.queries import identification_search

pytestmark = pytest.mark.django_db


def test_the_same_man_typed_in_arabic_script_comes_first_with_a_probability(personas, register):
    namesake = register(
        "TRC-USI",
        "Mohammed",
        "Rahimi",
        birth_date=date(1979, 3, 2),
        birth_date_precision=DatePrecision.EXACT,
        nationality="PAK",
    )
    him = register("TRC-USI", "Mohammed", "Rahimi", father_name="Abdul Karim")
    hits = identification_search(
        personas["registrar.lipa"],
        name="محمد رحیمی",
        birth_date=date(1995, 1, 1),
        nationality="AFG",
    )
    assert [hit.person_id for hit in hits][:2] == [him.pk, namesake.pk]
    assert hits[0].probability is not None
    assert hits[0].probability > hits[1].probability
    assert not hits[0].in_scope  # found across centres, but the record stays out of reach


def test_the_registration_page_shows_the_likelihood(client, personas, register):
    register("TRC-LIP", "Mohammed", "Rahimi")
    client.force_login(personas["registrar.lipa"])
    response = client.get("/people/identify/", {"given_name": "Muhammad", "family_name": "Rahimy"})
    assert "likely the same person" in response.content.decode()
