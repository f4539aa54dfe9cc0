"""Whatever the portal passes on, the service answers a receipt or a ValidationError."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from waypoint.core.tests.strategies import FUZZ, SCRIPTS, TEXT
from waypoint.returns.queries import case_status_public
from waypoint.returns.services import application_submit

from .conftest import application

pytestmark = pytest.mark.django_db

FIELDS = [
    "given_name",
    "family_name",
    "nationality",
    "return_country",
    "return_city",
    "contact",
    "staying_at",
    "staying_place",
    "preferred_language",
    "special_needs",
    "consent_privacy_notice",
    "language",
]
MEMBERS = st.lists(
    st.tuples(SCRIPTS, SCRIPTS, st.one_of(st.none(), st.integers(-(10**6), 10**6))), max_size=22
).map(tuple)


@FUZZ
@given(changes=st.dictionaries(st.sampled_from(FIELDS), TEXT, max_size=5), members=MEMBERS)
def test_any_application_is_accepted_or_refused_with_field_errors(
    places: None, changes: dict[str, str], members: tuple
) -> None:
    try:
        receipt = application_submit(
            application=application(**changes, family_members=members)  # type: ignore[arg-type]
        )
    except ValidationError as refused:
        assert refused.message_dict
    else:
        status = case_status_public(reference=receipt.reference, pin=receipt.pin)
        assert status is not None and status.stage == "application"
