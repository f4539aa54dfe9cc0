"""The counts behind the published tables, computed by the database: only counts leave.

Each function returns plain rows for the pure builders in ``tables``. Registrations that
identity review grouped count once (``linkage.queries.canonical_person``). These functions
take no user: callers check ``access`` first and pass only what the tables need.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Case, CharField, Count, Q, Sum, Value, When
from django.utils import timezone

from waypoint.linkage.queries import canonical_person
from waypoint.places.models import Site
from waypoint.presence.models import FlowCount
from waypoint.protection.models import Screening
from waypoint.reception.access import CENTRE_KINDS
from waypoint.reception.models import ExitReason, Stay
from waypoint.returns.models import Case as ReturnCase

# National age bands (DTM's), youngest first; centres publish only 0–17 and 18+.
AGE_BANDS = ((0, 4), (5, 11), (12, 17), (18, 24), (25, 34), (35, 44), (45, 59), (60, None))


def band_label(band: tuple[int, int | None]) -> str:
    low, high = band
    return f"{low}–{high}" if high is not None else f"{low}+"


def _end_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def month_bounds(month: date) -> tuple[date, date]:
    """The first and last day of the month that ``month`` falls in."""
    first = month.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following - timedelta(days=1)


def _open_on(day: date):  # type: ignore[no-untyped-def]
    end = _end_of(day)
    return Stay.objects.filter(admitted_at__lt=end).filter(
        Q(exited_at__isnull=True) | Q(exited_at__gte=end)
    )


def _band_case(day: date) -> Case:
    whens = []
    for band in AGE_BANDS:
        low, high = band
        condition = Q(person__birth_date__lte=_years_before(day, low))
        if high is not None:
            condition &= Q(person__birth_date__gt=_years_before(day, high + 1))
        whens.append(When(condition, then=Value(band_label(band))))
    return Case(*whens, default=Value("unknown"), output_field=CharField())


@dataclass(frozen=True)
class CentreRow:
    """People in one centre at the end of a day with one sex, age band and nationality."""

    site_code: str
    site_name: str
    municipality_code: str
    sex: str  # M, F or unknown
    band: str  # an AGE_BANDS label or "unknown" (no or impossible date of birth)
    nationality: str
    count: int

    @property
    def group(self) -> str:
        """men, women, boys, girls or unknown: the groups DTM publishes."""
        if self.sex not in ("M", "F") or self.band == "unknown":
            return "unknown"
        adult = int(self.band.split("–")[0].rstrip("+")) >= ADULT_AGE
        return {("M", True): "men", ("F", True): "women", ("M", False): "boys"}.get(
            (self.sex, adult), "girls"
        )


ADULT_AGE = 18


def people_in_centres(day: date) -> list[CentreRow]:
    """People in centres at the end of ``day`` at the finest level any table publishes.

    Every published table of a round is a sum of these rows, so figures that two tables
    share (a centre's people, boys in centres, ...) are the same number in both: linked
    tables can then be protected together. Registrations that identity review grouped
    count once within a row.
    """
    rows = (
        _open_on(day)
        .annotate(band=_band_case(day))
        .order_by()
        .values(
            "site__code",
            "site__name",
            "site__municipality__code",
            "person__sex",
            "band",
            "person__nationality",
        )
        .annotate(count=Count(canonical_person("person__"), distinct=True))
    )
    return [
        CentreRow(
            row["site__code"],
            row["site__name"],
            row["site__municipality__code"],
            row["person__sex"] if row["person__sex"] in ("M", "F") else "unknown",
            row["band"],
            row["person__nationality"],
            row["count"],
        )
        for row in rows
    ]


@dataclass(frozen=True)
class CentreInfo:
    code: str
    name: str
    municipality_code: str
    capacity: int | None


def centres() -> list[CentreInfo]:
    return [
        CentreInfo(*row)
        for row in Site.objects.filter(kind__in=CENTRE_KINDS)
        .order_by("code")
        .values_list("code", "name", "municipality__code", "capacity")
    ]


def movements_in(month: date) -> dict[str, dict[str, int]]:
    """Per centre code: arrivals (admissions other than transfers in), transfers in, and
    exits (other than transfers out) during the month."""
    first, last = month_bounds(month)
    start, end = _end_of(first - timedelta(days=1)), _end_of(last)
    result: dict[str, dict[str, int]] = defaultdict(
        lambda: {"arrivals": 0, "transfers": 0, "exits": 0}
    )
    # Naming the centres lets PostgreSQL use the stay indexes, which all start with the
    # site (it cannot skip-scan): 60 ms -> 11 ms per query at a million stays.
    sites = list(Site.objects.filter(kind__in=CENTRE_KINDS).values_list("pk", flat=True))
    admitted = (
        Stay.objects.filter(site_id__in=sites, admitted_at__gte=start, admitted_at__lt=end)
        .order_by()
        .values("site__code")
        .annotate(
            arrivals=Count("pk", filter=Q(transferred_from__isnull=True)),
            transfers=Count("pk", filter=Q(transferred_from__isnull=False)),
        )
    )
    for row in admitted:
        result[row["site__code"]]["arrivals"] = row["arrivals"]
        result[row["site__code"]]["transfers"] = row["transfers"]
    exited = (
        Stay.objects.filter(site_id__in=sites, exited_at__gte=start, exited_at__lt=end)
        .exclude(exit_reason=ExitReason.TRANSFER)
        .order_by()
        .values("site__code")
        .annotate(exits=Count("pk"))
    )
    for exit_row in exited:
        result[exit_row["site__code"]]["exits"] = exit_row["exits"]
    return dict(result)


def occupancy_on(day: date) -> dict[str, int]:
    """People in each centre at the end of ``day`` (unique people), by centre code."""
    rows = (
        _open_on(day)
        .order_by()
        .values("site__code")
        .annotate(count=Count(canonical_person("person__"), distinct=True))
    )
    return {row["site__code"]: row["count"] for row in rows}


def returns_in(first: date, last: date) -> dict[str, dict[str, int]]:
    """Per country of return: people in AVRR applications made, and people departed, in
    the period (case members, principal included)."""
    result: dict[str, dict[str, int]] = defaultdict(lambda: {"applications": 0, "departures": 0})
    applied = (
        ReturnCase.objects.filter(created_at__gte=_end_of(first - timedelta(days=1)))
        .filter(created_at__lt=_end_of(last))
        .order_by()
        .values("return_country")
        .annotate(people=Count("members"))
    )
    for row in applied:
        result[row["return_country"]]["applications"] = row["people"]
    departed = (
        ReturnCase.objects.filter(departed_on__gte=first, departed_on__lte=last)
        .order_by()
        .values("return_country")
        .annotate(people=Count("members"))
    )
    for row in departed:
        result[row["return_country"]]["departures"] = row["people"]
    return dict(result)


def flow_in(month: date) -> dict[str, dict[str, int]]:
    """Per flow point code: people counted arriving, leaving and moving within BiH."""
    first, last = month_bounds(month)
    people = Sum("men") + Sum("women") + Sum("boys") + Sum("girls")
    rows = (
        FlowCount.objects.filter(
            counted_at__gte=_end_of(first - timedelta(days=1)), counted_at__lt=_end_of(last)
        )
        .order_by()
        .values("point__site__code", "direction")
        .annotate(people=people)
    )
    result: dict[str, dict[str, int]] = defaultdict(dict)
    for row in rows:
        direction = row["direction"] or "unknown"
        point = result[row["point__site__code"]]
        point[direction] = point.get(direction, 0) + (row["people"] or 0)
    return dict(result)


def flow_point_names() -> dict[str, str]:
    return dict(
        Site.objects.filter(flow_point__isnull=False).values_list("code", "name").order_by()
    )


def vulnerabilities_in(month: date) -> dict[str, int]:
    """People screened in the month by vulnerability category flagged (one person may be in
    several categories; each person counts once per category)."""
    first, last = month_bounds(month)
    seen: dict[str, set[int]] = defaultdict(set)
    screenings = Screening.objects.filter(
        screened_at__gte=_end_of(first - timedelta(days=1)), screened_at__lt=_end_of(last)
    ).values_list("person_id", "flags")
    for person_id, flags in screenings.iterator():
        for flag in flags or []:
            seen[str(flag)].add(person_id)
    return {category: len(people) for category, people in seen.items()}
