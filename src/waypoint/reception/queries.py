"""Reading reception data. Every function takes the acting user; out of scope answers 404.

Figures are counted by the database (a few aggregate queries each), never by looping over
stays in Python: a centre's history runs to a million stays.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, TruncDate
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from waypoint.accounts.scoping import scope_for
from waypoint.core.lookups import one_in_scope
from waypoint.linkage.queries import canonical_person
from waypoint.people.models import HouseholdMember, Person, Sex
from waypoint.people.queries import persons_search, persons_visible_to
from waypoint.people.timeline import Kind, TimelineEntry
from waypoint.places.models import Site
from waypoint.reception.access import CENTRE_KINDS, ROLES, Work, may
from waypoint.reception.models import (
    ABSENCE_LIMIT,
    Bed,
    ExitReason,
    RollCallEntry,
    ServiceDelivery,
    Stay,
)

LONGEST_PERIOD = 366  # days in one occupancy table


# --- Centres ----------------------------------------------------------------------------------


def centres_visible_to(user: Any) -> QuerySet[Site]:
    """Centres in the user's personal-data scope, each with ``residents`` (open stays)."""
    scope = scope_for(user, ROLES[Work.READ])
    if scope.is_empty:
        return Site.objects.none()
    residents = (
        Stay.objects.filter(site=OuterRef("pk"), exited_at__isnull=True)
        .order_by()
        .values("site")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return (
        scope.sites()
        .filter(kind__in=CENTRE_KINDS)
        .annotate(residents=Coalesce(Subquery(residents, output_field=IntegerField()), 0))
        .order_by("name")
    )


def centre_for(user: Any, code: str) -> Site:
    """The centre with ``code`` if the user may read its residents; ``Http404`` otherwise."""
    site = (
        Site.objects.filter(code=str(code)[:24], kind__in=CENTRE_KINDS)
        .select_related("municipality")
        .first()
    )
    if site is None or not may(user, Work.READ, site):
        raise Http404("No such centre.")
    return site


def _require_read(user: Any, site: Site) -> None:
    if not may(user, Work.READ, site):
        raise Http404("No such centre.")


def centres_summary(user: Any) -> dict[str, Any]:
    """The centres in scope and their residents, for the landing page."""
    return {"centres": list(centres_visible_to(user)[:12])}


# --- Stays ------------------------------------------------------------------------------------


def stays_visible_to(user: Any) -> QuerySet[Stay]:
    """Every stay at a centre in the user's personal-data scope."""
    scope = scope_for(user, ROLES[Work.READ])
    if scope.is_empty:
        return Stay.objects.none()
    stays = Stay.objects.select_related("person", "site", "bed__unit")
    if scope.national:
        return stays
    return stays.filter(scope.site_filter("site"))


def stay_for(user: Any, stay_id: int) -> Stay:
    """One stay the user may see; ``Http404`` when it does not exist or is out of scope."""
    return one_in_scope(stays_visible_to(user), stay_id, "stay")


def residents(user: Any, site: Site, *, search: str = "") -> QuerySet[Stay]:
    """Open stays at ``site``, by name; ``search`` matches a registration number or a name."""
    _require_read(user, site)
    stays = Stay.objects.filter(site=site, exited_at__isnull=True).select_related(
        "person", "bed__unit"
    )
    text = search.strip()[:120]
    if text:
        stays = stays.filter(
            Q(person__registration_number=text.upper())
            | Q(person__given_name__icontains=text)
            | Q(person__family_name__icontains=text)
            | Q(person__given_name_original__icontains=text)
            | Q(person__family_name_original__icontains=text)
        )
    return stays.order_by("person__family_name", "person__given_name", "pk")


def stays_of_person(user: Any, person: Person) -> QuerySet[Stay]:
    """The stays of one person that the user may see, newest first."""
    return stays_visible_to(user).filter(person=person).order_by("-admitted_at")


def person_stays_fragment(user: Any, person: Person) -> dict[str, Any] | None:
    """Context of ``reception/fragment_person_stays.html`` on the person page; None when
    the user sees none of the person's stays."""
    stays = list(stays_of_person(user, person)[:10])
    return {"reception_stays": stays} if stays else None


def persons_to_admit(user: Any, site: Site, *, search: str = "") -> list[Person]:
    """Registrations in the user's scope that match ``search`` (an exact registration number,
    or every word of it in some name), each with ``open_stay_site``: "" with no open stay,
    the centre's name where the user may see that centre, else None (staying elsewhere).

    A registration out of scope is never found here, by name or by number: a person
    registered elsewhere is brought in by a transfer from their centre, or taken over with
    their card (``services.registration_take_over``).
    """
    if not may(user, Work.ACCOMMODATE, site):
        raise Http404("No such centre.")
    text = search.strip()[:120]
    if not text:
        return []
    visible = persons_visible_to(user)
    open_stay = Stay.objects.filter(person=OuterRef("pk"), exited_at__isnull=True)
    found: dict[int, Any] = {}  # people annotated with open_stay_site_id
    # The one search of people (names in any script or spelling, registration and document
    # numbers), as on the people list and in search before register.
    for matches in (
        visible.filter(registration_number=text.upper()),
        persons_search(user, text),
    ):
        annotated = matches.annotate(open_stay_site_id=Subquery(open_stay.values("site_id")[:1]))
        for person in annotated[:50]:
            found.setdefault(person.pk, person)
    sites = Site.objects.in_bulk(
        {p.open_stay_site_id for p in found.values() if p.open_stay_site_id}
    )
    for person in found.values():
        staying = sites.get(person.open_stay_site_id)
        person.open_stay_site = (
            "" if staying is None else staying.name if may(user, Work.READ, staying) else None
        )
    return list(found.values())


def person_to_admit(user: Any, site: Site, registration_number: str) -> Person:
    """The registration in the user's scope with this exact number, if the user may admit
    people at ``site``; ``Http404`` with one answer for a number that does not exist and one
    out of scope."""
    if not may(user, Work.ACCOMMODATE, site):
        raise Http404("No such centre.")
    number = str(registration_number).strip().upper()[:13]
    person = persons_visible_to(user).filter(registration_number=number).first()
    if person is None:
        raise Http404("No such registration in your scope.")
    return person


def absences_overdue(*, site: Site, now: datetime) -> QuerySet[Stay]:
    """Open stays at ``site`` whose resident was last seen more than 48 hours before ``now``.

    Unscoped: callers pass a centre the user may see (``absences_for`` does).
    """
    return (
        Stay.objects.filter(site=site, exited_at__isnull=True, last_seen_at__lt=now - ABSENCE_LIMIT)
        .select_related("person", "bed__unit")
        .order_by("last_seen_at", "pk")
    )


def absences_for(user: Any, site: Site, now: datetime | None = None) -> QuerySet[Stay]:
    _require_read(user, site)
    return absences_overdue(site=site, now=now or timezone.now())


def deliveries_at(user: Any, site: Site, *, day: date | None = None) -> QuerySet[ServiceDelivery]:
    """Services and items recorded at ``site`` (on ``day`` when given), newest first."""
    _require_read(user, site)
    deliveries = ServiceDelivery.objects.filter(site=site).select_related("person", "household")
    if day is not None:
        deliveries = deliveries.filter(delivered_on=day)
    return deliveries.order_by("-delivered_on", "-pk")


def deliveries_visible_to(user: Any) -> QuerySet[ServiceDelivery]:
    scope = scope_for(user, ROLES[Work.READ])
    if scope.is_empty:
        return ServiceDelivery.objects.none()
    deliveries = ServiceDelivery.objects.select_related("site", "person", "household")
    if scope.national:
        return deliveries
    return deliveries.filter(scope.site_filter("site"))


def delivery_for(user: Any, delivery_id: int) -> ServiceDelivery:
    return one_in_scope(deliveries_visible_to(user), delivery_id, "service delivery")


# --- Occupancy --------------------------------------------------------------------------------


@dataclass(frozen=True)
class DayOccupancy:
    day: date
    residents: int  # at the end of the day
    arrivals: int
    exits: int


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _events_by_day(site: Site, field_name: str, since: datetime) -> dict[date, int]:
    # Counting the time column itself (never empty in range), not the id, lets PostgreSQL
    # answer from the index alone.
    rows = (
        Stay.objects.filter(**{"site": site, f"{field_name}__gte": since})
        .annotate(day=TruncDate(field_name, tzinfo=timezone.get_current_timezone()))
        .order_by()
        .values("day")
        .annotate(count=Count(field_name))
    )
    return {row["day"]: row["count"] for row in rows}


def _occupancy(site: Site, first: date, last: date, now: datetime) -> list[DayOccupancy]:
    # Counted backwards from now: residents at the end of day d are those open now, less
    # those admitted after d, plus those who left after d. Three index range scans,
    # whatever the length of the centre's history.
    open_now = Stay.objects.filter(site=site, exited_at__isnull=True).count()
    since = _day_start(first)
    arrivals = _events_by_day(site, "admitted_at", since)
    exits = _events_by_day(site, "exited_at", since)
    today = timezone.localdate(now)
    arrived_later = sum(count for day, count in arrivals.items() if day > last)
    left_later = sum(count for day, count in exits.items() if day > last)
    rows = []
    day = min(last, today)
    while day >= first:
        rows.append(
            DayOccupancy(
                day=day,
                residents=open_now - arrived_later + left_later,
                arrivals=arrivals.get(day, 0),
                exits=exits.get(day, 0),
            )
        )
        arrived_later += arrivals.get(day, 0)
        left_later += exits.get(day, 0)
        day -= timedelta(days=1)
    rows.reverse()
    return rows


def occupancy_by_day(user: Any, site: Site, first: date, last: date) -> list[DayOccupancy]:
    """Residents at the end of each day from ``first`` to ``last`` (at most 366 days, not
    past today), with that day's arrivals and exits."""
    _require_read(user, site)
    first = max(first, last - timedelta(days=LONGEST_PERIOD - 1))
    if first > last:
        return []
    return _occupancy(site, first, last, timezone.now())


def occupancy_on(user: Any, site: Site, day: date) -> int:
    """How many people stayed at ``site`` at the end of ``day`` (0 for a future day)."""
    rows = occupancy_by_day(user, site, day, day)
    return rows[0].residents if rows else 0


# --- The centre dashboard ---------------------------------------------------------------------

AGE_GROUPS = (("0-4", 0), ("5-11", 5), ("12-17", 12), ("18-59", 18), ("60+", 60))

# Apps to the right of reception (protection) add counts of vulnerable residents here, from
# their AppConfig.ready: each gets the centre and its residents and returns (label, count).
VulnerabilityCounter = Callable[[Site, QuerySet[Person]], list[tuple[str, int]]]
_vulnerability_counters: list[VulnerabilityCounter] = []


def register_vulnerability_counter(counter: VulnerabilityCounter) -> None:
    if counter not in _vulnerability_counters:
        _vulnerability_counters.append(counter)


def unique_people(*stay_sets: QuerySet[Stay]) -> int:
    """How many different individuals the stays in ``stay_sets`` belong to, all sets together.

    Registrations that linkage put in one identity group count once. Several sets are
    combined with UNION, which each database answers from its own index, where one query
    with OR would read a centre's whole history.
    """
    people = [stays.order_by().values(key=canonical_person("person__")) for stays in stay_sets]
    if len(people) == 1:
        return people[0].distinct().count()
    return people[0].union(*people[1:]).count()


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


@dataclass(frozen=True)
class CentreDashboard:
    site: Site
    today: date
    residents: int
    by_sex: list[tuple[str, int]]
    by_age: list[tuple[str, int]]
    by_nationality: list[tuple[str, int]]
    capacity: int | None
    beds: int
    beds_occupied: int
    beds_free: int
    without_bed: int
    arrivals_7: int
    arrivals_30: int
    exits_7: int
    exits_30: int
    exits_by_reason_30: list[tuple[str, int]]
    unaccompanied_children: int
    absent_over_48h: int
    unique_people_now: int
    unique_people_30: int
    vulnerable: list[tuple[str, int]] = field(default_factory=list)

    @property
    def occupancy_percent(self) -> int | None:
        if not self.capacity:
            return None
        return round(100 * self.residents / self.capacity)


def _resident_figures(open_stays: QuerySet[Stay], today: date, now: datetime) -> dict[str, int]:
    counts: dict[str, Any] = {
        "total": Count("pk"),
        "sex_M": Count("pk", filter=Q(person__sex=Sex.MALE)),
        "sex_F": Count("pk", filter=Q(person__sex=Sex.FEMALE)),
        "sex_U": Count("pk", filter=~Q(person__sex__in=[Sex.MALE, Sex.FEMALE])),
        "age_unknown": Count("pk", filter=Q(person__birth_date__isnull=True)),
        "unaccompanied": Count("pk", filter=Q(person__unaccompanied=True)),
        "absent": Count("pk", filter=Q(last_seen_at__lt=now - ABSENCE_LIMIT)),
        "in_bed": Count("pk", filter=Q(bed__isnull=False)),
        "in_active_bed": Count("pk", filter=Q(bed__active=True)),
    }
    bounds = [*(years for _label, years in AGE_GROUPS[1:]), None]
    for (label, lower), upper in zip(AGE_GROUPS, bounds, strict=True):
        condition = Q(person__birth_date__lte=_years_before(today, lower))
        if upper is not None:
            condition &= Q(person__birth_date__gt=_years_before(today, upper))
        counts[f"age_{label}"] = Count("pk", filter=condition)
    return open_stays.aggregate(**counts)


def centre_dashboard(
    user: Any, site: Site, today: date | None = None, *, now: datetime | None = None
) -> CentreDashboard:
    """The figures of one centre: residents by sex, age group and nationality; beds against
    capacity; arrivals and exits over 7 and 30 days; vulnerable and absent residents; unique
    people. About eight aggregate queries, each served by an index."""
    _require_read(user, site)
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    open_stays = Stay.objects.filter(site=site, exited_at__isnull=True)
    figures = _resident_figures(open_stays, today, now)
    nationalities = (
        open_stays.order_by()
        .values("person__nationality")
        .annotate(count=Count("pk"))
        .order_by("-count", "person__nationality")
    )
    beds_total = Bed.objects.filter(unit__site=site, active=True).count()
    since_7, since_30 = now - timedelta(days=7), now - timedelta(days=30)
    arrivals = Stay.objects.filter(
        site=site, admitted_at__gte=since_30, admitted_at__lte=now
    ).aggregate(
        days_30=Count("admitted_at"),
        days_7=Count("admitted_at", filter=Q(admitted_at__gte=since_7)),
    )
    exits = list(
        Stay.objects.filter(site=site, exited_at__gte=since_30, exited_at__lte=now)
        .order_by()
        .values("exit_reason")
        .annotate(
            days_30=Count("exited_at"), days_7=Count("exited_at", filter=Q(exited_at__gte=since_7))
        )
    )
    left_in_30 = Stay.objects.filter(site=site, exited_at__gte=since_30)
    residents_people = Person.objects.filter(pk__in=open_stays.values("person_id"))
    vulnerable = [(str(_("unaccompanied children")), figures["unaccompanied"])]
    for counter in _vulnerability_counters:
        vulnerable.extend(counter(site, residents_people))
    reasons = dict(ExitReason.choices)
    sex_labels = dict(Sex.choices)
    return CentreDashboard(
        site=site,
        today=today,
        residents=figures["total"],
        by_sex=[(str(sex_labels[code]), figures[f"sex_{code}"]) for code in ("F", "M", "U")],
        by_age=[
            *((label, figures[f"age_{label}"]) for label, _lower in AGE_GROUPS),
            ("?", figures["age_unknown"]),
        ],
        by_nationality=[(row["person__nationality"] or "?", row["count"]) for row in nationalities],
        capacity=site.capacity,
        beds=beds_total,
        beds_occupied=figures["in_active_bed"],
        beds_free=max(beds_total - figures["in_active_bed"], 0),
        without_bed=figures["total"] - figures["in_bed"],
        arrivals_7=arrivals["days_7"],
        arrivals_30=arrivals["days_30"],
        exits_7=sum(row["days_7"] for row in exits),
        exits_30=sum(row["days_30"] for row in exits),
        exits_by_reason_30=sorted(
            (
                (str(reasons.get(row["exit_reason"], row["exit_reason"])), row["days_30"])
                for row in exits
            ),
            key=lambda pair: -pair[1],
        ),
        unaccompanied_children=figures["unaccompanied"],
        absent_over_48h=figures["absent"],
        unique_people_now=unique_people(open_stays),
        unique_people_30=unique_people(open_stays, left_in_30),
        vulnerable=vulnerable,
    )


# --- The person's timeline (registered into people.timeline) ----------------------------------


def timeline_stays_and_services(user: Any, persons: Sequence[Person]) -> list[TimelineEntry]:
    """Timeline source "stays and services" (reception): admissions, transfers, exits,
    absences at roll-calls and the services and items given to ``persons`` (or to their
    households), at the centres in the user's reading scope. Service notes (which may carry
    health details) are never shown."""
    ids = [person.pk for person in persons]
    numbers = {person.pk: person.registration_number for person in persons}
    entries: list[TimelineEntry] = []
    stays = list(
        stays_visible_to(user)
        .filter(person__in=ids)
        .select_related("transferred_from__site", "transferred_to__site")
        .order_by("admitted_at", "pk")  # a transfer's exit comes before the next admission
    )
    for stay in stays:
        common = {
            "where": stay.site.name,
            "source": _("Reception · stay %(id)s") % {"id": stay.pk},
            "url": stay.get_absolute_url(),
            "registration": numbers[stay.person_id],
        }
        if stay.transferred_from is not None:
            title = _("Transferred in from %(site)s") % {"site": stay.transferred_from.site.name}
        else:
            title = _("Admitted")
        bed = str(stay.bed) if stay.bed is not None else ""
        entries.append(TimelineEntry(stay.admitted_at, Kind.STAY, title, bed, **common))
        if stay.exited_at is None:
            continue
        following = getattr(stay, "transferred_to", None)
        if stay.exit_reason == ExitReason.TRANSFER and following is not None:
            title = _("Transferred to %(site)s") % {"site": following.site.name}
        else:
            title = _("Exit: %(reason)s") % {"reason": ExitReason(stay.exit_reason).label}
        entries.append(TimelineEntry(stay.exited_at, Kind.STAY, title, **common))
    absences = RollCallEntry.objects.filter(
        stay__in=[stay.pk for stay in stays], present=False
    ).select_related("roll_call__site", "stay")
    for absence in absences:
        entries.append(
            TimelineEntry(
                absence.roll_call.taken_at,
                Kind.STAY,
                _("Absent at the roll-call"),
                where=absence.roll_call.site.name,
                source=_("Reception · roll-call %(id)s") % {"id": absence.roll_call_id},
                url=absence.stay.get_absolute_url(),
                registration=numbers[absence.stay.person_id],
            )
        )
    households = dict(
        HouseholdMember.objects.filter(person__in=ids).values_list("household_id", "person_id")
    )
    deliveries = deliveries_visible_to(user).filter(
        Q(person__in=ids) | Q(household__in=list(households))
    )
    for delivery in deliveries.defer("note"):
        owner = delivery.person_id or households[delivery.household_id]  # type: ignore[index]
        detail = [_("for the household")] if delivery.household_id else []
        if delivery.quantity > 1:
            detail.append(_("quantity %(quantity)s") % {"quantity": delivery.quantity})
        entries.append(
            TimelineEntry(
                delivery.delivered_on,
                Kind.SERVICE,
                str(delivery.get_kind_display()),
                ", ".join(detail),
                where=delivery.site.name,
                source=_("Reception · service %(id)s") % {"id": delivery.pk},
                registration=numbers[owner],
            )
        )
    return entries
