"""Presence figures of a round as plain computation over plain rows (no database here).

Inside centres the figures come from reception stays open at the end of the snapshot
date; outside from the round's observations. The outside figure is the number of
migrants observed, as DTM BiH publishes it; "of whom not in any centre" is kept beside it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

SEX_AGE_GROUPS = ("men", "women", "boys", "girls", "unknown")
UNKNOWN_NATIONALITY = "XXX"


@dataclass(frozen=True)
class CentreCount:
    """People in one centre on a day, in one sex/age group and nationality."""

    site_code: str
    site_name: str
    municipality_code: str
    group: str  # one of SEX_AGE_GROUPS
    nationality: str
    count: int


@dataclass(frozen=True)
class LocationCount:
    location_code: str
    location_name: str
    municipality_code: str
    total: int
    not_in_trc: int
    men: int
    women: int
    boys: int
    girls: int
    nationalities: Mapping[str, int]


@dataclass(frozen=True)
class AreaInfo:
    code: str
    name: str
    entity_code: str
    canton_code: str  # empty where the entity has no cantons


@dataclass
class Split:
    inside: int = 0
    outside: int = 0

    @property
    def total(self) -> int:
        return self.inside + self.outside


@dataclass(frozen=True)
class PlaceFigure:
    code: str
    name: str
    kind: str  # "centre" or "location"
    municipality_code: str
    count: int


@dataclass
class RoundFigures:
    totals: Split = field(default_factory=Split)
    not_in_trc: int = 0
    by_centre: list[PlaceFigure] = field(default_factory=list)
    by_location: list[PlaceFigure] = field(default_factory=list)
    by_entity: dict[str, Split] = field(default_factory=dict)
    by_canton: dict[str, Split] = field(default_factory=dict)
    by_municipality: dict[str, Split] = field(default_factory=dict)
    by_nationality: dict[str, Split] = field(default_factory=dict)
    by_sex_age: dict[str, Split] = field(default_factory=dict)


def round_figures(
    centre_counts: Iterable[CentreCount],
    location_counts: Iterable[LocationCount],
    areas: Mapping[str, AreaInfo],
) -> RoundFigures:
    """Inside, outside and total, broken down by area, nationality, and sex and age."""
    figures = RoundFigures()
    by_area: dict[tuple[str, str], Split] = defaultdict(Split)
    nationality: dict[str, Split] = defaultdict(Split)
    sex_age: dict[str, Split] = {group: Split() for group in SEX_AGE_GROUPS}
    centres: dict[str, list] = {}

    def add_area(municipality_code: str, inside: int, outside: int) -> None:
        area = areas.get(municipality_code)
        keys = [("municipality", municipality_code)]
        if area is not None:
            keys.append(("entity", area.entity_code))
            if area.canton_code:
                keys.append(("canton", area.canton_code))
        for key in keys:
            by_area[key].inside += inside
            by_area[key].outside += outside

    for row in centre_counts:
        figures.totals.inside += row.count
        entry = centres.setdefault(row.site_code, [row.site_name, row.municipality_code, 0])
        entry[2] += row.count
        add_area(row.municipality_code, row.count, 0)
        nationality[row.nationality or UNKNOWN_NATIONALITY].inside += row.count
        sex_age[row.group if row.group in sex_age else "unknown"].inside += row.count
    figures.by_centre = [
        PlaceFigure(code, name, "centre", municipality, count)
        for code, (name, municipality, count) in sorted(centres.items())
    ]
    for loc in location_counts:
        figures.totals.outside += loc.total
        figures.not_in_trc += loc.not_in_trc
        figures.by_location.append(
            PlaceFigure(
                loc.location_code, loc.location_name, "location", loc.municipality_code, loc.total
            )
        )
        add_area(loc.municipality_code, 0, loc.total)
        declared = 0
        for code, count in loc.nationalities.items():
            nationality[code].outside += count
            declared += count
        if loc.total > declared:
            nationality[UNKNOWN_NATIONALITY].outside += loc.total - declared
        for group in ("men", "women", "boys", "girls"):
            sex_age[group].outside += getattr(loc, group)
        known = loc.men + loc.women + loc.boys + loc.girls
        if loc.total > known:
            sex_age["unknown"].outside += loc.total - known
    for (level, code), split in by_area.items():
        {"entity": figures.by_entity, "canton": figures.by_canton}.get(
            level, figures.by_municipality
        )[code] = split
    figures.by_nationality = dict(
        sorted(nationality.items(), key=lambda item: (-item[1].total, item[0]))
    )
    figures.by_sex_age = sex_age
    return figures


def change(now: int, before: int | None) -> str:
    """The change against the previous round, as "+12 (+8.5%)"; empty without one."""
    if before is None:
        return ""
    difference = now - before
    if before == 0:
        return f"{difference:+d}"
    return f"{difference:+d} ({difference * 100 / before:+.1f}%)"
