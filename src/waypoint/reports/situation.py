"""What a situation report and the public pages say about a period, from protected tables
only: key figures with their change, charts (SVG) and the map.

The same context renders the web page and the PDF, so both show the same figures.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from django.utils.formats import number_format
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from waypoint.estimation.models import StoredEstimate
from waypoint.estimation.queries import list_names, published_estimates
from waypoint.places.models import Area, Site
from waypoint.presence.figures import PlaceFigure, RoundFigures, change
from waypoint.presence.maps import PresenceMap, presence_map
from waypoint.presence.models import Location, Round
from waypoint.reports import charts
from waypoint.reports.disclosure import Shown
from waypoint.reports.estimates import EstimateShown, estimate_shown
from waypoint.reports.opendata import area_level, rules_text
from waypoint.reports.publication import (
    RETURNS_YEAR_TO_DATE,
    Publication,
    PublishedTable,
    TrendPoint,
    latest_round_on,
    presence_trend,
    round_publication,
)
from waypoint.reports.sources import centres


class LazyCharts(dict[str, str]):
    """Charts drawn only when a template shows them (each takes 30–40 ms), once each."""

    def __init__(self, **factories: Callable[[], str]) -> None:
        super().__init__()
        self._factories = factories

    def __getitem__(self, name: str) -> str:
        if not dict.__contains__(self, name):
            self[name] = self._factories[name]()
        return dict.__getitem__(self, name)

    def __contains__(self, name: object) -> bool:
        return name in self._factories


@dataclass(frozen=True)
class KeyFigure:
    label: str
    shown: Shown
    change: str


def shown_text(item: Shown) -> str:
    return number_format(item.value, force_grouping=True) if item.value is not None else item.text


def _change(now: int | None, before: int | None) -> str:
    """The change against the previous round; empty when either figure is hidden."""
    return change(now, before) if now is not None else ""


def _bars(
    published: PublishedTable, *, limit: int | None = None, column: int | None = None
) -> list[charts.Bar]:
    """One bar per row: its total, or one column's cell (for tables whose columns do not
    add up, such as applications and departures)."""
    lines = published.lines()[:limit] if limit else published.lines()
    bars = []
    for line in lines:
        item = line.total if column is None else line.cells[column]
        bars.append(charts.Bar(line.name, item.value, shown_text(item)))
    return bars


def _protected_map(places: PublishedTable) -> PresenceMap:
    """The round map from protected values: centres as published, and each municipality's
    people outside centres drawn at its largest location. Hidden values draw nothing."""
    centre_rows, outside_rows = [], []
    for line in places.lines():
        if line.total.value is None or line.total.value <= 0:
            continue
        if line.label.startswith("outside:"):
            outside_rows.append((line.label.split(":", 1)[1], line.name, line.total.value))
        else:
            centre_rows.append((line.label, line.name, line.total.value))
    municipality_of = dict(
        Site.objects.filter(code__in=[code for code, _n, _v in centre_rows]).values_list(
            "code", "municipality__code"
        )
    )
    anchors: dict[str, str] = {}
    for code, municipality in Location.objects.filter(
        municipality__code__in=[code for code, _n, _v in outside_rows]
    ).values_list("code", "municipality__code"):
        anchors.setdefault(municipality, code)
    figures = RoundFigures()
    figures.by_centre = [
        PlaceFigure(code, name, "centre", municipality_of.get(code, ""), value)
        for code, name, value in centre_rows
    ]
    figures.by_location = [
        PlaceFigure(anchors[municipality], name, "location", municipality, value)
        for municipality, name, value in outside_rows
        if municipality in anchors
    ]
    return presence_map(figures)


def _trend_chart(points: list[TrendPoint], title: str) -> str:
    chart_points = [
        charts.Point(
            f"R{point.round_number}",
            point.total,
            number_format(point.total, force_grouping=True) if point.total is not None else "x",
        )
        for point in points
    ]
    change = ""
    if len(points) >= 2:
        change = _change(points[-1].total, points[-2].total)
        if change:
            change = _("%(change)s since the previous round") % {"change": change}
    return charts.trend(chart_points, title=title, description=title, change_text=change)


def estimates_shown(stored: Iterable[StoredEstimate]) -> list[EstimateShown]:
    """Published estimates as readers see them, with their lists' and areas' names."""
    stored = list(stored)
    names = dict(
        Area.objects.filter(code__in={item.area_code for item in stored}).values_list(
            "code", "name"
        )
    )
    return [
        estimate_shown(
            item,
            list_names=list_names(item.lists),
            area_stored_name=names.get(item.area_code, ""),
        )
        for item in stored
    ]


def estimate_on(day: date) -> EstimateShown | None:
    """The published estimate to show beside figures for ``day``: of those whose period
    began on or before ``day`` (it overlaps or precedes it), the one whose period ends
    latest, and of those the one published last: a corrected estimate of the same period
    replaces the earlier one, and an older period published later does not hide a newer one."""
    found = (
        published_estimates()
        .filter(first_day__lte=day)
        .order_by("-last_day", "-published_at", "-pk")
        .first()
    )
    return estimates_shown([found])[0] if found is not None else None


def presence_context(round: Round, publication: Publication | None = None) -> dict:
    """Everything a presence situation report shows, from protected tables only."""
    publication = publication or round_publication(round)
    places = publication["presence_places"]
    trend = presence_trend(round)
    before = trend[-2] if len(trend) >= 2 else None
    protected = places.protected
    key_figures = [
        KeyFigure(
            _("Migrants present"),
            protected.total,
            _change(protected.total.value, before.total if before else None),
        ),
        KeyFigure(
            _("In reception centres"),
            protected.column_totals[0],
            _change(protected.column_totals[0].value, before.inside if before else None),
        ),
        KeyFigure(
            _("Outside centres"),
            protected.column_totals[1],
            _change(protected.column_totals[1].value, before.outside if before else None),
        ),
    ]
    entities = [line for line in places.group_lines() if area_level(line.label) == "admin1"]
    nationalities = publication["presence_nationalities"]
    bands = publication["age_bands"]
    band_lines = [line for line in bands.lines() if line.label != "unknown"]

    def bar(item: Shown) -> charts.Bar:
        return charts.Bar("", item.value, shown_text(item))

    charts_svg = LazyCharts(
        nationalities=lambda: charts.bar_chart(
            _bars(nationalities),
            title=_("Nationalities"),
            description=_("Migrants present by nationality, in and outside centres"),
        ),
        pyramid=lambda: charts.pyramid(
            [line.name for line in band_lines],
            [bar(line.cells[0]) for line in band_lines],
            [bar(line.cells[1]) for line in band_lines],
            title=_("People in centres by sex and age"),
            description=_("Age pyramid of the people in reception centres"),
            male_label=_("male"),
            female_label=_("female"),
        ),
        trend=lambda: _trend_chart(trend, _("Migrants present, by round")),
        entities=lambda: charts.stacked_bars(
            [line.name for line in entities],
            [
                (_("in centres"), [bar(line.cells[0]) for line in entities]),
                (_("outside centres"), [bar(line.cells[1]) for line in entities]),
            ],
            title=_("Migrants present by entity"),
            description=_("In and outside reception centres, by entity"),
        ),
    )
    return {
        "round": round,
        "publication": publication,
        "key_figures": key_figures,
        "previous_round": before.round_number if before else None,
        "entities": entities,
        "municipalities": [
            line for line in places.group_lines() if area_level(line.label) == "admin2"
        ],
        "centres": [line for line in places.lines() if not line.label.startswith("outside:")],
        "nationalities": nationalities,
        "sex_age": publication["presence_sex_age"],
        "charts": charts_svg,
        "map": SimpleLazyObject(lambda: _protected_map(places)),
        "rules": rules_text(publication.rules_applied),
        "sensitive_rules": rules_text((), sensitive=True),
        "estimate": estimate_on(round.snapshot_date),
    }


def monthly_context(month: date, publication: Publication) -> dict:
    """Everything the monthly national overview shows, from protected tables only."""
    movements = publication["movements"]
    occupancy = publication["occupancy"]
    capacity = {centre.code: centre.capacity or 0 for centre in centres()}
    beds = sum(capacity.values())
    people = occupancy.protected.total
    available = beds - people.value if people.value is not None else None
    latest = latest_round_on(publication.reporting_date)
    round_part = presence_context(latest) if latest is not None else None
    returns_to_date = publication[RETURNS_YEAR_TO_DATE]
    return {
        "month": month,
        "publication": publication,
        "movements": movements,
        "occupancy": occupancy,
        "occupancy_lines": [(line, capacity.get(line.label, 0)) for line in occupancy.lines()],
        "beds": beds,
        "available": available,
        "people_in_centres": people,
        "returns": publication["returns"],
        "returns_to_date": returns_to_date,
        "flow": publication["flow"],
        "vulnerabilities": publication["vulnerabilities"],
        "latest_round": latest,
        "round": round_part,
        "charts": LazyCharts(
            returns=lambda: charts.bar_chart(
                _bars(returns_to_date, limit=10, column=1),
                title=_("Assisted voluntary returns this year, by country of return"),
                description=_("People who departed with AVRR since 1 January"),
            ),
        ),
        "rules": rules_text(publication.rules_applied),
        "sensitive_rules": rules_text((), sensitive=True),
        "estimate": estimate_on(month.replace(day=calendar.monthrange(month.year, month.month)[1])),
    }
