"""Admission, transfer, exit and beds.

Rules every function here keeps:
- a person has at most one open stay anywhere (the service says so clearly; a partial
  unique index catches a race);
- a bed holds at most one open stay, belongs to the stay's centre and is in use;
- an unaccompanied child never gets a bed in a unit for single men, nor an adult a bed in a
  unit for unaccompanied children;
- a transfer closes one stay and opens the next in one transaction: if the next cannot open,
  the first stays open;
- the person's ``last_seen_at``/``last_seen_on`` follow the latest admission.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.db.models.functions import Length
from django.utils import timezone
from django.utils.translation import gettext as _

from waypoint.audit.models import Action, AuditEvent
from waypoint.audit.services import audit_record
from waypoint.people.models import HouseholdMember, Person, Sex
from waypoint.places.models import Site
from waypoint.reception.access import Work, may, require
from waypoint.reception.models import (
    RESERVED_EXIT_REASONS,
    AccommodationUnit,
    Bed,
    ExitReason,
    RegistrationTakeOver,
    Stay,
    UnitProfile,
)
from waypoint.reception.services._common import moment, user_or_none

PURPOSE = "reception"


# --- Beds -----------------------------------------------------------------------------------


def fitting_profiles(
    *, sex: str, age: int | None, unaccompanied: bool, with_family: bool
) -> list[str]:
    """Unit profiles that suit a person, best first.

    Unaccompanied children go to units for children; families (and a child with them) to
    family units; single adult men to single men's units; women and people whose sex is not
    recorded to family units. Mixed units take anyone but unaccompanied children.
    """
    child = age is not None and age < 18
    if unaccompanied or (child and not with_family):
        return [UnitProfile.UNACCOMPANIED_CHILDREN]
    if with_family:
        return [UnitProfile.FAMILIES, UnitProfile.MIXED]
    if sex == Sex.MALE:
        return [UnitProfile.SINGLE_MEN, UnitProfile.MIXED]
    if sex == Sex.FEMALE:
        return [UnitProfile.FAMILIES, UnitProfile.MIXED]
    return [UnitProfile.MIXED, UnitProfile.FAMILIES]


def bed_refusal(*, profile: str, age: int | None, unaccompanied: bool) -> str:
    """Why a bed in a unit of ``profile`` may not go to this person; empty when it may."""
    child = unaccompanied or (age is not None and age < 18)
    if profile == UnitProfile.SINGLE_MEN and child:
        return _("A child cannot be given a bed in a unit for single men.")
    if profile == UnitProfile.UNACCOMPANIED_CHILDREN and age is not None and age >= 18:
        return _("Beds in units for unaccompanied children are for children only.")
    return ""


def beds_free(site: Site) -> QuerySet[Bed]:
    """Beds of ``site`` in use and not held by an open stay."""
    held = Stay.objects.filter(bed=OuterRef("pk"), exited_at__isnull=True)
    return (
        Bed.objects.filter(unit__site=site, active=True)
        .exclude(Exists(held))
        .select_related("unit")
        # Bed 2 before bed 10: shorter labels first, then alphabetical.
        .order_by("unit__name", Length("label"), "label")
    )


def _household_id(person: Person) -> int | None:
    member = HouseholdMember.objects.filter(person=person).only("household_id").first()
    if member is None:
        return None
    others = HouseholdMember.objects.filter(household_id=member.household_id).exclude(person=person)
    return member.household_id if others.exists() else None


def bed_suggest(*, site: Site, person: Person) -> Bed | None:
    """A free bed at ``site`` in a unit whose profile fits ``person``; None when none is free.

    A family member gets a bed in the unit where their household already sleeps when one
    is free there.
    """
    household_id = _household_id(person)
    profiles = fitting_profiles(
        sex=person.sex,
        age=person.age_on(timezone.localdate()),
        unaccompanied=person.unaccompanied,
        with_family=household_id is not None,
    )
    free = beds_free(site)
    for profile in profiles:
        candidates = free.filter(unit__profile=profile)
        if household_id is not None:
            family_units = Stay.objects.filter(
                site=site,
                exited_at__isnull=True,
                bed__isnull=False,
                person__membership__household_id=household_id,
            ).values("bed__unit")
            together = candidates.filter(unit__in=family_units).first()
            if together is not None:
                return together
        bed = candidates.first()
        if bed is not None:
            return bed
    return None


def _check_bed(bed: Bed, site: Site, person: Person, on: date) -> Bed:
    # Locking the bed row serialises two officers giving out the same bed (PostgreSQL);
    # SQLite's IMMEDIATE transactions already serialise writers.
    locked = Bed.objects.select_for_update().select_related("unit").get(pk=bed.pk)
    if locked.unit.site_id != site.pk:
        raise ValidationError(
            _("Bed %(bed)s is not at %(site)s.") % {"bed": locked, "site": site.name}
        )
    if not locked.active:
        raise ValidationError(_("Bed %(bed)s is not in use.") % {"bed": locked})
    if Stay.objects.filter(bed=locked, exited_at__isnull=True).exists():
        raise ValidationError(_("Bed %(bed)s is taken by another resident.") % {"bed": locked})
    refusal = bed_refusal(
        profile=locked.unit.profile, age=person.age_on(on), unaccompanied=person.unaccompanied
    )
    if refusal:
        raise ValidationError(refusal)
    return locked


@transaction.atomic
def unit_add(
    *, actor: Any, site: Site, name: str, kind: str, profile: str, beds: int = 0
) -> AccommodationUnit:
    """Add a unit to a centre with ``beds`` beds labelled 1, 2, 3, ..."""
    require(actor, Work.ACCOMMODATE, site)
    unit = AccommodationUnit(site=site, name=name.strip(), kind=kind, profile=profile)
    unit.full_clean()
    unit.save()
    Bed.objects.bulk_create(
        [Bed(unit=unit, label=str(number)) for number in range(1, beds + 1)], batch_size=500
    )
    audit_record(
        actor=actor,
        action=Action.CREATE,
        target=unit,
        changed_fields=["site", "name", "kind", "profile", "beds"],
    )
    return unit


# --- Admission ------------------------------------------------------------------------------


def _open_stay_message(actor: Any, stay: Stay) -> str:
    """Where and since when the person stays, if the actor may see that centre; else only
    that they stay elsewhere (nothing about a centre out of the actor's scope leaks)."""
    if not may(actor, Work.READ, stay.site):
        return _(
            "%(number)s already has an open stay at another centre. That centre records the "
            "exit or a transfer first."
        ) % {"number": stay.person.registration_number}
    return _(
        "%(number)s already has an open stay at %(site)s since %(day)s. "
        "Record the exit or a transfer of that stay first."
    ) % {
        "number": stay.person.registration_number,
        "site": stay.site.name,
        "day": timezone.localtime(stay.admitted_at).strftime("%d.%m.%Y"),
    }


def _admit(
    *,
    actor: Any,
    person: Person,
    site: Site,
    bed: Bed | None,
    at: datetime,
    transferred_from: Stay | None = None,
) -> Stay:
    if not site.is_centre:
        raise ValidationError(_("%(site)s is not a centre.") % {"site": site.name})
    if not site.is_open:
        raise ValidationError(_("%(site)s is closed.") % {"site": site.name})
    # Lock the person so two admissions of one person queue up (PostgreSQL).
    person = Person.objects.select_for_update().get(pk=person.pk)
    current = (
        Stay.objects.filter(person=person, exited_at__isnull=True)
        .select_related("person", "site")
        .first()
    )
    if current is not None:
        raise ValidationError(_open_stay_message(actor, current))
    if Stay.objects.filter(person=person, exited_at__gt=at).exists():
        raise ValidationError(
            _("The admission cannot be before the end of this person's previous stay.")
        )
    if bed is not None:
        bed = _check_bed(bed, site, person, timezone.localdate(at))
    stay = Stay(
        person=person,
        site=site,
        bed=bed,
        admitted_at=at,
        admitted_by=user_or_none(actor),
        last_seen_at=at,
        transferred_from=transferred_from,
    )
    try:
        with transaction.atomic():
            stay.save()
    except IntegrityError:
        raise ValidationError(
            _("This person or this bed was given an open stay a moment ago; reload and retry.")
        ) from None
    seen_on = timezone.localdate(at)
    if person.last_seen_on is None or seen_on >= person.last_seen_on:
        person.last_seen_at = site
        person.last_seen_on = seen_on
        person.save(update_fields=["last_seen_at", "last_seen_on", "updated_at"])
    audit_record(
        actor=actor,
        action=Action.CREATE,
        target=stay,
        person_id=person.pk,
        purpose=PURPOSE,
        changed_fields=[
            "person",
            "site",
            "bed",
            "admitted_at",
            "transferred_from",
            "person.last_seen_at",
            "person.last_seen_on",
        ],
    )
    return stay


@transaction.atomic
def stay_admit(
    *,
    actor: Any,
    person: Person,
    site: Site,
    bed: Bed | None = None,
    at: datetime | None = None,
) -> Stay:
    """Open a stay of ``person`` at ``site`` (in ``bed`` when given) at ``at`` (default now).

    Raises ``ValidationError`` with a message for the officer when the person already has an
    open stay, the bed is elsewhere, out of use, taken or unsuitable, or the centre is closed;
    ``PermissionDenied`` when ``actor`` may not accommodate people at ``site``.
    """
    require(actor, Work.ACCOMMODATE, site)
    return _admit(actor=actor, person=person, site=site, bed=bed, at=moment(at))


# --- Leaving --------------------------------------------------------------------------------


def _locked_open(stay: Stay) -> Stay:
    current = Stay.objects.select_for_update().select_related("person", "site").get(pk=stay.pk)
    if not current.is_open:
        raise ValidationError(_("This stay has already ended."))
    return current


def _close(*, actor: Any, stay: Stay, reason: str, at: datetime) -> None:
    if at < stay.admitted_at:
        raise ValidationError(_("The exit cannot be before the admission."))
    stay.exited_at = at
    stay.exit_reason = reason
    stay.exited_by = user_or_none(actor)
    stay.save(update_fields=["exited_at", "exit_reason", "exited_by"])
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        target=stay,
        person_id=stay.person_id,
        purpose=PURPOSE,
        changed_fields=["exited_at", "exit_reason", "exited_by"],
    )


def _copy_exit(source: Stay, target: Stay) -> None:
    target.exited_at = source.exited_at
    target.exit_reason = source.exit_reason
    target.exited_by_id = source.exited_by_id


@transaction.atomic
def stay_exit(*, actor: Any, stay: Stay, reason: str, at: datetime | None = None) -> Stay:
    """Close an open stay with ``reason`` at ``at`` (default now); frees its bed.

    Transfers go through ``stay_transfer`` and "left without notice" through
    ``absence_confirm_exit`` (after 48 hours of absence): both are refused here.
    """
    require(actor, Work.ACCOMMODATE, stay.site)
    if reason not in ExitReason.values:
        raise ValidationError(_("Choose a reason for the exit."))
    if reason == ExitReason.TRANSFER:
        raise ValidationError(_("Record a transfer with the transfer form."))
    if reason in RESERVED_EXIT_REASONS:
        raise ValidationError(
            _("A resident absent for more than 48 hours is recorded as gone by the manager.")
        )
    current = _locked_open(stay)
    _close(actor=actor, stay=current, reason=reason, at=moment(at))
    _copy_exit(current, stay)
    return current


@transaction.atomic
def stay_transfer(
    *,
    actor: Any,
    stay: Stay,
    to_site: Site,
    bed: Bed | None = None,
    at: datetime | None = None,
) -> Stay:
    """Close ``stay`` (reason: transfer) and open the next one at ``to_site``, atomically.

    The sending centre records the transfer, so ``actor`` needs the right to accommodate at
    the stay's centre; the receiving centre may assign a bed later (``stay_bed_assign``).
    Any failure (a taken bed, a closed centre) leaves ``stay`` open and unchanged.
    """
    require(actor, Work.ACCOMMODATE, stay.site)
    at = moment(at)
    current = _locked_open(stay)
    if to_site.pk == current.site_id:
        raise ValidationError(_("Choose another centre: the person is already here."))
    _close(actor=actor, stay=current, reason=ExitReason.TRANSFER, at=at)
    following = _admit(
        actor=actor,
        person=current.person,
        site=to_site,
        bed=bed,
        at=at,
        transferred_from=current,
    )
    _copy_exit(current, stay)
    return following


@transaction.atomic
def stay_bed_assign(*, actor: Any, stay: Stay, bed: Bed | None) -> Stay:
    """Move an open stay to ``bed`` (or out of any bed with None)."""
    require(actor, Work.ACCOMMODATE, stay.site)
    current = _locked_open(stay)
    if bed is not None and bed.pk == current.bed_id:
        return current
    if bed is not None:
        bed = _check_bed(bed, current.site, current.person, timezone.localdate())
    current.bed = bed
    try:
        with transaction.atomic():
            current.save(update_fields=["bed"])
    except IntegrityError:
        raise ValidationError(_("This bed was given out a moment ago; choose another.")) from None
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        target=current,
        person_id=current.person_id,
        purpose=PURPOSE,
        changed_fields=["bed"],
    )
    stay.bed = bed
    return current


@transaction.atomic
def absence_confirm_exit(*, actor: Any, stay: Stay, now: datetime | None = None) -> Stay:
    """The centre manager confirms that a resident absent over 48 hours left without notice.

    The stay closes at the time the person was last seen (the best evidence of when they
    left); the confirmation itself is the audit event's time. Refused while the person was
    seen within the last 48 hours: until then the bed is kept for them.
    """
    require(actor, Work.CONFIRM_EXIT, stay.site)
    now = moment(now)
    current = _locked_open(stay)
    if not current.is_overdue(now):
        hours = int((now - current.last_seen_at).total_seconds() // 3600)
        raise ValidationError(
            _(
                "%(number)s was last seen %(hours)s hours ago; "
                "the bed is kept for 48 hours before an exit can be confirmed."
            )
            % {"number": current.person.registration_number, "hours": hours}
        )
    _close(
        actor=actor,
        stay=current,
        reason=ExitReason.LEFT_WITHOUT_NOTICE,
        at=current.last_seen_at,
    )
    _copy_exit(current, stay)
    return current


# --- Taking over a registration made elsewhere -----------------------------------------------

TAKE_OVER_ATTEMPTS_PER_HOUR = 5
TAKE_OVER_REFUSED = "registration take-over refused"


def _take_over_refusal() -> ValidationError:
    # One answer whether the number does not exist, the date does not match or the person
    # stays at another centre: nothing tells which registrations exist or where.
    return ValidationError(
        _(
            "No registration that you can take over has this number and date of birth. "
            "Check both on the person's card; a person staying at another centre is "
            "transferred by that centre."
        )
    )


def registration_take_over(
    *, actor: Any, site: Site, registration_number: str, birth_date: date, reason: str
) -> Person:
    """Bring a registration made elsewhere into ``site``'s scope: the person presents their
    card here (number and date of birth must both match) and has no open stay anywhere.
    Audited with the reason kept in a ``RegistrationTakeOver``; a refusal is audited too
    (without the values tried), and after five refusals in an hour the officer must wait."""
    require(actor, Work.ACCOMMODATE, site)
    reason = reason.strip()
    if len(reason) < 10:
        raise ValidationError(
            {"reason": _("Say in a few words why the registration is taken over.")}
        )
    since = timezone.now() - timedelta(hours=1)
    refused = AuditEvent.objects.filter(
        actor=user_or_none(actor), purpose=TAKE_OVER_REFUSED, occurred_at__gte=since
    ).count()
    if refused >= TAKE_OVER_ATTEMPTS_PER_HOUR:
        raise ValidationError(
            _(
                "Too many registrations not found in the last hour; try again later or ask "
                "a manager."
            )
        )
    number = registration_number.strip().upper()[:13]
    with transaction.atomic():
        person = (
            Person.objects.select_for_update()
            .filter(registration_number=number, birth_date=birth_date)
            .first()
        )
        staying = Stay.objects.filter(person=person, exited_at__isnull=True).exists()
        if person is not None and not staying:
            person.last_seen_at = site
            person.last_seen_on = timezone.localdate()
            person.save(update_fields=["last_seen_at", "last_seen_on", "updated_at"])
            taken = RegistrationTakeOver.objects.create(
                person=person, site=site, reason=reason[:300], taken_by=user_or_none(actor)
            )
            audit_record(
                actor=actor,
                action=Action.UPDATE,
                target=person,
                person_id=person.pk,
                purpose="registration taken over",
                changed_fields=["last_seen_at", "last_seen_on", f"take_over:{taken.pk}"],
            )
            return person
    # The refusal is audited (an officer trying numbers shows in the trail) and counted.
    with transaction.atomic():
        audit_record(
            actor=actor,
            action=Action.SEARCH,
            object_type="people.person",
            purpose=TAKE_OVER_REFUSED,
        )
    raise _take_over_refusal()
