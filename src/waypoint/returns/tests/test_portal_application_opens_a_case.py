from __future__ import annotations

import re

import pytest
from django.core.exceptions import ValidationError

from waypoint.audit.models import Action, AuditEvent
from waypoint.core.crypto import unseal
from waypoint.returns.models import ApplicationConsent, Case, Source
from waypoint.returns.references import ALPHABET
from waypoint.returns.services import application_submit
from waypoint.returns.stages import Stage
from waypoint.returns.tests.conftest import application

pytestmark = pytest.mark.django_db


def test_it_opens_a_case_at_the_application_stage_with_its_family(places: None) -> None:
    receipt = application_submit(application=application())
    case = Case.objects.get(reference=receipt.reference)
    assert case.source == Source.PORTAL
    assert case.stage == Stage.APPLICATION
    assert case.site is not None and case.site.code == "TRC-LIP"
    members = list(case.members.order_by("-is_principal", "id").values_list("name", "is_principal"))
    assert members == [("Reza Ahmadi", True), ("Maryam Ahmadi", False), ("Ali Ahmadi", False)]
    assert case.stage_changes.get().to_stage == Stage.APPLICATION


def test_the_reference_is_short_unambiguous_and_the_pin_six_digits(places: None) -> None:
    receipts = [application_submit(application=application()) for _ in range(5)]
    for receipt in receipts:
        assert re.fullmatch(rf"R-[{ALPHABET}]{{4}}-[{ALPHABET}]{{4}}", receipt.reference)
        assert not set("01OI") & set(receipt.reference[2:])
        assert re.fullmatch(r"\d{6}", receipt.pin)
    assert len({receipt.reference for receipt in receipts}) == 5


def test_only_a_hash_of_the_pin_and_a_sealed_contact_are_stored(places: None) -> None:
    receipt = application_submit(application=application())
    case = Case.objects.get(reference=receipt.reference)
    assert receipt.pin not in case.pin_hash
    assert "000 000" not in case.contact_token
    assert unseal(case.contact_token) == "+387 61 000 000"


def test_the_privacy_notice_accepted_is_kept_on_the_case(places: None) -> None:
    receipt = application_submit(application=application())
    consent = ApplicationConsent.objects.get(case__reference=receipt.reference)
    assert (consent.notice_version, consent.language) == ("2026-11-fa", "fa")


def test_it_is_audited_without_an_actor_and_without_values(places: None) -> None:
    receipt = application_submit(application=application())
    case = Case.objects.get(reference=receipt.reference)
    event = AuditEvent.objects.get(object_type="returns.case", object_id=str(case.pk))
    assert (event.action, event.actor, event.purpose) == (
        Action.CREATE,
        None,
        "portal application",
    )
    assert "Reza" not in str(event.changed_fields)


def test_an_applicant_outside_centres_says_where_they_stay(places: None) -> None:
    receipt = application_submit(
        application=application(staying_at="outside", staying_place="Bihać, near the station")
    )
    case = Case.objects.get(reference=receipt.reference)
    assert case.site is None
    assert case.staying_place == "Bihać, near the station"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"given_name": " "}, "given_name"),
        ({"return_country": "Afghanistan"}, "return_country"),
        ({"staying_at": "NO-SUCH-SITE"}, "staying_at"),
        ({"consent_privacy_notice": ""}, "consent_privacy_notice"),
        ({"family_members": (("", "child", 2019),)}, "family_members"),
        ({"family_members": (("Ali", "child", 1066),)}, "family_members"),
    ],
)
def test_it_refuses_an_incomplete_application_naming_the_field(
    places: None, changes: dict[str, object], field: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        application_submit(application=application(**changes))  # type: ignore[arg-type]
    assert field in refused.value.message_dict
    assert not Case.objects.exists()
