"""Reads of presence monitoring, always given the acting user.

Presence data are aggregate counts. The one read of personal records, ``trc_presence_on``,
counts reception stays inside the database and returns only counts per centre, sex and
age group, and nationality: no person leaves it.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Case, CharField, Count, F, Q, QuerySet, Sum, Value, When
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from waypoint.linkage.queries import canonical_person
from waypoint.places.models import Area, AreaLevel
from waypoint.presence import access
from waypoint.presence.figures import (
    AreaInfo,
    CentreCount,
    LocationCount,
    RoundFigures,
    round_figures,
)
from waypoint.presence.models import (
    FlowCount,
    FlowPoint,
    FlowSurvey,
    Location,
    Observation,
    Round,
    RoundStatus,
)
from waypoint.reception.models import Stay


def rounds_visible_to(user: Any) -> QuerySet[Round]:
    """Every round for enumerators, analysts and administrators; published ones for partners."""
    if access.may_see_unpublished(user):
        return Round.objects.all()
    if access.may_read(user):
        return Round.objects.filter(status=RoundStatus.PUBLISHED)
    return Round.objects.none()


def round_for(user: Any, number: int) -> Round:
    found = rounds_visible_to(user).filter(number=number).first()
    if found is None:
        raise Http404(_("No round with this number."))
    return found


def previous_round(round: Round) -> Round | None:
    """The latest published round before this one: the one figures are compared with."""
    return (
        Round.objects.filter(number__lt=round.number, status=RoundStatus.PUBLISHED)
        .order_by("-number")
        .first()
    )


def _code_or_404(code: str) -> str:
    # PostgreSQL refuses NUL in text; such a code can match nothing anyway.
    if "\x00" in code:
        raise Http404
    return code


def observation_for(user: Any, round: Round, location_code: str) -> Observation:
    if not access.may_review(user):
        raise Http404
    _code_or_404(location_code)
    found = round.observations.select_related("location", "round").filter(
        location__code=location_code
    )
    observation = found.first()
    if observation is None:
        raise Http404(_("No observation of this location in this round."))
    return observation


def locations_visible_to(user: Any) -> QuerySet[Location]:
    if not access.may_see_unpublished(user):
        return Location.objects.none()
    return Location.objects.select_related("municipality", "merged_into")


def locations_for_entry(user: Any) -> list[Location]:
    """Active locations the user may enter observations for (an enumerator's area, or all)."""
    if not access.may_enter(user):
        return []
    active = Location.objects.select_related("municipality").filter(
        active_until__isnull=True, merged_into__isnull=True
    )
    areas = access.entry_areas(user)
    return [location for location in active if access.within(areas, location.municipality)]


def locations_csv(user: Any) -> tuple[str, bytes]:
    """``locations.csv`` for the user's phone: the active locations of their area, for the
    location assessment's ``select_one_from_file`` (``name``: the code, ``label``: name and
    municipality) and ``pulldata()`` of the municipality and coordinates, so the phone
    picks and checks the place offline."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["name", "label", "municipality", "latitude", "longitude"])
    for location in sorted(locations_for_entry(user), key=lambda place: place.code):
        writer.writerow(
            [
                location.code,
                f"{location.name} ({location.municipality.name})",
                location.municipality.name,
                location.latitude,
                location.longitude,
            ]
        )
    return "text/csv", buffer.getvalue().encode("utf-8")


def location_for(user: Any, code: str) -> Location:
    _code_or_404(code)
    found = locations_visible_to(user).filter(code=code).first()
    if found is None:
        raise Http404(_("No location has this code."))
    return found


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def trc_presence_on(day: date) -> list[CentreCount]:
    """People in each centre at the end of ``day`` by sex/age group and nationality.

    Computed by the database from open stays: only counts come back. Registrations that
    identity review grouped count once (``linkage.queries.canonical_person``).
    """
    end = timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))
    adult_born_by = _years_before(day, 18)
    group = Case(
        When(Q(person__sex="M") & Q(person__birth_date__lte=adult_born_by), then=Value("men")),
        When(Q(person__sex="F") & Q(person__birth_date__lte=adult_born_by), then=Value("women")),
        When(Q(person__sex="M") & Q(person__birth_date__gt=adult_born_by), then=Value("boys")),
        When(Q(person__sex="F") & Q(person__birth_date__gt=adult_born_by), then=Value("girls")),
        default=Value("unknown"),
        output_field=CharField(),
    )
    rows = (
        Stay.objects.filter(admitted_at__lt=end)
        .filter(Q(exited_at__isnull=True) | Q(exited_at__gte=end))
        .annotate(group=group)
        .order_by()
        .values(
            "site__code", "site__name", "site__municipality__code", "group", "person__nationality"
        )
        .annotate(count=Count(canonical_person("person__"), distinct=True))
    )
    return [
        CentreCount(
            row["site__code"],
            row["site__name"],
            row["site__municipality__code"],
            row["group"],
            row["person__nationality"],
            row["count"],
        )
        for row in rows
    ]


def location_counts(round: Round) -> list[LocationCount]:
    rows = round.observations.order_by("location__code").values_list(
        "location__code",
        "location__name",
        "location__municipality__code",
        "migrants_observed",
        "not_in_trc",
        "adult_men",
        "adult_women",
        "boys",
        "girls",
        "nationalities",
    )
    return [LocationCount(*row) for row in rows]


def area_infos() -> dict[str, AreaInfo]:
    """Every municipality with its entity and canton codes; names of all areas by code."""
    infos = {}
    for code, name, path in Area.objects.values_list("code", "name", "path"):
        parts = path.split("/")
        infos[code] = AreaInfo(
            code=code,
            name=name,
            entity_code=parts[1] if len(parts) > 1 else "",
            canton_code=parts[2] if len(parts) > 3 else "",
        )
    return infos


@dataclass
class RoundReport:
    round: Round
    figures: RoundFigures
    previous: Round | None
    previous_figures: RoundFigures | None
    areas: dict[str, AreaInfo]


def round_report(
    user: Any,
    round: Round,
    *,
    areas: dict[str, AreaInfo] | None = None,
    computed: dict[int, RoundFigures] | None = None,
) -> RoundReport:
    """The presence figures of a round the user may see, and those of the previous one.

    ``computed`` (round id → figures) lets a caller going through many rounds compute
    each round once.
    """
    round_for(user, round.number)
    areas = areas if areas is not None else area_infos()
    computed = computed if computed is not None else {}

    def figures_of(which: Round) -> RoundFigures:
        if which.pk not in computed:
            computed[which.pk] = round_figures(
                trc_presence_on(which.snapshot_date), location_counts(which), areas
            )
        return computed[which.pk]

    previous = previous_round(round)
    return RoundReport(
        round,
        figures_of(round),
        previous,
        figures_of(previous) if previous is not None else None,
        areas,
    )


def municipalities() -> QuerySet[Area]:
    return Area.objects.filter(level=AreaLevel.MUNICIPALITY)


@dataclass(frozen=True)
class FlowPointSummary:
    code: str
    name: str
    point_type: str
    groups: int
    people: int
    surveys: int


def flow_points_for_entry(user: Any) -> list[FlowPoint]:
    """The flow points the user may enter counts for (an enumerator's area, or all)."""
    if not access.may_enter(user):
        return []
    areas = access.entry_areas(user)
    points = FlowPoint.objects.select_related("site__municipality")
    return [point for point in points if access.within(areas, point.site.municipality)]


def flow_summary(user: Any, *, days: int = 30) -> list[FlowPointSummary]:
    """Per flow point: groups and people counted, surveys made, over the last ``days``."""
    if not access.may_see_unpublished(user):
        return []
    since = timezone.now() - timedelta(days=days)
    people = F("men") + F("women") + F("boys") + F("girls")
    counts: dict[int, tuple[int, int]] = {
        point: (groups, total or 0)
        for point, groups, total in FlowCount.objects.filter(counted_at__gte=since)
        .order_by()
        .values("point")
        .annotate(groups=Count("id"), people=Sum(people))
        .values_list("point", "groups", "people")
    }
    surveys = dict(
        FlowSurvey.objects.filter(surveyed_on__gte=since.date())
        .order_by()
        .values("point")
        .annotate(count=Count("id"))
        .values_list("point", "count")
    )
    return [
        FlowPointSummary(
            point.site.code,
            point.site.name,
            point.get_point_type_display(),
            *counts.get(point.pk, (0, 0)),
            surveys.get(point.pk, 0),
        )
        for point in FlowPoint.objects.select_related("site")
    ]
