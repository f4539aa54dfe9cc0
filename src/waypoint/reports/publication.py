"""Publishing a period's tables: build them, protect them against what already left, and
record each new release.

A published round's tables, or a month's, are computed from the data, protected by
``disclosure.protect`` with every earlier release of the same table and period as
``previous`` (differencing), and recorded as a ``Release`` when what is shown changed.
Everything partner-facing (pages, CSV, XLSX, the API, PDFs) is made from a ``Publication``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from waypoint.core.countries import country_name
from waypoint.presence import queries as presence_queries
from waypoint.presence.figures import CentreCount, round_figures
from waypoint.presence.models import Round, RoundStatus
from waypoint.protection.screening import category_label
from waypoint.reports import sources, tables
from waypoint.reports.disclosure import (
    SENSITIVE,
    STANDARD,
    Key,
    Link,
    Protected,
    Rules,
    Shown,
    Table,
    protect,
    protect_linked,
)
from waypoint.reports.models import Release


@dataclass(frozen=True)
class Line:
    """One row of a published table as a reader sees it."""

    label: str
    name: str
    cells: tuple[Shown, ...]
    total: Shown


@dataclass
class PublishedTable:
    spec: tables.TableSpec
    protected: Protected
    names: dict[str, str]

    @property
    def exact(self) -> Table:
        return self.protected.table

    def lines(self) -> list[Line]:
        table = self.protected.table
        return [
            Line(label, self.names.get(label, label), cells, total)
            for label, cells, total in zip(
                table.row_labels, self.protected.cells, self.protected.row_totals, strict=True
            )
        ]

    def group_lines(self) -> list[Line]:
        table = self.protected.table
        return [
            Line(label, self.names.get(label, label), cells, total)
            for (label, _rows), cells, total in zip(
                table.row_groups,
                self.protected.group_cells,
                self.protected.group_totals,
                strict=True,
            )
        ]

    def exact_lines(self) -> list[tuple[str, tuple[int, ...], int]]:
        """Exact rows, for analysts only (marked as not for publication)."""
        table = self.protected.table
        return [
            (self.names.get(label, label), row, sum(row))
            for label, row in zip(table.row_labels, table.cells, strict=True)
        ]


@dataclass
class Publication:
    period: str
    reporting_date: date
    tables: dict[str, PublishedTable] = field(default_factory=dict)

    @property
    def rules_applied(self) -> set[str]:
        return {rule for table in self.tables.values() for rule in table.protected.rules_applied}

    def __getitem__(self, key: str) -> PublishedTable:
        return self.tables[key]


def round_period(round: Round) -> str:
    return f"round-{round.number}"


def month_period(month: date) -> str:
    return month.strftime("%Y-%m")


# --- Releases: what left, kept for the differencing check ---------------------------------


def _shown(item: Shown) -> int | None:
    return item.value


def release_record(protected: Protected) -> dict:
    """What a release publishes, by labels, as stored in ``Release.shown``."""
    table = protected.table
    return {
        "rows": list(table.row_labels),
        "columns": list(table.column_labels),
        "cells": [[_shown(item) for item in row] for row in protected.cells],
        "row_totals": [_shown(item) for item in protected.row_totals],
        "column_totals": [_shown(item) for item in protected.column_totals],
        "total": _shown(protected.total),
        "groups": [
            [label, [_shown(item) for item in cells], _shown(total)]
            for (label, _rows), cells, total in zip(
                table.row_groups, protected.group_cells, protected.group_totals, strict=True
            )
        ],
    }


def _merge_shown(records: list[dict]) -> dict[tuple, int]:
    """The latest published value of every item across releases, oldest first, by labels:
    a cell hidden in the last release but shown before still counts as published."""
    values: dict[tuple, int] = {}
    for record in records:
        rows, columns = record["rows"], record["columns"]
        for row, cells in zip(rows, record["cells"], strict=True):
            for column, value in zip(columns, cells, strict=True):
                if value is not None:
                    values[("cell", row, column)] = value
        for row, value in zip(rows, record["row_totals"], strict=True):
            if value is not None:
                values[("row_total", row)] = value
        for column, value in zip(columns, record["column_totals"], strict=True):
            if value is not None:
                values[("column_total", column)] = value
        if record["total"] is not None:
            values[("total",)] = record["total"]
        for label, cells, total in record["groups"]:
            for column, value in zip(columns, cells, strict=True):
                if value is not None:
                    values[("group", label, column)] = value
            if total is not None:
                values[("group_total", label)] = total
    return values


def _previous(
    table: Table, spec_key: str, period: str, *, earlier_periods: tuple[str, ...] = ()
) -> Protected | None:
    """Earlier releases of this table and period (and of ``earlier_periods``, for a
    cumulative table) as one ``Protected`` for ``protect``."""
    records = list(
        Release.objects.filter(table=spec_key, period__in=(*earlier_periods, period))
        .order_by("created_at", "pk")
        .values_list("shown", flat=True)
    )
    if not records:
        return None
    values = _merge_shown(records)
    rows = tuple(dict.fromkeys(label for record in records for label in record["rows"]))
    columns = table.column_labels
    groups = tuple(dict.fromkeys(label for record in records for label, _c, _t in record["groups"]))

    def shown(key: tuple) -> Shown:
        value = values.get(key)
        if value is None:
            return Shown(None, "x", "complementary")
        return Shown(value, str(value), "shown")

    previous_table = Table(
        name=table.name,
        row_labels=rows,
        column_labels=columns,
        cells=tuple(tuple(values.get(("cell", r, c), 0) for c in columns) for r in rows),
        row_groups=tuple((label, ()) for label in groups),
    )
    return Protected(
        table=previous_table,
        cells=tuple(tuple(shown(("cell", r, c)) for c in columns) for r in rows),
        row_totals=tuple(shown(("row_total", r)) for r in rows),
        column_totals=tuple(shown(("column_total", c)) for c in columns),
        total=shown(("total",)),
        group_cells=tuple(tuple(shown(("group", g, c)) for c in columns) for g in groups),
        group_totals=tuple(shown(("group_total", g)) for g in groups),
        rules=STANDARD,
        rules_applied=(),
    )


def _rules(spec: tables.TableSpec) -> Rules:
    return replace(
        SENSITIVE if spec.sensitive else STANDARD, round_base=settings.REPORTS_ROUND_BASE
    )


def _record(key: str, period: str, protected: Protected) -> None:
    """Keep what left as a new release when it differs from the latest one."""
    shown = release_record(protected)
    latest = (
        Release.objects.filter(table=key, period=period).values_list("shown", flat=True).first()
    )
    if latest != shown:
        Release.objects.create(table=key, period=period, shown=shown)


def _publish(
    built: tables.Built,
    period: str,
    *,
    record: bool,
    key: str = "",
    earlier_periods: tuple[str, ...] = (),
) -> PublishedTable:
    """One table protected on its own (its figures appear in no other table of the period).
    ``earlier_periods``: the periods whose releases a cumulative table must not be
    subtracted from (the year-to-date table of each earlier month of the year)."""
    key = key or built.spec.key
    previous = _previous(built.table, key, period, earlier_periods=earlier_periods)
    protected = protect(built.table, _rules(built.spec), previous=previous)
    if record:
        _record(key, period, protected)
    return PublishedTable(built.spec, protected, built.names)


def figure(table: Table, key: Key) -> int:
    """The exact value of one figure of ``table`` named by its ``Key``."""
    rows, columns = table.row_labels, table.column_labels
    kind = key[0]
    if kind == "cell":
        return table.cells[rows.index(key[1])][columns.index(key[2])]
    if kind == "row_total":
        return sum(table.cells[rows.index(key[1])])
    if kind == "column_total":
        column = columns.index(key[1])
        return sum(row[column] for row in table.cells)
    if kind == "total":
        return sum(map(sum, table.cells))
    members = dict(table.row_groups)[key[1]]
    if kind == "group":
        column = columns.index(key[2])
        return sum(table.cells[index][column] for index in members)
    return sum(sum(table.cells[index]) for index in members)  # group_total


def _publish_linked(
    built: list[tables.Built], links: list[Link], period: str, *, record: bool
) -> dict[str, PublishedTable]:
    """Tables that share figures, protected as one system (``disclosure.protect_linked``).
    A link whose two figures differ (a data error, e.g. more nationalities declared than
    people observed) is left out rather than asserted: the tables stay publishable."""
    by_key = {one.spec.key: one for one in built}
    exact = {key: one.table for key, one in by_key.items()}
    kept = [
        link
        for link in links
        if figure(exact[link.left_table], link.left) == figure(exact[link.right_table], link.right)
    ]
    previous = {
        key: earlier
        for key, one in by_key.items()
        if (earlier := _previous(one.table, key, period)) is not None
    }
    protected = protect_linked(
        exact, kept, {key: _rules(one.spec) for key, one in by_key.items()}, previous=previous
    )
    if record:
        for key, one in protected.items():
            _record(key, period, one)
    return {
        key: PublishedTable(by_key[key].spec, protected[key], by_key[key].names) for key in by_key
    }


def round_links(places: Table, centres: Table) -> list[Link]:
    """The figures a round's tables share: each centre's people; the totals in and outside
    centres; men, women, boys, girls and unknown in centres; and the age bands' children
    and adults by sex."""
    p, n, s, c, a = (
        tables.PRESENCE_PLACES.key,
        tables.PRESENCE_NATIONALITIES.key,
        tables.PRESENCE_SEX_AGE.key,
        tables.CENTRE_SEX_AGE.key,
        tables.AGE_BANDS_TABLE.key,
    )
    links = [
        Link(p, ("cell", label, "inside"), c, ("row_total", label))
        for label in centres.row_labels
        if label in places.row_labels
    ]
    for column in ("inside", "outside"):
        links += [
            Link(p, ("column_total", column), s, ("column_total", column)),
            Link(p, ("column_total", column), n, ("column_total", column)),
        ]
    links += [
        Link(p, ("column_total", "inside"), c, ("total",)),
        Link(p, ("total",), s, ("total",)),
        Link(p, ("total",), n, ("total",)),
    ]
    links += [
        Link(c, ("column_total", group), s, ("cell", group, "inside"))
        for group in ("men", "women", "boys", "girls", "unknown")
    ]
    for group, (band_group, sex) in {
        "men": (tables.ADULTS, "M"),
        "women": (tables.ADULTS, "F"),
        "boys": (tables.CHILDREN, "M"),
        "girls": (tables.CHILDREN, "F"),
    }.items():
        links.append(Link(s, ("cell", group, "inside"), a, ("group", band_group, sex)))
    return links


# --- Periods ----------------------------------------------------------------------------


class NotPublished(Exception):
    """The round is not published: none of its figures may leave."""


def round_publication(round: Round, *, record: bool = True) -> Publication:
    """A published round's protected tables. Callers have checked the user may read them."""
    if round.status != RoundStatus.PUBLISHED:
        raise NotPublished(_("Round %(number)s is not published.") % {"number": round.number})
    areas = presence_queries.area_infos()
    people = sources.people_in_centres(round.snapshot_date)
    centre_counts = [
        CentreCount(
            row.site_code,
            row.site_name,
            row.municipality_code,
            row.group,
            row.nationality,
            row.count,
        )
        for row in people
    ]
    bands: dict[tuple[str, str], int] = {}
    for row in people:
        bands[(row.band, row.sex)] = bands.get((row.band, row.sex), 0) + row.count
    figures = round_figures(centre_counts, presence_queries.location_counts(round), areas)
    built = [
        tables.presence_places(centre_counts, figures, areas),
        tables.presence_nationalities(figures, country_name),
        tables.presence_sex_age(figures),
        tables.centre_sex_age(centre_counts, figures),
        tables.age_bands(bands),
    ]
    period = round_period(round)
    publication = Publication(period, round.snapshot_date)
    links = round_links(built[0].table, built[3].table)
    with transaction.atomic():
        publication.tables = _publish_linked(built, links, period, record=record)
    return publication


@dataclass(frozen=True)
class TrendPoint:
    round_number: int
    snapshot_date: date
    inside: int | None
    outside: int | None
    total: int | None


def presence_trend(round: Round, *, rounds: int = 8) -> list[TrendPoint]:
    """The published totals of this round and the earlier published ones (at most
    ``rounds``), as they were released: the trend shows only what already left."""
    earlier = list(
        Round.objects.filter(status=RoundStatus.PUBLISHED, number__lte=round.number).order_by(
            "-number"
        )[:rounds]
    )
    points = []
    for one in reversed(earlier):
        record = (
            Release.objects.filter(table=tables.PRESENCE_PLACES.key, period=round_period(one))
            .values_list("shown", flat=True)
            .first()
        )
        if record is None:
            round_publication(one)
            record = (
                Release.objects.filter(table=tables.PRESENCE_PLACES.key, period=round_period(one))
                .values_list("shown", flat=True)
                .first()
            )
        inside, outside = (record or {}).get("column_totals", [None, None])
        points.append(
            TrendPoint(one.number, one.snapshot_date, inside, outside, (record or {}).get("total"))
        )
    return points


def month_publication(month: date, *, record: bool = True) -> Publication:
    """A month's protected tables (movements, occupancy, returns, flow, vulnerabilities)."""
    first, last = sources.month_bounds(month)
    centres = sources.centres()
    built = [
        tables.movements(sources.movements_in(first), centres),
        tables.occupancy(sources.occupancy_on(last), centres),
        tables.returns(sources.returns_in(first, last), country_name),
        tables.flow(sources.flow_in(first), sources.flow_point_names()),
        tables.vulnerabilities(sources.vulnerabilities_in(first), category_label),
    ]
    period = month_period(first)
    publication = Publication(period, last)
    year_start = first.replace(month=1)
    to_date = tables.returns(sources.returns_in(year_start, last), country_name)
    with transaction.atomic():
        for one in built:
            publication.tables[one.spec.key] = _publish(one, period, record=record)
        # Year to date now minus year to date last month is this month: a small
        # difference from an earlier month's release is hidden (differencing).
        earlier = tuple(
            month_period(first.replace(month=number)) for number in range(1, first.month)
        )
        publication.tables[RETURNS_YEAR_TO_DATE] = _publish(
            to_date, period, record=record, key=RETURNS_YEAR_TO_DATE, earlier_periods=earlier
        )
    return publication


RETURNS_YEAR_TO_DATE = "returns_year_to_date"


def latest_round_on(day: date) -> Round | None:
    """The latest published round whose snapshot is on or before ``day``."""
    return (
        Round.objects.filter(status=RoundStatus.PUBLISHED, snapshot_date__lte=day)
        .order_by("-snapshot_date", "-number")
        .first()
    )


def published_rounds() -> list[Round]:
    return list(Round.objects.filter(status=RoundStatus.PUBLISHED).order_by("number"))
