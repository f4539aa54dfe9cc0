"""Writing people: registration, identity documents, households, guardians and consent.

Every function is atomic and records its audit event with the names (never the values) of
the fields it wrote.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from waypoint.audit.models import Action
from waypoint.audit.services import audit_record
from waypoint.people.identifiers import registration_number
from waypoint.people.models import (
    IDENTITY_FIELDS,
    Consent,
    ConsentMethod,
    Guardian,
    Household,
    HouseholdMember,
    IdentityDocument,
    NameKey,
    Person,
    Relationship,
)
from waypoint.people.names import person_name_keys
from waypoint.people.photos import PhotoRefused, photo_reencoded
from waypoint.people.recipients import is_recipient
from waypoint.places.models import Site

# Fields a registration may set; anything else is refused rather than silently ignored.
PERSON_FIELDS = frozenset(
    {
        *IDENTITY_FIELDS,
        "languages",
        "phone",
        "photo",
        "arrived_on",
        "entry_point",
        "asylum_intention",
        "asylum_certificate_on",
        "legal_basis",
        "purposes",
        "notice_language",
    }
)


class ConsentMissing(ValidationError):
    """Processing refused: no active consent for this purpose and recipient."""


# The key of the PostgreSQL advisory lock that serialises registration numbers (any number
# no other part of Waypoint uses; "WPREG" in ASCII).
SERIAL_LOCK = 0x5750524547


def _next_serial() -> int:
    """The next registration serial, global so a number never repeats across sites; call it
    inside the registration's transaction.

    Two registrations at once must not read the same maximum. SQLite's write transactions
    are serialised already (``BEGIN IMMEDIATE``). On PostgreSQL the transaction takes an
    advisory lock, held until it commits, so the next registration reads this one's serial:
    without it, concurrent officers collided on the unique number and one of them got a
    server error (found by ``benchmarks/crash_durability.py`` and ``benchmarks/load.py``).
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [SERIAL_LOCK])
    return (Person.objects.aggregate(last=Max("serial"))["last"] or 0) + 1


def name_keys_refresh(person: Person) -> None:
    """Rebuild the search keys of one person's names (after any change to a name)."""
    NameKey.objects.filter(person=person).delete()
    NameKey.objects.bulk_create(
        [NameKey(person=person, key=key) for key in sorted(person_name_keys(person))]
    )


def _check_fields(details: dict[str, Any]) -> None:
    unknown = set(details) - PERSON_FIELDS
    if unknown:
        raise ValueError(f"unknown person fields: {sorted(unknown)}")


@transaction.atomic
def person_register(
    *,
    actor: Any,
    site: Site,
    given_name: str,
    registered_on: date | None = None,
    **details: Any,
) -> Person:
    """Register one person at ``site`` and give them a registration number.

    Raises ``ValidationError`` naming each invalid field. The new record is last seen at
    ``site`` on the registration date until reception records a stay.
    """
    _check_fields(details)
    if not site.registration_prefix:
        raise ValidationError({"site": _("This site does not register people.")})
    today = registered_on or timezone.localdate()
    serial = _next_serial()
    person = Person(
        serial=serial,
        registration_number=registration_number(site.registration_prefix, serial),
        given_name=given_name.strip(),
        registered_at=site,
        registered_on=today,
        last_seen_at=site,
        last_seen_on=today,
        registered_by=actor if getattr(actor, "is_authenticated", False) else None,
        **details,
    )
    person.full_clean()
    person.save()
    name_keys_refresh(person)
    audit_record(
        actor=actor,
        action=Action.CREATE,
        target=person,
        person_id=person.pk,
        purpose="registration",
        changed_fields=["given_name", *details],
    )
    return person


@transaction.atomic
def person_update(*, actor: Any, person: Person, purpose: str = "", **changes: Any) -> Person:
    """Change identity details; records which fields changed (and ``purpose``, e.g. a
    rectification the person asked for) and refreshes search keys."""
    _check_fields(changes)
    changed = [name for name, value in changes.items() if getattr(person, name) != value]
    if not changed:
        return person
    for name in changed:
        setattr(person, name, changes[name])
    person.full_clean()
    person.save()
    # The keys hold the names and, with them, the date of birth (``dated_keys``).
    if any(name.endswith(("_name", "_original")) or name == "birth_date" for name in changed):
        name_keys_refresh(person)
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        target=person,
        person_id=person.pk,
        purpose=purpose,
        changed_fields=changed,
    )
    return person


@transaction.atomic
def document_add(
    *,
    actor: Any,
    person: Person,
    kind: str,
    number: str,
    issuing_country: str = "",
    expires_on: date | None = None,
) -> IdentityDocument:
    document = IdentityDocument(
        person=person,
        kind=kind,
        number=number.strip().upper(),
        issuing_country=issuing_country,
        expires_on=expires_on,
    )
    document.full_clean()
    document.save()
    audit_record(
        actor=actor,
        action=Action.CREATE,
        target=document,
        person_id=person.pk,
        changed_fields=["kind", "number", "issuing_country", "expires_on"],
    )
    return document


def _adult(person: Person, on: date) -> bool:
    age = person.age_on(on)
    return age is not None and age >= 18


@transaction.atomic
def household_register(
    *,
    actor: Any,
    head: Person,
    members: Iterable[tuple[Person, str]] = (),
) -> Household:
    """Group ``head`` and ``members`` (person, relationship) into one household.

    Children in a household without an adult are flagged unaccompanied; a child who joins
    an adult relative loses the flag.
    """
    household = Household.objects.create(head=head)
    audit_record(
        actor=actor,
        action=Action.CREATE,
        target=household,
        person_id=head.pk,
        changed_fields=["head"],
    )
    household_member_add(
        actor=actor, household=household, person=head, relationship=Relationship.HEAD
    )
    for person, relationship in members:
        household_member_add(
            actor=actor, household=household, person=person, relationship=relationship
        )
    return household


@transaction.atomic
def household_member_add(
    *, actor: Any, household: Household, person: Person, relationship: str
) -> HouseholdMember:
    if relationship not in Relationship.values:
        raise ValidationError(_("Unknown relationship."))
    if HouseholdMember.objects.filter(person=person).exists():
        raise ValidationError(
            _("%(number)s already belongs to a household.") % {"number": person.registration_number}
        )
    member = HouseholdMember.objects.create(
        household=household, person=person, relationship=relationship
    )
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        target=household,
        person_id=person.pk,
        changed_fields=["members"],
    )
    unaccompanied_refresh(actor=actor, people=household_people(household))
    return member


def household_people(household: Household) -> list[Person]:
    return list(Person.objects.filter(membership__household=household))


def unaccompanied_refresh(*, actor: Any, people: Iterable[Person]) -> None:
    """Recompute the unaccompanied flag of each child among ``people`` from their household."""
    today = timezone.localdate()
    for person in people:
        if _adult(person, today) or person.age_on(today) is None:
            flag = False
        else:
            membership = HouseholdMember.objects.filter(person=person).first()
            relatives = (
                Person.objects.filter(membership__household=membership.household).exclude(
                    pk=person.pk
                )
                if membership
                else Person.objects.none()
            )
            flag = not any(_adult(relative, today) for relative in relatives)
        if person.unaccompanied != flag:
            person.unaccompanied = flag
            person.save(update_fields=["unaccompanied"])
            audit_record(
                actor=actor,
                action=Action.UPDATE,
                target=person,
                person_id=person.pk,
                changed_fields=["unaccompanied"],
            )


@transaction.atomic
def person_photo_set(*, actor: Any, person: Person, photo: IO[bytes]) -> Person:
    """Store a photo in private storage (never exported, served only by a scoped view).

    What is stored is the photo decoded and encoded again as JPEG, without its metadata;
    a file that is not a readable image raises ``ValidationError`` and nothing changes.
    """
    try:
        jpeg = photo_reencoded(photo)
    except PhotoRefused as refused:
        raise ValidationError(str(refused)) from None
    if person.photo:
        person.photo.delete(save=False)
    person.photo.save(f"{person.registration_number}.jpg", ContentFile(jpeg), save=True)
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        target=person,
        person_id=person.pk,
        changed_fields=["photo"],
    )
    return person


@transaction.atomic
def guardian_appoint(
    *,
    actor: Any,
    child: Person,
    name: str,
    institution: str = "",
    phone: str = "",
    appointed_on: date | None = None,
) -> Guardian:
    guardian, _created = Guardian.objects.update_or_create(
        child=child,
        defaults={
            "name": name,
            "institution": institution,
            "phone": phone,
            "appointed_on": appointed_on,
        },
    )
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        target=guardian,
        person_id=child.pk,
        changed_fields=["name", "institution", "phone", "appointed_on"],
    )
    return guardian


# A child consents alone from 15: below it the guardian (or a parent) consents for them and
# the child's own signature is refused. 15 follows the IRC/UNICEF "Caring for Child
# Survivors" guidelines (informed consent from 15; younger children assent while the
# caregiver consents); docs/protection.md, "Consent for a child", gives the whole rule.
CONSENT_ALONE_FROM_AGE = 15
ADULT_FROM_AGE = 18


def consent_methods_for(person: Person, on: date) -> list[str]:
    """The ways ``person`` can give consent on ``on``, the usual one first.

    A child under ``CONSENT_ALONE_FROM_AGE``: only by the guardian. A child from that age:
    by the guardian, or themselves. An adult: themselves (by a guardian too when one is
    appointed for them). Age unknown: every method.
    """
    age = person.age_on(on)
    own = [ConsentMethod.SIGNED.value, ConsentMethod.ORAL_WITNESSED.value]
    guardian = [ConsentMethod.GUARDIAN.value]
    if age is None:
        return own + guardian
    if age < CONSENT_ALONE_FROM_AGE:
        return guardian
    if age < ADULT_FROM_AGE:
        return guardian + own
    return own + guardian if Guardian.objects.filter(child=person).exists() else own


def consent_guardian_name(person: Person) -> str:
    """Who consents for a child: the appointed guardian, else the head of the child's
    household when the child is the head's child; "" when there is neither."""
    guardian = Guardian.objects.filter(child=person).first()
    if guardian is not None:
        return guardian.name
    membership = (
        HouseholdMember.objects.filter(person=person, relationship=Relationship.CHILD)
        .select_related("household__head")
        .first()
    )
    head = membership.household.head if membership is not None else None
    return head.full_name if head is not None and head.pk != person.pk else ""


def _consent_method_refused(person: Person, on: date, method: str) -> str:
    age = person.age_on(on)
    if method == ConsentMethod.GUARDIAN:
        return _(
            "This person is %(age)d and gives consent themselves: a guardian consents for a "
            "child, or for an adult with an appointed guardian."
        ) % {"age": age}
    return _(
        "This child is %(age)d. Under %(limit)d a child does not sign or consent alone: "
        "record the consent as given by the guardian or a parent, and name them."
    ) % {"age": age, "limit": CONSENT_ALONE_FROM_AGE}


@transaction.atomic
def consent_record(
    *,
    actor: Any,
    person: Person,
    purpose: str,
    method: str,
    given_on: date | None = None,
    recipients: Iterable[str] = (),
    witness: str = "",
) -> Consent:
    """Record the consent ``person`` gives (or their guardian gives for them) on ``given_on``.

    Refused (``ValidationError`` on ``method``) when the method does not fit the person's age
    that day (``consent_methods_for``): a child under 15 never signs alone. A consent by the
    guardian names them in ``witness``, by default the guardian or parent on record
    (``consent_guardian_name``). Recipients are codes of ``recipients.RecipientKind`` or
    ``embassy:<ISO3>``; any other is refused.
    """
    given_on = given_on or timezone.localdate()
    recipients = sorted(set(recipients))
    unknown = [code for code in recipients if not is_recipient(code)]
    if unknown:
        raise ValidationError(
            {"recipients": _("Unknown recipient: %(codes)s.") % {"codes": ", ".join(unknown)[:200]}}
        )
    if method in ConsentMethod.values and method not in consent_methods_for(person, given_on):
        raise ValidationError({"method": _consent_method_refused(person, given_on, method)})
    witness = witness.strip()
    if method == ConsentMethod.GUARDIAN and not witness:
        witness = consent_guardian_name(person)
        if not witness:
            raise ValidationError(
                {"witness": _("Name the guardian or parent who gives consent for the child.")}
            )
    consent = Consent(
        person=person,
        purpose=purpose,
        method=method,
        given_on=given_on,
        recipients=recipients,
        witness=witness,
        recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    consent.full_clean()
    consent.save()
    audit_record(
        actor=actor,
        action=Action.CREATE,
        target=consent,
        person_id=person.pk,
        purpose=purpose,
        changed_fields=["purpose", "recipients", "method", "given_on", "witness"],
    )
    return consent


@transaction.atomic
def consent_withdraw(*, actor: Any, consent: Consent, on: date | None = None) -> Consent:
    """Record the withdrawal; the consent itself is kept as it was given."""
    if consent.withdrawn_on is not None:
        return consent
    consent.withdrawn_on = on or timezone.localdate()
    consent.save(update_fields=["withdrawn_on"])
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        target=consent,
        person_id=consent.person_id,
        purpose=consent.purpose,
        changed_fields=["withdrawn_on"],
    )
    return consent


def consent_require(person: Person, purpose: str, recipient: str = "") -> Consent:
    """The active consent covering ``purpose`` (and ``recipient``), or ``ConsentMissing``."""
    for consent in Consent.objects.filter(
        person=person, purpose=purpose, withdrawn_on__isnull=True
    ):
        if consent.covers(purpose, recipient):
            return consent
    raise ConsentMissing(
        _("No active consent of this person for %(purpose)s%(recipient)s.")
        % {"purpose": purpose, "recipient": f" to {recipient}" if recipient else ""}
    )


@transaction.atomic
def persons_import(
    *,
    actor: Any,
    rows: list[dict[str, Any]],
    sites: dict[str, Site],
    default_site: Site | None,
) -> list[Person]:
    """Register every row, or none: a failure on any row rolls the whole file back.

    ``rows`` come from ``people.imports.validate_rows``; ``sites`` maps the codes the actor
    may register at to their Site. Raises ``ValidationError`` naming the row.
    """
    people = []
    for index, row in enumerate(rows, start=2):
        details = dict(row)
        code = details.pop("site", "") or (default_site.code if default_site else "")
        site = sites.get(code)
        if site is None:
            raise ValidationError(
                _("row %(row)s, column site: %(code)s is not a registering centre in your scope")
                % {"row": index, "code": code or "—"}
            )
        given_name = details.pop("given_name")
        people.append(person_register(actor=actor, site=site, given_name=given_name, **details))
    audit_record(
        actor=actor,
        action=Action.IMPORT,
        object_type="people.person",
        purpose=f"import of {len(people)} registrations",
    )
    return people


def name_keys_rebuild(*, batch_size: int = 2000) -> int:
    """Recompute every person's search keys (after ``people.names`` changes); returns persons.

    Keys are derived data, not personal data in their own right, so this writes one audit
    event for the whole run rather than one per person.
    """
    done = 0
    last_pk = 0
    while True:
        people = list(Person.objects.filter(pk__gt=last_pk).order_by("pk")[:batch_size])
        if not people:
            break
        with transaction.atomic():
            NameKey.objects.filter(person__in=people).delete()
            NameKey.objects.bulk_create(
                [
                    NameKey(person=person, key=key)
                    for person in people
                    for key in sorted(person_name_keys(person))
                ],
                batch_size=5000,
            )
        done += len(people)
        last_pk = people[-1].pk
    audit_record(
        actor=None,
        action=Action.UPDATE,
        object_type="people.namekey",
        actor_label="waypoint people rekey",
        purpose=f"search keys rebuilt: {done}",
    )
    return done


def registration_despite_match(
    *, actor: Any, person: Person, matches: Iterable[Any], reason: str
) -> None:
    """Record that ``person`` was registered although search before register found likely
    matches (``queries.likely_duplicates``), and the officer's reason: the registrations it
    was told apart from, by id, and why. Identity review reads these events."""
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Say why this is a different person."))
    audit_record(
        actor=actor,
        action=Action.CREATE,
        target=person,
        person_id=person.pk,
        purpose=f"registered as a different person: {reason[:300]}",
        object_ids=[match.person_id for match in matches],
    )
