"""Privacy fixtures: a person with a record in every app (the "canary"), named so that a
scan of the whole database can look for the name afterwards."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from django.apps import apps
from django.db import models
from django.db.models.functions import Cast
from django.utils import timezone
from PIL import Image

from waypoint.core import crypto
from waypoint.estimation.models import ListKind, OutsideList, OutsideRecord
from waypoint.linkage.models import CandidatePair, IdentityGroup, IdentityLink, PairStatus
from waypoint.people.models import (
    Consent,
    ConsentMethod,
    Guardian,
    IdentityDocument,
    Person,
    Purpose,
)
from waypoint.people.services import household_register, person_photo_set, person_register
from waypoint.protection.models import (
    Incident,
    IncidentKind,
    IncidentStatus,
    OutreachContact,
    Referral,
    Screening,
)
from waypoint.reception.models import RegistrationTakeOver, ServiceDelivery, Stay
from waypoint.returns.models import (
    Case,
    CaseMember,
    CounsellingSession,
    DataTransfer,
    Outcome,
    Source,
    StageChange,
)
from waypoint.returns.stages import Stage

CANARY = "Zarghunawaz"
CANARY_FAMILY = "Qandeelkhani"
CANARY_ORIGINAL = "زرغونواز"


@pytest.fixture
def admin(personas):
    return personas["admin"]


@pytest.fixture
def lipa(site):
    return site("TRC-LIP")


def moment(day: date) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, 12, 0))


def register(admin: Any, lipa: Any, given: str, on: date, **details: Any) -> Person:
    return person_register(actor=admin, site=lipa, given_name=given, registered_on=on, **details)


def stay_at(person: Person, site: Any, admitted: date, exited: date | None) -> Stay:
    stay = Stay.objects.create(
        person=person,
        site=site,
        admitted_at=moment(admitted),
        last_seen_at=moment(exited or admitted),
        exited_at=moment(exited) if exited else None,
        exit_reason="onward" if exited else "",
    )
    Person.objects.filter(pk=person.pk).update(last_seen_on=exited or admitted)
    return stay


def _photo() -> io.BytesIO:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), "red").save(buffer, format="PNG")
    buffer.seek(0)
    return buffer


@pytest.fixture
def canary(admin, lipa, django_capture_on_commit_callbacks):
    """A person registered at Lipa in 2020 with a record in every table that can hold one:
    names in two scripts, a document, a consent, a photo on disk, a household and guardian,
    a closed stay, a service, a screening, a referral, an incident, an outreach contact, a
    linkage pair and group with a second registration, a row of an outside list, a closed
    return case with a counselling session and a data transfer."""
    on = date(2020, 3, 2)
    person = register(
        admin,
        lipa,
        CANARY,
        on,
        family_name=CANARY_FAMILY,
        given_name_original=CANARY_ORIGINAL,
        father_name=f"{CANARY} Senior",
        mother_name=f"Gul {CANARY_FAMILY}",
        sex="M",
        birth_date=date(1994, 8, 17),
        nationality="AFG",
        phone="+38761000111",
        place_of_birth=f"{CANARY}abad",
    )
    with django_capture_on_commit_callbacks(execute=True):
        person_photo_set(actor=admin, person=person, photo=_photo())
    person.refresh_from_db()
    IdentityDocument.objects.create(person=person, kind="passport", number="P-ZQ-771")
    consent = Consent.objects.create(
        person=person,
        purpose=Purpose.RETURN,
        method=ConsentMethod.ORAL_WITNESSED,
        given_on=on,
        witness=f"witness for {CANARY}",
    )
    household_register(actor=admin, head=person)
    Guardian.objects.create(child=person, name=f"guardian of {CANARY}")
    stay_at(person, lipa, on, on + timedelta(days=40))
    ServiceDelivery.objects.create(
        site=lipa, kind="food", person=person, delivered_on=on, note=f"to {CANARY}"
    )
    RegistrationTakeOver.objects.create(person=person, site=lipa, reason=f"{CANARY} moved")
    screening = Screening.objects.create(
        person=person, version="v1", site=lipa, flags=["gbv"], notes=f"{CANARY} said"
    )
    Referral.objects.create(
        person=person,
        recipient="centre_for_social_work",
        recipient_name=f"office of {CANARY}",
        screening=screening,
        site=lipa,
    )
    Incident.objects.create(
        kind=IncidentKind.HARASSMENT,
        occurred_on=on,
        site=lipa,
        person=person,
        narrative_token=crypto.encrypt(f"{CANARY} was threatened"),
        status=IncidentStatus.CLOSED,
    )
    OutreachContact.objects.create(
        contacted_on=on,
        municipality=lipa.municipality,
        person=person,
        notes=f"met {CANARY}",
    )
    twin = register(admin, lipa, "Zarghun", on, family_name="Kandil", sex="M")
    first, second = sorted([person.pk, twin.pk])
    CandidatePair.objects.create(
        left_id=first, right_id=second, probability=0.99, status=PairStatus.AUTO
    )
    IdentityLink.objects.create(person_id=first, canonical_id=first)
    IdentityLink.objects.create(person_id=second, canonical_id=first)
    IdentityGroup.objects.create(canonical_id=first, size=2, weakest_link=0.99)
    outside = OutsideList.objects.create(
        name="SFA 2020", kind=ListKind.ASYLUM_INTENTION, first_day=on, last_day=on
    )
    OutsideRecord.objects.create(outside_list=outside, row_id="row-1", person=person)
    case = Case.objects.create(
        reference="R-ZQZQ-ZQZQ",
        source=Source.CENTRE,
        stage=Stage.CLOSED,
        principal=person,
        given_name=CANARY,
        family_name=CANARY_FAMILY,
        return_country="AFG",
        return_city=f"{CANARY}abad",
        special_needs=f"{CANARY} needs glasses",
        departed_on=on + timedelta(days=60),
    )
    CaseMember.objects.create(case=case, person=person, name=CANARY, is_principal=True)
    CaseMember.objects.create(case=case, name=f"{CANARY} junior", relationship="child")
    StageChange.objects.create(case=case, to_stage=Stage.CLOSED, reason=f"{CANARY} arrived")
    CounsellingSession.objects.create(
        case=case, held_on=on, language="ps", outcome=Outcome.WISHES_TO_RETURN
    )
    DataTransfer.objects.create(
        case=case, person=person, recipient="embassy:AFG", legal_basis="consent", consent=consent
    )
    person.refresh_from_db()
    return person


def text_columns() -> list[tuple[type[models.Model], str]]:
    """Every text-like column of every model (JSON included, read as text)."""
    kinds = (models.CharField, models.TextField, models.JSONField)
    return [
        (model, field.name)
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, kinds)
    ]


def rows_holding(text: str) -> list[str]:
    """``model.field`` for every column in which some row contains ``text``."""
    found = []
    for model, name in text_columns():
        rows = model._default_manager.annotate(_as_text=Cast(name, models.TextField()))
        if rows.filter(_as_text__icontains=text).exists():
            found.append(f"{model._meta.label_lower}.{name}")
    return found
