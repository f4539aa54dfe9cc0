"""How cases start: a portal application, a referral from a centre or the SFA, a walk-in;
and how their members are linked to registrations."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from waypoint.audit.models import Action
from waypoint.audit.services import audit_record
from waypoint.core.crypto import seal
from waypoint.people.models import Person
from waypoint.places.models import Site
from waypoint.returns import access
from waypoint.returns.access import Work
from waypoint.returns.models import ApplicationConsent, Case, CaseMember, Source, StageChange
from waypoint.returns.references import pin_hash, pin_new, reference_new
from waypoint.returns.services._common import country_code, user_or_none
from waypoint.returns.stages import TERMINAL, Stage

OUTSIDE = "outside"
MAX_MEMBERS = 20


@dataclass(frozen=True)
class PortalApplication:
    given_name: str
    family_name: str
    nationality: str  # ISO 3166-1 alpha-3
    return_country: str  # ISO alpha-3
    return_city: str
    contact: str  # phone, WhatsApp/Viber number or e-mail, free text
    staying_at: str  # a reception site code (e.g. "TRC-LIP") or "outside"
    staying_place: str  # free text when outside (town, area)
    family_members: tuple[tuple[str, str, int | None], ...]  # (name, relationship, birth year)
    preferred_language: str  # one of the portal language codes
    special_needs: str
    consent_privacy_notice: str  # the version id of the privacy notice shown
    language: str  # language the form was filled in


@dataclass(frozen=True)
class PortalReceipt:
    reference: str  # e.g. "R-7KQ4-M2XD"
    pin: str  # 6 digits; only its hash is stored


def _text(value: str, limit: int) -> str:
    # NUL cannot be stored by PostgreSQL; nobody types it on purpose.
    return str(value or "").replace("\x00", "").strip()[:limit]


def _members(rows: tuple[tuple[str, str, int | None], ...]) -> list[tuple[str, str, int | None]]:
    if len(rows) > MAX_MEMBERS:
        raise ValidationError(
            {"family_members": _("At most %(count)s family members.") % {"count": MAX_MEMBERS}}
        )
    this_year = timezone.localdate().year
    cleaned = []
    for name, relationship, year in rows:
        if not _text(name, 200):
            raise ValidationError({"family_members": _("Every family member needs a name.")})
        if year is not None and not (this_year - 120 <= year <= this_year):
            raise ValidationError({"family_members": _("A year of birth is not plausible.")})
        cleaned.append((_text(name, 200), _text(relationship, 32), year))
    return cleaned


def _site(code: str) -> Site | None:
    code = _text(code, 24)
    if not code or code.lower() == OUTSIDE:
        return None
    site = Site.objects.filter(code=code).first()
    if site is None:
        raise ValidationError({"staying_at": _("Unknown reception site.")})
    return site


def _new_case(**fields: Any) -> Case:
    # References are random; a clash (about one in 10**12 per pair) is retried.
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return Case.objects.create(reference=reference_new(), **fields)
        except IntegrityError:
            continue
    raise RuntimeError("could not draw an unused case reference")


@transaction.atomic
def application_submit(*, application: PortalApplication) -> PortalReceipt:
    """Open a case from a portal application and return its reference and PIN (shown once).

    The case starts in stage "application" with source "portal"; the principal and family
    members are recorded by name, unlinked. The applicant's acceptance of the privacy notice
    is kept on the case (``ApplicationConsent``): there is no ``Person`` to hold a consent
    until a counsellor links the case to a registration. Raises ``ValidationError`` per field.
    """
    given_name = _text(application.given_name, 120)
    if not given_name:
        raise ValidationError({"given_name": _("Enter your given name.")})
    if not _text(application.consent_privacy_notice, 32):
        raise ValidationError(
            {"consent_privacy_notice": _("Please read and accept the privacy notice.")}
        )
    members = _members(application.family_members)
    pin = pin_new()
    case = _new_case(
        source=Source.PORTAL,
        given_name=given_name,
        family_name=_text(application.family_name, 120),
        nationality=country_code(application.nationality, "nationality"),
        return_country=country_code(application.return_country, "return_country"),
        return_city=_text(application.return_city, 120),
        contact_token=seal(_text(application.contact, 200)),
        site=_site(application.staying_at),
        staying_place=_text(application.staying_place, 200),
        preferred_language=_text(application.preferred_language, 8),
        form_language=_text(application.language, 8),
        special_needs=_text(application.special_needs, 2000),
        pin_hash=pin_hash(pin),
    )
    _record_opening(case, actor=None, members=members)
    ApplicationConsent.objects.create(
        case=case,
        notice_version=_text(application.consent_privacy_notice, 32),
        language=_text(application.language, 8),
    )
    audit_record(
        actor=None,
        action=Action.CREATE,
        target=case,
        purpose="portal application",
        changed_fields=[
            "given_name",
            "family_name",
            "nationality",
            "return_country",
            "return_city",
            "contact",
            "site",
            "members",
            "consent",
        ],
    )
    return PortalReceipt(reference=case.reference, pin=pin)


def _record_opening(case: Case, *, actor: Any, members: list[tuple[str, str, int | None]]) -> None:
    CaseMember.objects.create(
        case=case, person=case.principal, name=case.applicant_name, is_principal=True
    )
    CaseMember.objects.bulk_create(
        [
            CaseMember(case=case, name=name, relationship=relationship, birth_year=year)
            for name, relationship, year in members
        ]
    )
    StageChange.objects.create(
        case=case, from_stage="", to_stage=Stage.APPLICATION, changed_by=user_or_none(actor)
    )


def _refuse_if_busy(person: Person, member_id: int | None = None) -> None:
    """A registration is on at most one open case."""
    busy = CaseMember.objects.filter(person=person).exclude(case__stage__in=list(TERMINAL))
    if member_id is not None:
        busy = busy.exclude(pk=member_id)
    if busy.exists():
        raise ValidationError(
            _("%(number)s is already on another open return case.")
            % {"number": person.registration_number}
        )


@transaction.atomic
def case_open(
    *,
    actor: Any,
    source: str,
    return_country: str,
    principal: Person | None = None,
    given_name: str = "",
    family_name: str = "",
    return_city: str = "",
    contact: str = "",
    counsellor: Any = None,
) -> Case:
    """Open a case for a referral (centre or SFA) or a walk-in; staff-facing.

    With ``principal`` the case is linked from the start, named after the registration and
    placed at its centre; otherwise ``given_name`` is required.
    """
    if source not in {Source.CENTRE, Source.WALK_IN, Source.SFA}:
        raise ValidationError({"source": _("Choose where the case comes from.")})
    if principal is not None:
        _refuse_if_busy(principal)
        given_name, family_name = principal.given_name, principal.family_name
    if not _text(given_name, 120):
        raise ValidationError({"given_name": _("Enter the applicant's given name.")})
    case = _new_case(
        source=source,
        principal=principal,
        given_name=_text(given_name, 120),
        family_name=_text(family_name, 120),
        nationality=principal.nationality if principal is not None else "",
        return_country=country_code(return_country, "return_country"),
        return_city=_text(return_city, 120),
        contact_token=seal(_text(contact, 200)),
        site=principal.last_seen_at if principal is not None else None,
        counsellor=counsellor,
        created_by=user_or_none(actor),
    )
    _record_opening(case, actor=actor, members=[])
    audit_record(
        actor=actor,
        action=Action.CREATE,
        target=case,
        person_id=principal.pk if principal is not None else None,
        purpose="voluntary return",
        changed_fields=["source", "principal", "return_country", "return_city", "contact"],
    )
    return case


@transaction.atomic
def member_link(*, actor: Any, member: CaseMember, person: Person) -> CaseMember:
    """Link one case member to a registration; linking the principal links the case.

    A registration is on at most one open case. The case takes the centre of the
    principal's registration when it had none.
    """
    access.require_on_case(actor, Work.COUNSEL, member.case)
    _refuse_if_busy(person, member.pk)
    member.person = person
    member.save(update_fields=["person"])
    case = member.case
    changed = ["members"]
    if member.is_principal:
        case.principal = person
        if case.site_id is None:
            case.site = person.last_seen_at
        if not case.nationality:
            case.nationality = person.nationality
        case.save(update_fields=["principal", "site", "nationality", "updated_at"])
        changed.append("principal")
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        target=case,
        person_id=person.pk,
        purpose="voluntary return: identity linked",
        changed_fields=changed,
    )
    return member


@transaction.atomic
def case_assign(*, actor: Any, case: Case, counsellor: Any) -> Case:
    access.require_on_case(actor, Work.COUNSEL, case)
    case.counsellor = counsellor
    case.save(update_fields=["counsellor", "updated_at"])
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        target=case,
        person_id=case.principal_id,
        changed_fields=["counsellor"],
    )
    return case


@transaction.atomic
def pin_reissue(*, actor: Any, case: Case) -> str:
    """A new portal PIN for the applicant (after a lock-out or a lost PIN); shown once."""
    access.require_on_case(actor, Work.COUNSEL, case)
    if case.source != Source.PORTAL:
        raise ValidationError(_("Only portal applications have a PIN."))
    pin = pin_new()
    case.pin_hash = pin_hash(pin)
    case.pin_failures = 0
    case.save(update_fields=["pin_hash", "pin_failures", "updated_at"])
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        target=case,
        person_id=case.principal_id,
        changed_fields=["pin"],
    )
    return pin
