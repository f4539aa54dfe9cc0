"""Writing protection records. Each function is atomic and writes its own audit event, naming
the fields it wrote (never their values).

Callers check access first with ``queries`` (a person or incident the actor may not see
answers 404 before any service runs); each service also requires its kind of work of the actor
(``access.require``), so no caller can skip the check.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from waypoint.audit.models import Action
from waypoint.audit.services import audit_record
from waypoint.core import crypto
from waypoint.people.models import Consent, ConsentMethod, Person, Purpose
from waypoint.people.services import ConsentMissing
from waypoint.places.models import Area, AreaLevel, Site
from waypoint.protection import access
from waypoint.protection.access import Work
from waypoint.protection.models import (
    AgeGroup,
    Incident,
    IncidentKind,
    IncidentStatus,
    Need,
    OutreachContact,
    OutreachService,
    RecipientKind,
    Referral,
    ReferralStatus,
    ReferralStatusChange,
    Screening,
    age_group_of,
)
from waypoint.protection.screening import (
    AnswerNotAsked,
    AnswersInvalid,
    answers_clean,
    flags_derive,
    template_current,
    template_for,
)


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


def _person_site(person: Person) -> Site:
    return person.last_seen_at or person.registered_at


@transaction.atomic
def screening_record(
    *,
    actor: Any,
    person: Person,
    answers: dict[str, object],
    notes: str = "",
    version: str | None = None,
    site: Site | None = None,
) -> Screening:
    """Screen ``person`` with ``version`` (default: the current template).

    Only the questions the template asks of the person (their age on the screening day and
    their sex; all of them when unknown) take an answer: those left unanswered are stored as
    "unknown", the others as "not asked". The categories are derived from the answers and
    the person's age and unaccompanied flag. Raises ``ValidationError`` for an unknown
    version, question or answer, and one keyed by the question's code for a yes or no to a
    question not asked of this person.
    """
    today = timezone.localdate()
    age = person.age_on(today)
    try:
        template = template_for(version) if version else template_current(today)
        cleaned = answers_clean(template, answers, age=age, sex=person.sex)
    except AnswerNotAsked as error:
        raise ValidationError({error.code: str(error)}) from None
    except (LookupError, AnswersInvalid) as error:
        raise ValidationError(str(error)) from None
    access.require(actor, Work.SCREEN, person)
    flags = flags_derive(template, cleaned, age=age, unaccompanied=person.unaccompanied)
    screening = Screening(
        person=person,
        version=template.version,
        answers=cleaned,
        flags=flags,
        follow_up=bool(flags),
        notes=notes.strip(),
        site=site or _person_site(person),
        screened_by=_user(actor),
    )
    screening.full_clean()
    screening.save()
    audit_record(
        actor=actor,
        action=Action.CREATE,
        target=screening,
        person_id=person.pk,
        purpose=Purpose.PROTECTION,
        changed_fields=["version", "answers", "flags", "notes", "site"],
    )
    return screening


def referral_consent(person: Person, recipient: str) -> Consent:
    """The active protection consent naming ``recipient`` that a referral may rely on.

    For an unaccompanied child only a consent given by the guardian counts. Raises
    ``ConsentMissing`` with a message saying what to record.
    """
    consents = [
        consent
        for consent in Consent.objects.filter(
            person=person, purpose=Purpose.PROTECTION, withdrawn_on__isnull=True
        ).order_by("-given_on", "-id")
        if consent.covers(Purpose.PROTECTION, recipient)
    ]
    label = dict(RecipientKind.choices).get(recipient, recipient)
    if person.unaccompanied:
        consents = [consent for consent in consents if consent.method == ConsentMethod.GUARDIAN]
        if not consents:
            raise ConsentMissing(
                _(
                    "Referral refused: this unaccompanied child has no active consent, given by "
                    "the guardian, to share protection data with %(recipient)s. Record the "
                    "guardian's consent first."
                )
                % {"recipient": label}
            )
    if not consents:
        raise ConsentMissing(
            _(
                "Referral refused: this person has no active consent to share protection data "
                "with %(recipient)s. Record the consent (purpose protection, naming this "
                "recipient) first."
            )
            % {"recipient": label}
        )
    return consents[0]


@transaction.atomic
def referral_create(
    *,
    actor: Any,
    person: Person,
    recipient: str,
    recipient_name: str = "",
    note: str = "",
    screening: Screening | None = None,
    site: Site | None = None,
) -> Referral:
    """Propose a referral of ``person`` to ``recipient``, under the person's consent.

    Refused with ``ConsentMissing`` (a ``ValidationError``) without an active consent for
    purpose protection that names the recipient (see ``referral_consent``).
    """
    access.require(actor, Work.REFER, person)
    if recipient not in RecipientKind.values:
        raise ValidationError({"recipient": _("Unknown kind of recipient.")})
    if screening is not None and screening.person_id != person.pk:
        raise ValidationError({"screening": _("This screening is of another person.")})
    consent = referral_consent(person, recipient)
    referral = Referral(
        person=person,
        recipient=recipient,
        recipient_name=recipient_name.strip(),
        note=note.strip(),
        screening=screening,
        consent=consent,
        status=ReferralStatus.PROPOSED,
        site=site or _person_site(person),
        created_by=_user(actor),
    )
    referral.full_clean()
    referral.save()
    ReferralStatusChange.objects.create(
        referral=referral,
        status=ReferralStatus.PROPOSED,
        changed_by=_user(actor),
        changed_at=referral.created_at,
    )
    audit_record(
        actor=actor,
        action=Action.CREATE,
        target=referral,
        person_id=person.pk,
        purpose=f"protection referral to {recipient}",
        changed_fields=["recipient", "recipient_name", "note", "screening", "consent", "status"],
    )
    return referral


@transaction.atomic
def referral_move(*, actor: Any, referral: Referral, status: str, note: str = "") -> Referral:
    """Move a referral along proposed → accepted → completed, or proposed → declined.

    Any other move raises ``ValidationError``; each move is kept with who made it and when.
    """
    current = Referral.objects.select_for_update().get(pk=referral.pk)
    access.require(actor, Work.REFER, current.person)
    if not current.can_become(status):
        labels = dict(ReferralStatus.choices)
        raise ValidationError(
            _("A referral that is %(current)s cannot become %(new)s.")
            % {
                "current": str(labels.get(current.status, current.status)).lower(),
                "new": str(labels.get(status, status)).lower()[:40],
            }
        )
    current.status = status
    current.save(update_fields=["status"])
    ReferralStatusChange.objects.create(
        referral=current, status=status, changed_by=_user(actor), note=note.strip()[:500]
    )
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        target=current,
        person_id=current.person_id,
        purpose=f"referral {status}",
        changed_fields=["status", "note"] if note.strip() else ["status"],
    )
    referral.status = current.status
    return current


@transaction.atomic
def incident_record(
    *,
    actor: Any,
    kind: str,
    occurred_on: date,
    site: Site,
    narrative: str,
    person: Person | None = None,
) -> Incident:
    """Log a confidential incident or complaint; the narrative is stored encrypted."""
    access.require(actor, Work.RECORD_INCIDENT, site)
    if occurred_on > timezone.localdate():
        raise ValidationError({"occurred_on": _("The date cannot be in the future.")})
    if kind not in IncidentKind.values:
        raise ValidationError({"kind": _("Unknown kind of incident.")})
    if not narrative.strip():
        raise ValidationError({"narrative": _("Describe what happened.")})
    incident = Incident(
        kind=kind,
        occurred_on=occurred_on,
        site=site,
        person=person,
        narrative_token=crypto.encrypt(narrative.strip()),
        recorded_by=_user(actor),
    )
    incident.full_clean()
    incident.save()
    audit_record(
        actor=actor,
        action=Action.CREATE,
        target=incident,
        person_id=person.pk if person else None,
        purpose=Purpose.PROTECTION,
        changed_fields=["kind", "occurred_on", "site", "person", "narrative", "status"],
    )
    return incident


@transaction.atomic
def incident_set_status(*, actor: Any, incident: Incident, status: str) -> Incident:
    access.require(actor, Work.RECORD_INCIDENT, incident.site)
    if status not in IncidentStatus.values:
        raise ValidationError({"status": _("Unknown status.")})
    if incident.status == status:
        return incident
    incident.status = status
    incident.save(update_fields=["status", "updated_at"])
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        target=incident,
        person_id=incident.person_id,
        changed_fields=["status"],
    )
    return incident


@transaction.atomic
def outreach_record(
    *,
    actor: Any,
    contacted_on: date,
    municipality: Area | None = None,
    location: str = "",
    person: Person | None = None,
    sex: str = "U",
    age_group: str = AgeGroup.UNKNOWN,
    nationality: str = "",
    needs: Iterable[str] = (),
    services: Iterable[str] = (),
    referral_made: bool = False,
    notes: str = "",
) -> OutreachContact:
    """Record a mobile team's contact outside the centres.

    Needs a municipality or a location. For a registered person, sex, age group and
    nationality are taken from the registration; otherwise they are all that is kept.
    """
    access.require(actor, Work.RECORD_OUTREACH)
    if municipality is None and not location.strip():
        raise ValidationError(_("Give the municipality or describe the location."))
    if municipality is not None and municipality.level != AreaLevel.MUNICIPALITY:
        raise ValidationError({"municipality": _("Choose a municipality.")})
    if contacted_on > timezone.localdate():
        raise ValidationError({"contacted_on": _("The date cannot be in the future.")})
    needs, services = sorted(set(needs)), sorted(set(services))
    if set(needs) - set(Need.values) or set(services) - set(OutreachService.values):
        raise ValidationError(_("Unknown need or service."))
    if person is not None:
        sex = person.sex
        age_group = age_group_of(person.age_on(contacted_on))
        nationality = person.nationality
    contact = OutreachContact(
        contacted_on=contacted_on,
        municipality=municipality,
        location=location.strip(),
        person=person,
        sex=sex,
        age_group=age_group,
        nationality=nationality.strip().upper(),
        needs=needs,
        services=services,
        referral_made=referral_made,
        notes=notes.strip(),
        recorded_by=_user(actor),
    )
    contact.full_clean()
    contact.save()
    audit_record(
        actor=actor,
        action=Action.CREATE,
        target=contact,
        person_id=person.pk if person else None,
        purpose=Purpose.PROTECTION,
        changed_fields=[
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
        ],
    )
    return contact
