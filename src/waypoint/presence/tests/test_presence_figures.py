"""Presence figures of a round: inside centres from stays, outside from observations."""

from __future__ import annotations

from datetime import date

from waypoint.presence import queries
from waypoint.presence.models import Observation, Round, RoundStatus


def _observe(round_, location, total, men, **extra):
    return Observation.objects.create(
        round=round_,
        location=location,
        observed_on=round_.snapshot_date,
        migrants_observed=total,
        not_in_trc=total,
        adult_men=men,
        source="web",
        **extra,
    )


def test_inside_counts_the_stays_open_on_the_snapshot_date(residents, baseline):
    counts = queries.trc_presence_on(date(2026, 10, 31))
    by_centre: dict[str, int] = {}
    for row in counts:
        by_centre[row.site_code] = by_centre.get(row.site_code, 0) + row.count
    assert by_centre == {"TRC-LIP": 4, "TRC-USI": 1}
    groups = {(row.site_code, row.group): row.count for row in counts if row.group != "men"}
    assert groups == {("TRC-LIP", "boys"): 1, ("TRC-LIP", "women"): 1, ("TRC-USI", "girls"): 1}


def test_the_total_is_inside_plus_outside_by_area_and_nationality(residents, baseline, analyst):
    round_ = Round.objects.create(
        number=3, snapshot_date=date(2026, 10, 31), status=RoundStatus.IN_REVIEW
    )
    _observe(round_, baseline["BIH-1"], 30, 30, nationalities={"AFG": 20, "MAR": 5})
    _observe(round_, baseline["SA-1"], 12, 10, girls=2, nationalities={"PAK": 12})

    figures = queries.round_report(analyst, round_).figures

    assert (figures.totals.inside, figures.totals.outside, figures.totals.total) == (5, 42, 47)
    assert figures.by_entity["BA01"].total == 47
    assert figures.by_canton["BA0101"].inside == 4 and figures.by_canton["BA0101"].outside == 30
    assert figures.by_municipality["BA0109006"].outside == 12
    assert figures.by_nationality["AFG"].total == 3 + 20
    assert figures.by_nationality["XXX"].outside == 5  # 30 observed, 25 declared
    assert figures.by_sex_age["girls"].total == 1 + 2
    assert sum(split.total for split in figures.by_sex_age.values()) == 47


def test_change_is_against_the_previous_published_round(baseline, analyst):
    before = Round.objects.create(
        number=1, snapshot_date=date(2026, 9, 30), status=RoundStatus.PUBLISHED
    )
    Round.objects.create(number=2, snapshot_date=date(2026, 10, 15), status=RoundStatus.DRAFT)
    now = Round.objects.create(
        number=3, snapshot_date=date(2026, 10, 31), status=RoundStatus.IN_REVIEW
    )
    _observe(before, baseline["BIH-1"], 20, 20)
    _observe(now, baseline["BIH-1"], 25, 25)

    report = queries.round_report(analyst, now)

    assert report.previous == before
    assert report.previous_figures is not None
    assert report.previous_figures.totals.outside == 20


def test_partners_read_no_exact_round_figures(baseline, partner, personas):
    Round.objects.create(number=1, snapshot_date=date(2026, 9, 30), status=RoundStatus.PUBLISHED)
    Round.objects.create(number=2, snapshot_date=date(2026, 10, 31), status=RoundStatus.IN_REVIEW)
    assert list(queries.rounds_visible_to(partner)) == []
    manager = personas["manager.lipa"]
    assert [r.number for r in queries.rounds_visible_to(manager)] == [1]
