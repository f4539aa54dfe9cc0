"""The data-quality view for analysts and managers: how complete registrations are per
centre, how timely round submissions were, and the duplicate rate linkage found.

Counts only; exact figures, not for publication.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Q
from django.utils import timezone

from waypoint.linkage.models import LinkageRun, RunStatus
from waypoint.presence.models import Observation, Round
from waypoint.reception.models import Stay


@dataclass(frozen=True)
class CentreCompleteness:
    code: str
    name: str
    residents: int
    with_birth_date: int
    with_nationality: int
    with_sex: int

    @property
    def complete_share(self) -> float:
        if not self.residents:
            return 1.0
        return min(self.with_birth_date, self.with_nationality, self.with_sex) / self.residents


@dataclass(frozen=True)
class RoundTimeliness:
    number: int
    snapshot_date: date
    locations: int
    on_time: int  # observed within 7 days either side of the snapshot date


@dataclass(frozen=True)
class Quality:
    centres: list[CentreCompleteness]
    rounds: list[RoundTimeliness]
    registrations: int
    unique_people: int

    @property
    def duplicate_rate(self) -> float | None:
        if not self.registrations:
            return None
        return 1 - self.unique_people / self.registrations


@dataclass(frozen=True)
class ExactPoint:
    round_number: int
    snapshot_date: date
    inside: int
    outside: int

    @property
    def total(self) -> int:
        return self.inside + self.outside


def exact_trend(rounds: int = 8) -> list[ExactPoint]:
    """Exact totals of the latest published rounds, oldest first (not for publication)."""
    from django.db.models import Sum

    from waypoint.presence.models import RoundStatus
    from waypoint.reports.sources import occupancy_on

    points = []
    published = Round.objects.filter(status=RoundStatus.PUBLISHED).order_by("-number")[:rounds]
    for round_ in reversed(list(published)):
        inside = sum(occupancy_on(round_.snapshot_date).values())
        outside = round_.observations.aggregate(total=Sum("migrants_observed"))["total"] or 0
        points.append(ExactPoint(round_.number, round_.snapshot_date, inside, outside))
    return points


def quality_view(today: date | None = None) -> Quality:
    today = today or timezone.localdate()
    rows = (
        Stay.objects.filter(exited_at__isnull=True)
        .order_by()
        .values("site__code", "site__name")
        .annotate(
            residents=Count("pk"),
            with_birth_date=Count("pk", filter=Q(person__birth_date__isnull=False)),
            with_nationality=Count("pk", filter=~Q(person__nationality="")),
            with_sex=Count("pk", filter=Q(person__sex__in=("M", "F"))),
        )
    )
    centres = [
        CentreCompleteness(
            row["site__code"],
            row["site__name"],
            row["residents"],
            row["with_birth_date"],
            row["with_nationality"],
            row["with_sex"],
        )
        for row in sorted(rows, key=lambda row: row["site__code"])
    ]
    rounds = []
    for round_ in Round.objects.order_by("-number")[:6]:
        observations = Observation.objects.filter(round=round_)
        window = Q(
            observed_on__gte=round_.snapshot_date - timedelta(days=7),
            observed_on__lte=round_.snapshot_date + timedelta(days=7),
        )
        counts = observations.aggregate(locations=Count("pk"), on_time=Count("pk", filter=window))
        rounds.append(
            RoundTimeliness(
                round_.number, round_.snapshot_date, counts["locations"], counts["on_time"]
            )
        )
    run = LinkageRun.objects.filter(status=RunStatus.DONE).order_by("-finished_at").first()
    return Quality(
        centres=centres,
        rounds=rounds,
        registrations=run.records if run else 0,
        unique_people=run.groups if run else 0,
    )
