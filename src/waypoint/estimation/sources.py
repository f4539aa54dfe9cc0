"""Waypoint's own lists for an estimate: which registrations each source saw in a period
and area. Only record ids leave, to be grouped into people and counted per history; no
personal detail is read."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from waypoint.estimation.histories import EstimationInputError, Histories
from waypoint.estimation.lists import Band, histories_from_lists, linkage_band
from waypoint.estimation.models import OutsideList, OutsideRecord
from waypoint.linkage.queries import identity_groupings
from waypoint.people.models import Person
from waypoint.places.models import Area
from waypoint.protection.models import OutreachContact, Screening
from waypoint.reception.models import Stay
from waypoint.returns.models import CaseMember

Record = int | str

LISTS = ("centres", "screenings", "outreach", "avrr")
OUTSIDE = "list:"  # an outside list's key: "list:<pk>"


def list_labels() -> dict[str, str]:
    """Waypoint's own lists by key, as a reader names them."""
    return {
        "centres": _("Reception centres (stays)"),
        "screenings": _("Vulnerability screenings"),
        "outreach": _("Outreach contacts (named)"),
        "avrr": _("Voluntary return applications"),
    }


def _start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _in_area(prefix: str, area_path: str) -> Q:
    field = f"{prefix}municipality__path"
    return Q(**{field: area_path}) | Q(**{f"{field}__startswith": area_path + "/"})


def registry_lists(
    first: date, last: date, *, area_path: str = "", chosen: Sequence[str] | None = None
) -> dict[str, set[Record]]:
    """The records on each list between ``first`` and ``last`` (both included), as
    registration ids (``int``) or, for outside rows that matched no registration, a key of
    their own (``str``):

    - ``centres``: stays in a reception centre that overlap the period;
    - ``screenings``: vulnerability screenings made in the period;
    - ``outreach``: outreach contacts in the period with a registered person;
    - ``avrr``: members of voluntary return cases opened in the period whose registration
      is known;
    - ``list:<pk>``: the rows of an outside list (its whole list: it is checked to fall in
      the period and area).

    ``chosen`` names the lists wanted (default: Waypoint's own four). With ``area_path``
    (an area's path, e.g. ``BA/BA01/BA0101``), only what happened at sites inside it. Lists
    nobody is on are left out.
    """
    chosen = list(chosen) if chosen is not None else list(LISTS)
    unknown = [key for key in chosen if key not in LISTS and not key.startswith(OUTSIDE)]
    if unknown:
        raise EstimationInputError(
            _(
                "There is no list %(key)s; the lists are %(lists)s, and list:<id> for an "
                "outside list."
            )
            % {"key": unknown[0], "lists": ", ".join(LISTS)}
        )
    own = {key: ids for key, ids in _own_lists(first, last, area_path, chosen).items()}
    outside = {
        key: _outside_rows(key, first, last, area_path) for key in chosen if key.startswith(OUTSIDE)
    }
    found = {key: (own | outside)[key] for key in chosen if key in own or key in outside}
    return {name: records for name, records in found.items() if records}


def _outside_rows(key: str, first: date, last: date, area_path: str) -> set[Record]:
    pk = outside_list_pk(key)
    outside = OutsideList.objects.select_related("area").filter(pk=pk).first() if pk else None
    if outside is None:
        raise EstimationInputError(_("There is no outside list %(key)s.") % {"key": key})
    if outside.last_day < first or outside.first_day > last:
        raise EstimationInputError(
            _("The list %(name)s covers %(start)s to %(end)s, outside the period chosen.")
            % {"name": outside.name, "start": outside.first_day, "end": outside.last_day}
        )
    if area_path and (
        outside.area is None
        or not (outside.area.path == area_path or outside.area.path.startswith(area_path + "/"))
    ):
        raise EstimationInputError(
            _(
                "The list %(name)s covers a wider area than the one chosen; "
                "choose its area or a wider one."
            )
            % {"name": outside.name}
        )
    return {
        person if person is not None else f"o{head or pk}"
        for pk, person, head in OutsideRecord.objects.filter(outside_list=outside).values_list(
            "pk", "person_id", "same_as_id"
        )
    }


def outside_list_pk(key: str) -> int | None:
    """The outside list a key ``list:<pk>`` names, or None if it names none."""
    number = key[len(OUTSIDE) :] if key.startswith(OUTSIDE) else ""
    return int(number) if number.isdigit() else None


def _own_lists(
    first: date, last: date, area_path: str, chosen: Sequence[str]
) -> dict[str, set[Record]]:
    start, end = _start(first), _start(last + timedelta(days=1))
    stays = Stay.objects.filter(admitted_at__lt=end).filter(
        Q(exited_at__isnull=True) | Q(exited_at__gte=start)
    )
    screenings = Screening.objects.filter(screened_at__gte=start, screened_at__lt=end)
    members = CaseMember.objects.filter(
        person__isnull=False, case__created_at__gte=start, case__created_at__lt=end
    )
    contacts = OutreachContact.objects.filter(
        person__isnull=False, contacted_on__gte=first, contacted_on__lte=last
    )
    if area_path:
        stays = stays.filter(_in_area("site__", area_path))
        screenings = screenings.filter(_in_area("site__", area_path))
        members = members.filter(_in_area("case__site__", area_path))
        contacts = contacts.filter(_in_area("", area_path))
    queries = {"centres": stays, "screenings": screenings, "outreach": contacts, "avrr": members}
    return {
        name: set(query.values_list("person_id", flat=True).iterator(chunk_size=20000))
        for name, query in queries.items()
        if name in chosen
    }


STRATA = ("sex", "age", "nationality")
TOP_NATIONALITIES = 3  # the most frequent nationalities are strata of their own


def strata_labels() -> dict[str, str]:
    return {
        "sex": _("Sex"),
        "age": _("Children and adults"),
        "nationality": _("Nationality (the three most frequent, and the others)"),
    }


def _attributes(records: set[Record], on: date) -> dict[Record, tuple[str, int | None, str]]:
    """Sex, age at ``on`` (if known) and nationality of each record."""
    found: dict[Record, tuple[str, int | None, str]] = {}
    people = [r for r in records if isinstance(r, int)]
    for start in range(0, len(people), 5000):
        chunk = Person.objects.filter(pk__in=people[start : start + 5000])
        for person in chunk.only("pk", "sex", "birth_date", "nationality"):
            found[person.pk] = (person.sex, person.age_on(on), person.nationality)
    outside = [int(r[1:]) for r in records if isinstance(r, str)]
    for start in range(0, len(outside), 5000):
        for pk, sex, year, nationality in OutsideRecord.objects.filter(
            pk__in=outside[start : start + 5000]
        ).values_list("pk", "sex", "birth_year", "nationality"):
            found[f"o{pk}"] = (sex, None if year is None else on.year - year, nationality)
    return found


def _check_strata(by: str) -> None:
    if by not in STRATA:
        raise EstimationInputError(
            _("Strata are by %(strata)s, not %(by)s.") % {"strata": ", ".join(STRATA), "by": by}
        )


def stratum_of(lists: dict[str, set[Record]], by: str, on: date) -> dict[Record, str]:
    """Each record's stratum label ``by`` sex, age (children and adults) or nationality
    (the three most frequent, and the others); unknown values form a stratum of their own."""
    _check_strata(by)
    records: set[Record] = set().union(*lists.values()) if lists else set()
    attributes = _attributes(records, on)
    if by == "sex":
        names = {"M": _("men and boys"), "F": _("women and girls")}
        return {r: str(names.get(sex, _("sex unknown"))) for r, (sex, _a, _n) in attributes.items()}
    if by == "age":
        return {
            r: str(_("age unknown") if age is None else _("children") if age < 18 else _("adults"))
            for r, (_s, age, _n) in attributes.items()
        }
    counts = Counter(n for _s, _a, n in attributes.values() if n and n != "XXX")
    top = {n for n, _count in counts.most_common(TOP_NATIONALITIES)}
    return {
        r: nationality if nationality in top else str(_("other nationalities"))
        for r, (_s, _a, nationality) in attributes.items()
    }


def registry_estimate(
    first: date,
    last: date,
    *,
    area_code: str = "",
    chosen: Sequence[str] | None = None,
    strata: str = "",
    **options: Any,
) -> tuple[Histories, Band]:
    """The people on the ``chosen`` lists in the period and area (grouped at the chosen
    linkage cut-off) and the estimate at the three cut-offs, stratified by ``strata``
    (``sex``, ``age`` or ``nationality``) if given. ``EstimationInputError`` for an unknown
    area, or lists that cannot give an estimate (saying which lists had people)."""
    if strata:
        _check_strata(strata)
    area_path = ""
    if area_code:
        area = Area.objects.filter(code=area_code).first()
        if area is None:
            raise EstimationInputError(_("no area with the code %(code)s") % {"code": area_code})
        area_path = area.path
    lists = registry_lists(first, last, area_path=area_path, chosen=chosen)
    tiers = identity_groupings()
    groupings: dict[str, dict[Record, Record]] = {
        tier: {record: group for record, group in tiers.get(tier, {}).items()}
        for tier in ("strict", "chosen", "loose")
    }
    try:
        histories = histories_from_lists(lists, group_of=groupings["chosen"])
        strata_of = stratum_of(lists, strata, last) if strata else None
        return histories, linkage_band(lists, groupings, stratum_of=strata_of, **options)
    except EstimationInputError as error:
        found = ", ".join(f"{name} {len(ids)}" for name, ids in lists.items()) or "-"
        raise EstimationInputError(
            _("%(error)s (lists with people in the period: %(found)s)")
            % {"error": error, "found": found}
        ) from None


def not_in_centres(result: dict[str, Any], histories: Histories) -> dict[str, Any] | None:
    """The estimate less the people on the centres' list, who are all known: the people
    outside the centres throughout the period. ``None`` without the centres' list."""
    if "centres" not in histories.lists:
        return None
    known = histories.list_total(histories.lists.index("centres"))

    def less(value: float | None) -> float | None:
        return None if value is None else round(max(value - known, 0.0), 1)

    return {
        "known_in_centres": known,
        "estimate": less(result["estimate"]),
        "ci_low": less(result["ci_low"]),
        "ci_high": less(result["ci_high"]),
    }
