"""Quality checks of a round, as the reviewer sees them before publishing.

``find_problems`` is plain computation over plain data; ``round_checks`` reads the round.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.utils.translation import gettext as _

from waypoint.presence.models import CheckConfirmation, Location, Observation, Round, RoundStatus

SEX_AGE = "sex_age_sum"
NATIONALITIES = "nationalities_within_total"
CHANGE = "change_against_previous"
NOT_VISITED = "not_visited"
FAR_FROM_LOCATION = "gps_far_from_location"
# A point this far from the location's baseline coordinates (beyond the phone's own
# accuracy) means the wrong place was picked, or the team was elsewhere.
FAR_METRES = 1000
# A change in a small group (3 people become 9) is not worth a reviewer's time.
MIN_CHANGE_PEOPLE = 10


@dataclass(frozen=True)
class ObservedFigures:
    location_code: str
    location_name: str
    total: int
    by_sex_and_age: int
    nationalities_total: int


def metres_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in metres (haversine; Earth radius 6,371 km)."""
    lat1, lon1, lat2, lon2 = (math.radians(value) for value in (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6_371_000 * math.asin(min(1.0, math.sqrt(h)))


def far_points(observations: Iterable[Observation]) -> list[Problem]:
    """Observations whose GPS point lies more than ``FAR_METRES`` (plus the point's own
    accuracy) from the location they were entered for."""
    problems = []
    for observation in observations:
        if observation.gps_latitude is None or observation.gps_longitude is None:
            continue
        location = observation.location
        distance = metres_between(
            (observation.gps_latitude, observation.gps_longitude),
            (float(location.latitude), float(location.longitude)),
        )
        if distance > FAR_METRES + (observation.gps_accuracy or 0):
            problems.append(
                Problem(
                    FAR_FROM_LOCATION,
                    location.code,
                    location.name,
                    _("The phone's GPS point is %(km)s km from this location.")
                    % {"km": f"{distance / 1000:.1f}"},
                )
            )
    return problems


@dataclass(frozen=True)
class Problem:
    check: str
    location_code: str
    location_name: str
    message: str
    confirmed: bool = False


def find_problems(
    observed: Iterable[ObservedFigures],
    *,
    previous_totals: Mapping[str, int],
    baseline: Mapping[str, str],
    threshold_percent: int,
) -> list[Problem]:
    """Every failed check: sums within a location, change since last round, gaps in visits.

    ``baseline`` maps the codes of locations active on the snapshot date to their names.
    """
    problems = []
    visited = set()
    for row in observed:
        visited.add(row.location_code)
        if row.by_sex_and_age != row.total:
            problems.append(
                Problem(
                    SEX_AGE,
                    row.location_code,
                    row.location_name,
                    _("Men, women, boys and girls add up to %(sum)s, not the %(total)s observed.")
                    % {"sum": row.by_sex_and_age, "total": row.total},
                )
            )
        if row.nationalities_total > row.total:
            problems.append(
                Problem(
                    NATIONALITIES,
                    row.location_code,
                    row.location_name,
                    _("Nationalities add up to %(sum)s, more than the %(total)s observed.")
                    % {"sum": row.nationalities_total, "total": row.total},
                )
            )
        before = previous_totals.get(row.location_code)
        if before is not None and abs(row.total - before) >= MIN_CHANGE_PEOPLE:
            percent = abs(row.total - before) * 100 / max(before, 1)
            if percent > threshold_percent:
                problems.append(
                    Problem(
                        CHANGE,
                        row.location_code,
                        row.location_name,
                        _("%(before)s in the previous round, %(now)s now.")
                        % {"before": before, "now": row.total},
                    )
                )
    for code, name in sorted(baseline.items()):
        if code not in visited:
            problems.append(Problem(NOT_VISITED, code, name, _("Not visited in this round.")))
    return problems


def _figures(observations: Iterable[Observation]) -> list[ObservedFigures]:
    return [
        ObservedFigures(
            observation.location.code,
            observation.location.name,
            observation.migrants_observed,
            observation.by_sex_and_age,
            observation.nationalities_total,
        )
        for observation in observations
    ]


def round_checks(round: Round) -> list[Problem]:
    """The failed checks of ``round``, each marked confirmed if a reviewer confirmed it."""
    observations = round.observations.select_related("location")
    # Compared with the latest published round before it, like the round's figures.
    previous = (
        Round.objects.filter(number__lt=round.number, status=RoundStatus.PUBLISHED)
        .order_by("-number")
        .first()
    )
    previous_totals: dict[str, int] = {}
    if previous is not None:
        previous_totals = dict(
            previous.observations.values_list("location__code", "migrants_observed")
        )
    baseline = dict(
        Location.objects.filter(active_from__lte=round.snapshot_date)
        .exclude(active_until__lt=round.snapshot_date)
        .values_list("code", "name")
    )
    problems = find_problems(
        _figures(observations),
        previous_totals=previous_totals,
        baseline=baseline,
        threshold_percent=round.change_threshold,
    ) + far_points(observations)
    confirmed = {
        (check, code or "")
        for check, code in CheckConfirmation.objects.filter(round=round).values_list(
            "check_code", "location__code"
        )
    }
    return [
        Problem(p.check, p.location_code, p.location_name, p.message, True)
        if (p.check, p.location_code) in confirmed
        else p
        for p in problems
    ]
