"""The published tables, defined once: what each counts, its sensitivity, its HXL tags,
and a pure builder from plain rows to a ``disclosure.Table``.

No public figure is queried ad hoc: pages, exports, the API and the PDF all publish these
tables, and only after ``disclosure.protect``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from waypoint.places.names import area_name
from waypoint.presence.figures import UNKNOWN_NATIONALITY, AreaInfo, CentreCount, RoundFigures
from waypoint.reports.disclosure import Table
from waypoint.reports.sources import AGE_BANDS, CentreInfo, band_label

TOP_NATIONALITIES = 10
OTHER = "other"


@dataclass(frozen=True)
class Column:
    key: str
    title: Promise
    hxl: str


NATIONAL = _("national")


@dataclass(frozen=True)
class TableSpec:
    key: str
    title: Promise
    description: Promise
    rows_title: Promise
    row_hxl: str
    columns: tuple[Column, ...]
    sensitive: bool = False
    level: Promise = NATIONAL
    additive: bool = True  # whether a row's columns add up to a meaningful total


@dataclass
class Built:
    """A table with the display names of its rows and groups (labels are codes)."""

    spec: TableSpec
    table: Table
    names: dict[str, str] = field(default_factory=dict)


IN_OUT = (
    Column("inside", _("in centres"), "#affected+migrants+in_trc"),
    Column("outside", _("outside centres"), "#affected+migrants+outside_trc"),
)
SEX_AGE = (
    Column("men", _("men"), "#affected+m+adults"),
    Column("women", _("women"), "#affected+f+adults"),
    Column("boys", _("boys (0–17)"), "#affected+m+children"),
    Column("girls", _("girls (0–17)"), "#affected+f+children"),
    Column("unknown", _("sex or age not known"), "#affected+unknown"),
)

PRESENCE_PLACES = TableSpec(
    "presence_places",
    _("Migrants present by place"),
    _(
        "People in each reception centre at the end of the snapshot date and people "
        "observed outside centres in each municipality, with municipality, canton and "
        "entity subtotals."
    ),
    _("Place"),
    "#loc+code",
    IN_OUT,
    level=_("centre and municipality"),
)
PRESENCE_NATIONALITIES = TableSpec(
    "presence_nationalities",
    _("Migrants present by nationality"),
    _("The ten most frequent nationalities; the others together as 'other'."),
    _("Nationality"),
    "#country+code",
    IN_OUT,
)
PRESENCE_SEX_AGE = TableSpec(
    "presence_sex_age",
    _("Migrants present by sex and age"),
    _("Adults are 18 or older on the snapshot date."),
    _("Group"),
    "#group",
    IN_OUT,
)
CENTRE_SEX_AGE = TableSpec(
    "centre_sex_age",
    _("People in centres by sex and age"),
    _("Per centre, adults (18 or older) and children (0–17) by sex."),
    _("Centre"),
    "#loc+code",
    SEX_AGE,
    level=_("centre"),
)
AGE_BANDS_TABLE = TableSpec(
    "age_bands",
    _("People in centres by age band and sex"),
    _(
        "Age on the snapshot date, people whose sex and date of birth are known; with "
        "children (0–17) and adults (18 and over). Finer bands are published for the whole "
        "country only."
    ),
    _("Age band"),
    "#age",
    (Column("M", _("male"), "#affected+m"), Column("F", _("female"), "#affected+f")),
)
CHILDREN, ADULTS = "children", "adults"
MOVEMENTS = TableSpec(
    "movements",
    _("Arrivals, transfers and exits per centre"),
    _(
        "Admissions during the month (arrivals from outside, transfers from another "
        "centre) and exits (other than transfers) during the month."
    ),
    _("Centre"),
    "#loc+code",
    (
        Column("arrivals", _("arrivals"), "#affected+arrived"),
        Column("transfers", _("transfers in"), "#affected+transferred"),
        Column("exits", _("exits"), "#affected+departed"),
    ),
    level=_("centre"),
    additive=False,
)
OCCUPANCY = TableSpec(
    "occupancy",
    _("People in centres at the end of the month"),
    _("Unique people staying in each centre at the end of the last day of the month."),
    _("Centre"),
    "#loc+code",
    (Column("people", _("people"), "#affected+migrants+in_trc"),),
    level=_("centre"),
)
RETURNS = TableSpec(
    "returns",
    _("Assisted voluntary return by country of return"),
    _(
        "People in AVRR applications made and people who departed during the period, by "
        "country of return. Sensitive: published for the whole country only."
    ),
    _("Country of return"),
    "#country+code",
    (
        Column("applications", _("applications (people)"), "#affected+applied"),
        Column("departures", _("departures (people)"), "#affected+returned"),
    ),
    sensitive=True,
    additive=False,
)
FLOW = TableSpec(
    "flow",
    _("People counted at flow monitoring points"),
    _("Groups counted during the month at each point, by direction of movement."),
    _("Flow monitoring point"),
    "#loc+code",
    (
        Column("in", _("arriving in BiH"), "#affected+incoming"),
        Column("out", _("leaving BiH"), "#affected+outgoing"),
        Column("internal", _("moving within BiH"), "#affected+internal"),
        Column("unknown", _("direction not recorded"), "#affected+unknown"),
    ),
    level=_("flow monitoring point"),
)
VULNERABILITIES = TableSpec(
    "vulnerabilities",
    _("People screened by vulnerability category"),
    _(
        "People screened during the month, by category flagged; a person can be in "
        "several categories, so the categories do not add up to the people screened. "
        "Sensitive: published for the whole country only."
    ),
    _("Category"),
    "#group+vulnerability",
    (Column("people", _("people"), "#affected+vulnerable"),),
    sensitive=True,
)

ROUND_TABLES = (PRESENCE_PLACES, PRESENCE_NATIONALITIES, PRESENCE_SEX_AGE, CENTRE_SEX_AGE)
ROUND_TABLES_WITH_BANDS = (*ROUND_TABLES, AGE_BANDS_TABLE)
MONTH_TABLES = (MOVEMENTS, OCCUPANCY, RETURNS, FLOW, VULNERABILITIES)
ALL_TABLES = {spec.key: spec for spec in (*ROUND_TABLES_WITH_BANDS, *MONTH_TABLES)}


def _table(spec: TableSpec, rows: Sequence[str], values: Mapping[str, Mapping[str, int]], **kw):  # type: ignore[no-untyped-def]
    return Table(
        name=spec.key,
        row_labels=tuple(rows),
        column_labels=tuple(column.key for column in spec.columns),
        cells=tuple(
            tuple(int(values.get(row, {}).get(column.key, 0)) for column in spec.columns)
            for row in rows
        ),
        **kw,
    )


def presence_places(
    centre_counts: Sequence[CentreCount],
    figures: RoundFigures,
    areas: Mapping[str, AreaInfo],
) -> Built:
    """Rows: each centre with people, then each municipality's people outside centres.
    Groups: municipality, canton and entity subtotals (all published, all protected)."""
    values: dict[str, dict[str, int]] = {}
    names: dict[str, str] = {}
    municipality_of: dict[str, str] = {}
    for place in figures.by_centre:
        values[place.code] = {"inside": place.count, "outside": 0}
        names[place.code] = place.name
        municipality_of[place.code] = place.municipality_code
    outside: dict[str, int] = {}
    for place in figures.by_location:
        outside[place.municipality_code] = outside.get(place.municipality_code, 0) + place.count
    for municipality, count in sorted(outside.items()):
        label = f"outside:{municipality}"
        values[label] = {"inside": 0, "outside": count}
        area = areas.get(municipality)
        names[label] = str(
            _("%(place)s, outside centres") % {"place": area.name if area else municipality}
        )
        municipality_of[label] = municipality
    rows = sorted(
        values, key=lambda label: (municipality_of[label], label.startswith("outside:"), label)
    )
    groups: dict[str, list[int]] = {}
    for index, label in enumerate(rows):
        municipality = municipality_of[label]
        area = areas.get(municipality)
        keys = [municipality]
        if area is not None:
            keys += [code for code in (area.canton_code, area.entity_code) if code]
        for key in keys:
            groups.setdefault(key, []).append(index)
            info = areas.get(key)
            names.setdefault(key, area_name(key, info.name if info else key))
    row_groups = tuple((key, tuple(indexes)) for key, indexes in sorted(groups.items()))
    return Built(
        PRESENCE_PLACES, _table(PRESENCE_PLACES, rows, values, row_groups=row_groups), names
    )


def presence_nationalities(figures: RoundFigures, country_name) -> Built:  # type: ignore[no-untyped-def]
    """The top nationalities by people present; the rest (unknown included) as other."""
    ranked = [code for code in figures.by_nationality if code != UNKNOWN_NATIONALITY]
    top = ranked[:TOP_NATIONALITIES]
    values: dict[str, dict[str, int]] = {code: {"inside": 0, "outside": 0} for code in top}
    other = {"inside": 0, "outside": 0}
    for code, split in figures.by_nationality.items():
        target = values.get(code, other)
        target["inside"] += split.inside
        target["outside"] += split.outside
    rows = list(top)
    if other["inside"] or other["outside"]:
        values[OTHER] = other
        rows.append(OTHER)
    names = {code: country_name(code) for code in top}
    names[OTHER] = str(_("other or not known"))
    return Built(PRESENCE_NATIONALITIES, _table(PRESENCE_NATIONALITIES, rows, values), names)


def presence_sex_age(figures: RoundFigures) -> Built:
    rows = [column.key for column in SEX_AGE]
    values = {
        group: {"inside": split.inside, "outside": split.outside}
        for group, split in figures.by_sex_age.items()
    }
    names = {column.key: str(column.title) for column in SEX_AGE}
    return Built(PRESENCE_SEX_AGE, _table(PRESENCE_SEX_AGE, rows, values), names)


def centre_sex_age(centre_counts: Sequence[CentreCount], figures: RoundFigures) -> Built:
    values: dict[str, dict[str, int]] = {}
    for row in centre_counts:
        entry = values.setdefault(row.site_code, {})
        entry[row.group] = entry.get(row.group, 0) + row.count
    names = {place.code: place.name for place in figures.by_centre}
    rows = sorted(values)
    return Built(CENTRE_SEX_AGE, _table(CENTRE_SEX_AGE, rows, values), names)


def age_bands(counts: Mapping[tuple[str, str], int]) -> Built:
    """Bands × male/female, with the children and adults groups that equal the boys, girls,
    men and women in centres of the other tables (linked figures)."""
    rows = [band_label(band) for band in AGE_BANDS]
    values: dict[str, dict[str, int]] = {}
    for (band, sex), count in counts.items():
        if band in rows and sex in ("M", "F"):
            values.setdefault(band, {})[sex] = values.get(band, {}).get(sex, 0) + count
    children = tuple(index for index, band in enumerate(AGE_BANDS) if band[0] < 18)
    adults = tuple(index for index, band in enumerate(AGE_BANDS) if band[0] >= 18)
    names = {label: label for label in rows}
    names[CHILDREN], names[ADULTS] = str(_("children (0–17)")), str(_("adults (18+)"))
    table = _table(
        AGE_BANDS_TABLE, rows, values, row_groups=((CHILDREN, children), (ADULTS, adults))
    )
    return Built(AGE_BANDS_TABLE, table, names)


def movements(rows: Mapping[str, Mapping[str, int]], centres: Sequence[CentreInfo]) -> Built:
    codes = [centre.code for centre in centres if centre.code in rows]
    names = {centre.code: centre.name for centre in centres}
    return Built(MOVEMENTS, _table(MOVEMENTS, codes, rows), names)


def occupancy(counts: Mapping[str, int], centres: Sequence[CentreInfo]) -> Built:
    codes = [centre.code for centre in centres]
    values = {code: {"people": counts.get(code, 0)} for code in codes}
    names = {centre.code: centre.name for centre in centres}
    return Built(OCCUPANCY, _table(OCCUPANCY, codes, values), names)


def returns(rows: Mapping[str, Mapping[str, int]], country_name) -> Built:  # type: ignore[no-untyped-def]
    codes = sorted(rows, key=lambda code: (-sum(rows[code].values()), code))
    names = {code: country_name(code) for code in codes}
    return Built(RETURNS, _table(RETURNS, codes, rows), names)


def flow(rows: Mapping[str, Mapping[str, int]], point_names: Mapping[str, str]) -> Built:
    codes = sorted(rows)
    names = {code: point_names.get(code, code) for code in codes}
    return Built(FLOW, _table(FLOW, codes, rows), names)


def vulnerabilities(counts: Mapping[str, int], category_label) -> Built:  # type: ignore[no-untyped-def]
    codes = sorted(counts, key=lambda code: (-counts[code], code))
    values = {code: {"people": counts[code]} for code in codes}
    names = {code: category_label(code) for code in codes}
    return Built(VULNERABILITIES, _table(VULNERABILITIES, codes, values), names)
