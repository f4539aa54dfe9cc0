"""Reading protection records. Every function takes the acting user.

Details (answers, notes, categories, referrals, incidents, outreach) are for protection
officers and administrators, and only for people and sites their protection assignments
cover: anything else answers 404. Other personal-data roles learn one fact per person they
may see, whether protection follow-up is needed (``protection_flag_for``). Opening a
screening, a referral, an incident or a person's protection page records ``VIEW_PROTECTION``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from waypoint.accounts.scoping import Scope, scope_for
from waypoint.audit.models import Action
from waypoint.audit.services import audit_list_read, audit_record
from waypoint.core.lookups import one_in_scope
from waypoint.people.models import Guardian, HouseholdMember, Person
from waypoint.people.queries import persons_visible_to
from waypoint.people.timeline import Kind, TimelineEntry
from waypoint.places.models import Area, AreaLevel, Site
from waypoint.protection import access
from waypoint.protection.access import Work
from waypoint.protection.models import (
    Incident,
    OutreachContact,
    Referral,
    ReferralStatus,
    Screening,
)

OPEN_REFERRAL = [ReferralStatus.PROPOSED, ReferralStatus.ACCEPTED]


def protection_scope(user: Any) -> Scope:
    """Where the user's protection roles apply (empty for every other role)."""
    return scope_for(user, access.ROLES[Work.READ])


def _person_site_filter(scope: Scope, prefix: str = "") -> Q:
    # Never combine a national scope's empty Q with another: ``Q() | Q(x)`` is just ``Q(x)``.
    if scope.national:
        return Q()
    return scope.site_filter(f"{prefix}registered_at") | scope.site_filter(f"{prefix}last_seen_at")


def persons_for_protection(user: Any) -> QuerySet[Person]:
    """People the user may read protection details of: registered at, or last seen at, a site
    their protection roles cover."""
    scope = protection_scope(user)
    if scope.is_empty:
        return Person.objects.none()
    return persons_visible_to(user).filter(_person_site_filter(scope))


def person_for_protection(user: Any, person_id: int) -> Person:
    """One person in the user's protection scope; ``Http404`` otherwise."""
    return one_in_scope(persons_for_protection(user), person_id, "person")


def person_by_number(user: Any, registration_number: str) -> Person | None:
    """The person in protection scope with this registration number, or None."""
    return persons_for_protection(user).filter(registration_number=registration_number).first()


def person_protection_view(user: Any, person_id: int) -> dict[str, Any]:
    """A person's protection page: screenings, referrals, guardian and the follow-up flag.

    Records that the user opened the person's protection record.
    """
    person = person_for_protection(user, person_id)
    audit_record(
        actor=user,
        action=Action.VIEW_PROTECTION,
        target=person,
        person_id=person.pk,
        purpose="protection record",
    )
    return {
        "person": person,
        "guardian": Guardian.objects.filter(child=person).first(),
        "screenings": list(person.screenings.select_related("site", "screened_by")),
        "referrals": list(person.protection_referrals.select_related("site")),
        "follow_up": follow_up_needed(person),
    }


# --- The one fact others may see -------------------------------------------------------


def _latest_screening_follow_up() -> Subquery:
    latest = Screening.objects.filter(person=OuterRef("pk")).order_by("-screened_at", "-id")
    return Subquery(latest.values("follow_up")[:1])


# Ages at which registration alone says a person may need protection: a child (under 18)
# with no guardian and no household, and an older person (60 and over, as UNHCR counts
# older persons at risk) with no household.
CHILD_UNDER = 18
OLDER_FROM = 60


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _needs_follow_up(people: QuerySet[Person]) -> QuerySet[Person]:
    """People who need follow-up, with why (``follow_up_reasons`` reads the annotations).

    From what registration already knows, until a screening says otherwise: an
    unaccompanied child (always, whatever a screening says: a best-interests procedure
    follows them), a child with no guardian and no household, an older person with no
    household. From protection's own work: the latest screening raised a need, or a
    referral is open.
    """
    today = timezone.localdate()
    open_referrals = Referral.objects.filter(person=OuterRef("pk"), status__in=OPEN_REFERRAL)
    never_screened = Q(latest_follow_up__isnull=True)
    child_alone = Q(
        birth_date__gt=_years_before(today, CHILD_UNDER), has_guardian=False, in_household=False
    )
    older_alone = Q(birth_date__lte=_years_before(today, OLDER_FROM), in_household=False)
    return people.annotate(
        latest_follow_up=_latest_screening_follow_up(),
        open_referral=Exists(open_referrals),
        has_guardian=Exists(Guardian.objects.filter(child=OuterRef("pk"))),
        in_household=Exists(HouseholdMember.objects.filter(person=OuterRef("pk"))),
    ).filter(
        Q(latest_follow_up=True)
        | Q(open_referral=True)
        | Q(unaccompanied=True)
        | (never_screened & (child_alone | older_alone))
    )


def follow_up_reasons(person: Person) -> list[str]:
    """Why ``person`` (a row of ``persons_flagged``) is on the follow-up list, in words."""
    today = timezone.localdate()
    reasons = []
    if person.unaccompanied:
        reasons.append(_("unaccompanied child"))
    born = person.birth_date
    alone = not getattr(person, "in_household", True)
    if getattr(person, "latest_follow_up", None) is None and born is not None and alone:
        if born > _years_before(today, CHILD_UNDER) and not getattr(person, "has_guardian", True):
            if not person.unaccompanied:
                reasons.append(_("child without a guardian or family"))
        elif born <= _years_before(today, OLDER_FROM):
            reasons.append(_("older person alone"))
    if getattr(person, "latest_follow_up", None):
        reasons.append(_("needs found at screening"))
    if getattr(person, "open_referral", False):
        reasons.append(_("open referral"))
    return [str(reason) for reason in reasons]


def follow_up_needed(person: Person) -> bool:
    """True when the person needs follow-up (see ``_needs_follow_up``)."""
    return _needs_follow_up(Person.objects.filter(pk=person.pk)).exists()


def protection_flag_for(user: Any, person: Person | int) -> bool:
    """Whether ``person`` needs protection follow-up, for anyone who may see the person.

    Reveals nothing else; False when the person is out of the user's scope.
    """
    person_id = person.pk if isinstance(person, Person) else person
    visible = persons_visible_to(user).filter(pk=person_id)
    return _needs_follow_up(visible).exists()


def protection_flag_fragment(user: Any, person: Person) -> dict[str, Any] | None:
    """Context of ``protection/partials/flag.html`` on another app's person page, or None."""
    if not persons_visible_to(user).filter(pk=person.pk).exists():
        return None
    in_protection = persons_for_protection(user).filter(pk=person.pk).exists()
    return {
        "protection_follow_up": protection_flag_for(user, person),
        "protection_person_id": person.pk if in_protection else None,
    }


def residents_needing_follow_up(site: Any, residents: QuerySet[Person]) -> list[tuple[str, int]]:
    """For the centre dashboard: how many residents need protection follow-up (a count only)."""
    return [(str(_("protection follow-up needed")), _needs_follow_up(residents).count())]


def persons_flagged(user: Any) -> QuerySet[Person]:
    """People in the user's protection scope who need follow-up."""
    return _needs_follow_up(persons_for_protection(user)).order_by("family_name", "given_name")


# --- Screenings ----------------------------------------------------------------------------


def screenings_visible_to(user: Any) -> QuerySet[Screening]:
    """Screenings of people in the user's protection scope, newest first."""
    return Screening.objects.filter(person__in=persons_for_protection(user)).select_related(
        "person", "site", "screened_by"
    )


def screening_for(user: Any, screening_id: int) -> Screening:
    """One screening with its details; ``Http404`` for anyone outside protection scope."""
    return one_in_scope(screenings_visible_to(user), screening_id, "screening")


def screenings_viewed(user: Any, screenings: Iterable[Screening]) -> None:
    """Record that the user saw each of ``screenings`` (one event each)."""
    for screening in screenings:
        audit_record(
            actor=user,
            action=Action.VIEW_PROTECTION,
            target=screening,
            person_id=screening.person_id,
        )


def screening_view(user: Any, screening_id: int) -> Screening:
    """``screening_for`` that records the view."""
    screening = screening_for(user, screening_id)
    screenings_viewed(user, [screening])
    return screening


# --- Referrals -----------------------------------------------------------------------------


def referrals_visible_to(user: Any) -> QuerySet[Referral]:
    return Referral.objects.filter(person__in=persons_for_protection(user)).select_related(
        "person", "site", "created_by"
    )


def open_referrals(user: Any) -> QuerySet[Referral]:
    return referrals_visible_to(user).filter(status__in=OPEN_REFERRAL)


def referral_for(user: Any, referral_id: int) -> Referral:
    return one_in_scope(referrals_visible_to(user), referral_id, "referral")


def referral_view(user: Any, referral_id: int) -> Referral:
    """``referral_for`` that records the view."""
    referral = referral_for(user, referral_id)
    audit_record(
        actor=user, action=Action.VIEW_PROTECTION, target=referral, person_id=referral.person_id
    )
    return referral


# --- Incidents -----------------------------------------------------------------------------


def incidents_visible_to(user: Any) -> QuerySet[Incident]:
    """Incidents at sites the user's protection roles cover (list columns only: no narrative)."""
    scope = protection_scope(user)
    if scope.is_empty:
        return Incident.objects.none()
    return (
        Incident.objects.filter(scope.site_filter("site"))
        .select_related("site", "person")
        .defer("narrative_token")
    )


def incident_for(user: Any, incident_id: int) -> Incident:
    scope = protection_scope(user)
    incidents = Incident.objects.select_related("site", "person", "recorded_by")
    in_scope = incidents.none() if scope.is_empty else incidents.filter(scope.site_filter("site"))
    return one_in_scope(in_scope, incident_id, "incident")


def incident_view(user: Any, incident_id: int) -> Incident:
    """``incident_for`` that records the view (the narrative is shown)."""
    incident = incident_for(user, incident_id)
    audit_record(
        actor=user, action=Action.VIEW_PROTECTION, target=incident, person_id=incident.person_id
    )
    return incident


def sites_for_protection(user: Any) -> QuerySet[Site]:
    """Sites where the user may record incidents."""
    scope = protection_scope(user)
    if scope.is_empty:
        return Site.objects.none()
    return scope.sites().order_by("name")


# --- Outreach ------------------------------------------------------------------------------


def _outreach_filter(user: Any, scope: Scope) -> Q:
    # Outreach happens outside sites: it is in scope through its municipality (inside an
    # assigned area, or the municipality of an assigned site), or because the user recorded it.
    condition = Q(recorded_by=user) | Q(municipality__sites__pk__in=sorted(scope.site_ids))
    for path in sorted(scope.area_paths):
        condition |= Q(municipality__path=path) | Q(municipality__path__startswith=path + "/")
    return condition


def outreach_visible_to(user: Any) -> QuerySet[OutreachContact]:
    scope = protection_scope(user)
    if scope.is_empty:
        return OutreachContact.objects.none()
    contacts = OutreachContact.objects.select_related("municipality", "person")
    if scope.national:
        return contacts
    return contacts.filter(_outreach_filter(user, scope)).distinct()


def municipalities() -> QuerySet[Area]:
    return Area.objects.filter(level=AreaLevel.MUNICIPALITY).order_by("name")


# --- Landing page --------------------------------------------------------------------------


def protection_panel(user: Any) -> dict[str, Any]:
    """Open referrals and people needing follow-up in the user's scope (five of each).

    The panel is where these rows are shown, so it records them as read: one
    ``READ_LIST`` event for the people and one for the referrals.
    """
    referrals = open_referrals(user)
    flagged = persons_flagged(user)
    shown_referrals, shown_flagged = list(referrals[:5]), list(flagged[:5])
    audit_list_read(
        actor=user,
        object_type="people.person",
        ids=[person.pk for person in shown_flagged],
        purpose="landing page: protection follow-up",
    )
    audit_list_read(
        actor=user,
        object_type="protection.referral",
        ids=[referral.pk for referral in shown_referrals],
        purpose="landing page: open referrals",
    )
    return {
        "open_referral_count": referrals.count(),
        "open_referrals": shown_referrals,
        "flagged_count": flagged.count(),
        "flagged": shown_flagged,
    }


# --- The person's timeline (registered into people.timeline) ------------------------------


def timeline_protection(user: Any, persons: Sequence[Person]) -> list[TimelineEntry]:
    """Timeline source "protection": screenings and referrals of ``persons``, for protection
    officers and administrators whose protection scope covers the person (categories found,
    whom the referral went to and its status; never notes or answers). Every other role gets
    nothing here: the one fact it may learn, whether follow-up is needed, is the flag on the
    person page (``protection_flag_for``). Records ``VIEW_PROTECTION`` for each person whose
    protection entries were shown."""
    ids = [person.pk for person in persons]
    numbers = {person.pk: person.registration_number for person in persons}
    covered = list(persons_for_protection(user).filter(pk__in=ids).values_list("pk", flat=True))
    if not covered:
        return []
    entries: list[TimelineEntry] = []
    for screening in Screening.objects.filter(person__in=covered).select_related("site"):
        if screening.flags:
            detail = ", ".join(screening.flag_labels())
        else:
            detail = _("No vulnerability found")
        entries.append(
            TimelineEntry(
                screening.screened_at,
                Kind.PROTECTION,
                _("Vulnerability screening"),
                detail,
                where=screening.site.name,
                source=_("Protection · screening %(id)s") % {"id": screening.pk},
                url=screening.get_absolute_url(),
                registration=numbers[screening.person_id],
            )
        )
    for referral in Referral.objects.filter(person__in=covered).select_related("site"):
        entries.append(
            TimelineEntry(
                referral.created_at,
                Kind.PROTECTION,
                _("Referral to %(recipient)s") % {"recipient": referral.get_recipient_display()},
                str(referral.get_status_display()),
                where=referral.site.name,
                source=_("Protection · referral %(id)s") % {"id": referral.pk},
                url=referral.get_absolute_url(),
                registration=numbers[referral.person_id],
            )
        )
    shown = {entry.registration for entry in entries}
    for person in persons:
        if person.registration_number in shown:
            audit_record(
                actor=user,
                action=Action.VIEW_PROTECTION,
                target=person,
                person_id=person.pk,
                purpose="person timeline",
            )
    return entries
