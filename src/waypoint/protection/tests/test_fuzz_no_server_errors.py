"""No input to the protection forms and endpoints ends in a 500."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rest_framework.test import APIClient

from waypoint.accounts.tokens import token_issue
from waypoint.core.tests.strategies import FUZZ, SCRIPTS, TEXT, form_data
from waypoint.protection.screening import BIH_2025_1
from waypoint.protection.services import referral_create, screening_record

from .conftest import CSW, consent_to

pytestmark = pytest.mark.django_db

ANSWERS = st.one_of(st.sampled_from(["yes", "no", "unknown"]), TEXT)


@pytest.fixture
def signed_in(client, officer):
    client.force_login(officer)
    return client


@FUZZ
@given(data=form_data(["number", "page"]))
def test_the_person_lookup_never_fails(signed_in, data):
    assert signed_in.get("/protection/", data).status_code < 500


@FUZZ
@given(data=form_data([*BIH_2025_1.codes, "notes"]))
def test_the_screening_form_never_fails(signed_in, at_borici, data):
    assert signed_in.post(f"/protection/people/{at_borici.pk}/screen/", data).status_code < 500


@FUZZ
@given(data=form_data(["recipient", "recipient_name", "note"]))
def test_the_referral_form_never_fails(signed_in, officer, at_borici, data):
    consent_to(officer, at_borici, CSW, "legal_aid")
    response = signed_in.post(f"/protection/people/{at_borici.pk}/refer/", data)
    assert response.status_code < 500


@FUZZ
@given(data=form_data(["status", "note"]))
def test_the_referral_status_form_never_fails(signed_in, officer, at_borici, data):
    consent_to(officer, at_borici, CSW)
    referral = referral_create(actor=officer, person=at_borici, recipient=CSW)
    url = f"/protection/referrals/{referral.pk}/status/"
    assert signed_in.post(url, data).status_code < 500


@FUZZ
@given(data=form_data(["kind", "occurred_on", "site", "person", "narrative"]))
def test_the_incident_form_never_fails(signed_in, data):
    assert signed_in.post("/protection/incidents/new/", data).status_code < 500


@FUZZ
@given(
    data=form_data(
        [
            "contacted_on",
            "municipality",
            "location",
            "person",
            "sex",
            "age_group",
            "nationality",
            "needs",
            "services",
            "referral_made",
            "notes",
        ]
    )
)
def test_the_outreach_form_never_fails(signed_in, data):
    assert signed_in.post("/protection/outreach/new/", data).status_code < 500


@FUZZ
@given(path=TEXT)
def test_any_protection_path_is_answered_without_a_server_error(signed_in, path):
    path = path.replace("\x00", "")
    for prefix in ("/protection/", "/protection/people/", "/protection/incidents/"):
        assert signed_in.get(prefix + path).status_code < 500
    assert signed_in.get("/api/v1/screenings/" + path).status_code < 500


@FUZZ
@given(
    person=st.one_of(st.integers(), TEXT, st.none(), st.lists(st.integers(), max_size=2)),
    answers=st.one_of(
        st.dictionaries(st.one_of(st.sampled_from(BIH_2025_1.codes), SCRIPTS), ANSWERS),
        TEXT,
        st.lists(TEXT, max_size=3),
        st.none(),
    ),
    notes=st.one_of(TEXT, st.integers(), st.none()),
    version=st.one_of(TEXT, st.just("bih-2025-1")),
)
def test_the_screening_endpoint_never_fails(officer, at_borici, person, answers, notes, version):
    _token, token = token_issue(user=officer)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    body = {"person": person, "answers": answers, "notes": notes, "version": version}
    assert client.post("/api/v1/screenings/", body, format="json").status_code < 500
    body["person"] = at_borici.pk
    assert client.post("/api/v1/screenings/", body, format="json").status_code < 500
    query = {"person": str(person), "page": str(notes)}
    assert client.get("/api/v1/screenings/", query).status_code < 500


@FUZZ
@given(data=form_data(["status"]))
def test_the_incident_status_form_never_fails(signed_in, officer, site, data):
    from datetime import date

    from waypoint.protection.services import incident_record

    incident = incident_record(
        actor=officer, kind="other", occurred_on=date.today(), site=site("TRC-BOR"), narrative="x"
    )
    url = f"/protection/incidents/{incident.pk}/status/"
    assert signed_in.post(url, data).status_code < 500


def test_hostile_text_in_a_screening_is_stored_and_shown_as_text(signed_in, officer, at_borici):
    hostile = "<script>alert(1)</script> محمد মোহাম্মদ Ђорђевић"
    screening = screening_record(actor=officer, person=at_borici, answers={}, notes=hostile)
    page = signed_in.get(f"/protection/screenings/{screening.pk}/").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "محمد মোহাম্মদ Ђорђевић" in page
