"""An application returns a reference and a PIN; the status page shows the stage in the
applicant's language."""

import re
from datetime import date

import pytest

from waypoint.returns.models import Case, Outcome
from waypoint.returns.services import counselling_record

pytestmark = pytest.mark.django_db


def receipt_of(response) -> tuple[str, str]:
    html = response.content.decode()
    reference = re.search(r'id="reference">([^<]+)<', html)[1]
    pin = re.search(r'id="pin">([^<]+)<', html)[1]
    return reference, pin


def test_an_application_in_farsi_opens_a_case_and_returns_a_reference_and_pin(
    client, application_data
):
    response = client.post("/fa/apply/", application_data)
    assert response.status_code == 200
    reference, pin = receipt_of(response)
    assert re.fullmatch(r"\d{6}", pin)
    case = Case.objects.get(reference=reference)
    assert (case.given_name, case.return_country, case.site.code) == ("Reza", "AFG", "TRC-BLA")
    assert case.members.count() == 2
    assert response["Cache-Control"].startswith("max-age=0")


def test_the_status_page_shows_the_stage_in_farsi_and_follows_the_case(
    client, application_data, personas
):
    reference, pin = receipt_of(client.post("/fa/apply/", application_data))
    html = client.post("/fa/status/", {"reference": reference, "pin": pin}).content.decode()
    assert "درخواست دریافت شد" in html  # "Application received"

    case = Case.objects.get(reference=reference)
    counselling_record(
        actor=personas["counsellor"],
        case=case,
        held_on=date.today(),
        language="fa",
        outcome=Outcome.WISHES_TO_RETURN,
    )
    html = client.post("/fa/status/", {"reference": reference, "pin": pin}).content.decode()
    assert '<span id="stage">مشاوره</span>' in html  # "Counselling"
    english = client.post("/en/status/", {"reference": reference, "pin": pin}).content.decode()
    assert "Counselling" in english


def test_an_application_without_consent_is_refused_with_a_message(client, application_data):
    application_data.pop("consent")
    response = client.post("/fa/apply/", application_data)
    assert response.status_code == 200
    assert 'id="reference"' not in response.content.decode()
    assert not Case.objects.exists()


def test_the_form_shows_the_privacy_notice_in_the_chosen_language(client, content):
    html = client.get("/fa/apply/").content.decode()
    assert "<details" in html
    assert "/fa/pages/privacy/" in html
    assert "حریم خصوصی" in html  # "privacy"
