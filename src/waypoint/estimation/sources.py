"""Waypoint's own lists for an estimate: which registrations each source saw in a period
and area. Only record ids leave, to be grouped into people and counted per history; no
personal detail is read."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from waypoint.estimation.histories import EstimationInputError, Histories
from waypoint.estimation.lists import Band, histories_from_lists, linkage_band
from waypoint.linkage.queries import identity_groupings
from waypoint.places.models import Area
from waypoint.protection.models import Screening
from waypoint.reception.models import Stay
from waypoint.returns.models import CaseMember

LISTS = ("centres", "screenings", "avrr")


def _start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _in_area(prefix: str, area_path: str) -> Q:
    field = f"{prefix}municipality__path"
    return Q(**{field: area_path}) | Q(**{f"{field}__startswith": area_path + "/"})


def registry_lists(first: date, last: date, *, area_path: str = "") -> dict[str, set[int]]:
    """Registration ids on each list between ``first`` and ``last`` (both included):

    - ``centres``: stays in a reception centre that overlap the period;
    - ``screenings``: vulnerability screenings made in the period;
    - ``avrr``: members of voluntary return cases opened in the period whose registration
      is known.

    With ``area_path`` (an area's path, e.g. ``BA/BA01/BA0101``), only what happened at
    sites inside it. Lists nobody is on are left out.
    """
    start, end = _start(first), _start(last + timedelta(days=1))
    stays = Stay.objects.filter(admitted_at__lt=end).filter(
        Q(exited_at__isnull=True) | Q(exited_at__gte=start)
    )
    screenings = Screening.objects.filter(screened_at__gte=start, screened_at__lt=end)
    members = CaseMember.objects.filter(
        person__isnull=False, case__created_at__gte=start, case__created_at__lt=end
    )
    if area_path:
        stays = stays.filter(_in_area("site__", area_path))
        screenings = screenings.filter(_in_area("site__", area_path))
        members = members.filter(_in_area("case__site__", area_path))
    found = {
        "centres": set(stays.values_list("person_id", flat=True).iterator(chunk_size=20000)),
        "screenings": set(screenings.values_list("person_id", flat=True)),
        "avrr": {pk for pk in members.values_list("person_id", flat=True) if pk is not None},
    }
    return {name: records for name, records in found.items() if records}


def registry_estimate(
    first: date, last: date, *, area_code: str = "", **options: Any
) -> tuple[Histories, Band]:
    """The people on Waypoint's lists in the period and area (grouped at the chosen linkage
    cut-off) and the estimate at the three cut-offs. ``EstimationInputError`` for an
    unknown area, or lists that cannot give an estimate (saying which lists had people)."""
    area_path = ""
    if area_code:
        area = Area.objects.filter(code=area_code).first()
        if area is None:
            raise EstimationInputError(_("no area with the code %(code)s") % {"code": area_code})
        area_path = area.path
    lists = registry_lists(first, last, area_path=area_path)
    groupings = identity_groupings()
    try:
        histories = histories_from_lists(lists, group_of=groupings.get("chosen", {}))
        return histories, linkage_band(lists, groupings, **options)
    except EstimationInputError as error:
        found = ", ".join(f"{name} {len(ids)}" for name, ids in lists.items()) or "none"
        raise EstimationInputError(f"{error} (lists with people in the period: {found})") from None
