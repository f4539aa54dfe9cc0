"""Writes of estimation: run an estimate and keep it with its inputs."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from waypoint.audit.models import Action
from waypoint.audit.services import audit_record
from waypoint.estimation import access
from waypoint.estimation.histories import EstimationInputError, Histories, read_histories
from waypoint.estimation.models import Source, StoredEstimate
from waypoint.estimation.mse import estimate
from waypoint.estimation.sources import registry_estimate


def _table(histories: Histories) -> list[list[int]]:
    return [[*history, count] for history, count in sorted(histories.counts.items())]


def estimate_run(
    *,
    actor: Any,
    source: str,
    criterion: str = "aic",
    data: bytes = b"",
    count_column: str = "count",
    first_day: date | None = None,
    last_day: date | None = None,
    area_code: str = "",
    bootstrap: int = 500,
) -> StoredEstimate:
    """Estimate from an uploaded table or from Waypoint's lists in a period and area, and
    keep the counts per history, the options and the answer. ``EstimationInputError`` says
    what is wrong with the input; nothing is kept then."""
    access.require(actor, access.Work.ESTIMATE)
    options: dict[str, Any] = {"criterion": criterion, "bootstrap": bootstrap, "seed": 0}
    if source == Source.UPLOAD:
        histories = read_histories(data, count_column=count_column)
        result: dict[str, Any] = dict(estimate(histories, **options).as_json())
    else:
        if first_day is None or last_day is None:
            raise EstimationInputError(_("Give the period."))
        histories, band = registry_estimate(first_day, last_day, area_code=area_code, **options)
        result = band.as_json()
    with transaction.atomic():
        stored = StoredEstimate.objects.create(
            source=source,
            first_day=first_day if source == Source.REGISTRY else None,
            last_day=last_day if source == Source.REGISTRY else None,
            area_code=area_code if source == Source.REGISTRY else "",
            lists=list(histories.lists),
            histories=_table(histories),
            options=options,
            result=result,
            created_by=actor,
        )
        audit_record(actor=actor, action=Action.CREATE, target=stored, purpose="estimate")
    return stored
