"""Issuing a resident ID card: the PDF, and the audit event of the export."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from waypoint.audit.models import Action
from waypoint.audit.services import audit_record
from waypoint.reception.access import Work, require
from waypoint.reception.cards import CardDetails, card_pdf
from waypoint.reception.models import Stay


def card_details(stay: Stay) -> CardDetails:
    person = stay.person
    original = " ".join(
        part for part in (person.given_name_original, person.family_name_original) if part
    )
    return CardDetails(
        registration_number=person.registration_number,
        name_latin=person.full_name,
        name_original=original,
        sex=str(person.get_sex_display()),
        birth_date=person.birth_date,
        nationality=person.nationality,
        centre=stay.site.name,
        issued_on=timezone.localdate(),
    )


@transaction.atomic
def resident_card_issue(*, actor: Any, stay: Stay) -> bytes:
    """The PDF card of a resident (open stay) and an export event in the audit trail.

    Raises ``cards.CardUnavailable`` when the PDF libraries are missing; nothing is audited
    then, since nothing left the system.
    """
    require(actor, Work.ACCOMMODATE, stay.site)
    if not stay.is_open:
        raise ValidationError(_("Cards are printed for current residents only."))
    pdf = card_pdf(card_details(stay))
    audit_record(
        actor=actor,
        action=Action.EXPORT,
        target=stay.person,
        person_id=stay.person_id,
        purpose="resident ID card",
        changed_fields=[
            "registration_number",
            "given_name",
            "family_name",
            "given_name_original",
            "family_name_original",
            "sex",
            "birth_date",
            "nationality",
        ],
    )
    return pdf
