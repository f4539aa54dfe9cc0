"""Read and check the places reference files, without touching the database.

``areas.csv``, ``sites.csv`` and the boundary TopoJSON are read completely and checked
against each other before ``services.places_load`` writes anything, so a mistake in any
file is reported with its file, row and column and nothing is half-loaded.

Rows are counted as a spreadsheet shows them: the header is row 1, the first data row is
row 2.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, TypeVar

from waypoint.places import geometry
from waypoint.places.models import AreaLevel, PopulationProfile, SiteKind

DATA_DIR = Path(__file__).resolve().parent / "data"
AREAS_FILE = "areas.csv"
SITES_FILE = "sites.csv"
BOUNDARIES_FILE = "bih-municipalities.topojson"
BOUNDARIES_OBJECT = "municipalities"

AREA_COLUMNS = ("code", "name", "level", "parent_code", "population_2013", "source_name")
SITE_COLUMNS = (
    "code",
    "name",
    "kind",
    "municipality_code",
    "latitude",
    "longitude",
    "capacity",
    "population_profile",
    "operator",
    "is_open",
    "registration_prefix",
)
LEVELS = {
    "country": AreaLevel.COUNTRY,
    "entity": AreaLevel.ENTITY,
    "canton": AreaLevel.CANTON,
    "municipality": AreaLevel.MUNICIPALITY,
}
# Which levels may be the parent of each level, and how many digits a child adds to the
# parent's code (BA -> BA01 -> BA0101 -> BA0101001; RS municipalities: BA02 -> BA02001).
PARENT_LEVELS = {
    AreaLevel.COUNTRY: (),
    AreaLevel.ENTITY: (AreaLevel.COUNTRY,),
    AreaLevel.CANTON: (AreaLevel.ENTITY,),
    AreaLevel.MUNICIPALITY: (AreaLevel.CANTON, AreaLevel.ENTITY),
}
CODE_DIGITS = {AreaLevel.ENTITY: 2, AreaLevel.CANTON: 2, AreaLevel.MUNICIPALITY: 3}
TRUE_WORDS = {"true", "yes", "1"}
FALSE_WORDS = {"false", "no", "0"}


class PlacesDataError(ValueError):
    """A places data file is missing or wrong; the message names the file, row and column."""


@dataclass(frozen=True)
class AreaRow:
    row: int
    code: str
    name: str
    level: AreaLevel
    parent_code: str
    population_2013: int | None
    source_name: str


@dataclass(frozen=True)
class SiteRow:
    row: int
    code: str
    name: str
    kind: str
    municipality_code: str
    latitude: Decimal
    longitude: Decimal
    capacity: int | None
    population_profile: str
    operator: str
    is_open: bool
    registration_prefix: str


@dataclass(frozen=True)
class PlacesData:
    """Everything one load writes: areas parents first, their outlines, then sites."""

    areas: list[AreaRow]
    paths: dict[str, str]  # area code -> "BA/BA01/BA0101/..."
    boundaries: dict[str, str]  # area code -> SVG path in the map plane
    sites: list[SiteRow]


def read_places_data(directory: Path) -> PlacesData:
    """Read and cross-check the three files in ``directory``; raise ``PlacesDataError``."""
    if not directory.is_dir():
        raise PlacesDataError(f"{directory}: no such data directory")
    areas = read_areas(directory / AREAS_FILE)
    paths = area_paths(areas, directory / AREAS_FILE)
    topology = read_topology(directory / BOUNDARIES_FILE)
    boundaries = area_boundaries(areas, paths, topology, directory)
    sites = read_sites(directory / SITES_FILE, areas)
    return PlacesData(areas=areas, paths=paths, boundaries=boundaries, sites=sites)


# --- CSV plumbing -------------------------------------------------------------------------

T = TypeVar("T")


class _Cells:
    """One CSV row; every problem it reports names the file, the row and the column."""

    def __init__(self, path: Path, row: int, values: dict[str, str]) -> None:
        self.path, self.row, self.values = path, row, values

    def error(self, column: str, problem: str) -> PlacesDataError:
        return PlacesDataError(f"{self.path} row {self.row}, column {column}: {problem}")

    def text(self, column: str, *, required: bool = True, max_length: int = 120) -> str:
        value = self.values[column].strip()
        if required and not value:
            raise self.error(column, "a value is required")
        if len(value) > max_length:
            raise self.error(column, f"longer than {max_length} characters")
        return value

    def parsed(self, column: str, parse: Callable[[str], T], expected: str) -> T | None:
        value = self.values[column].strip()
        if not value:
            return None
        try:
            return parse(value)
        except (ValueError, InvalidOperation):
            raise self.error(column, f"{value!r} is not {expected}") from None

    def choice(self, column: str, choices: Sequence[str], *, required: bool = True) -> str:
        value = self.text(column, required=required)
        if value and value not in choices:
            raise self.error(column, f"{value!r} is not one of {', '.join(choices)}")
        return value


def _csv_rows(path: Path, columns: Sequence[str]) -> Iterator[_Cells]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise PlacesDataError(f"{path}: file not found") from None
    except UnicodeDecodeError:
        raise PlacesDataError(f"{path}: not UTF-8 text") from None
    except OSError as error:
        raise PlacesDataError(f"{path}: cannot be read ({error.strerror})") from None
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    try:
        header = reader.fieldnames or []
        for column in columns:
            if column not in header:
                raise PlacesDataError(f"{path} row 1: missing column {column!r}")
        for values in reader:
            row = reader.line_num
            if None in values:
                raise PlacesDataError(f"{path} row {row}: more values than columns")
            missing = [column for column in columns if values[column] is None]
            if missing:
                raise PlacesDataError(
                    f"{path} row {row}, column {missing[0]}: missing value (too few columns)"
                )
            yield _Cells(path, row, values)
    except csv.Error as error:
        raise PlacesDataError(f"{path} row {reader.line_num}: {error}") from None


def _non_negative_int(value: str) -> int:
    number = int(value)
    if number < 0:
        raise ValueError(value)
    return number


def _coordinate(limit: int) -> Callable[[str], Decimal]:
    def parse(value: str) -> Decimal:
        number = Decimal(value)
        exponent = number.as_tuple().exponent
        if not number.is_finite() or abs(number) > limit:
            raise ValueError(value)
        if isinstance(exponent, int) and exponent < -5:
            raise ValueError(value)
        return number

    return parse


def _boolean(value: str) -> bool:
    word = value.lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError(value)


# --- areas --------------------------------------------------------------------------------


def read_areas(path: Path) -> list[AreaRow]:
    """The areas, checked one by one and as a hierarchy, parents before children."""
    rows: list[AreaRow] = []
    seen: dict[str, _Cells] = {}
    cells_by_code: dict[str, _Cells] = {}
    for cells in _csv_rows(path, AREA_COLUMNS):
        code = cells.text("code", max_length=16)
        if code in seen:
            raise cells.error("code", f"{code!r} already appears in row {seen[code].row}")
        seen[code] = cells_by_code[code] = cells
        level = LEVELS.get(cells.text("level"))
        if level is None:
            raise cells.error(
                "level", f"{cells.values['level'].strip()!r} is not one of " + ", ".join(LEVELS)
            )
        source_name = cells.text("source_name", required=level == AreaLevel.MUNICIPALITY)
        rows.append(
            AreaRow(
                row=cells.row,
                code=code,
                name=cells.text("name"),
                level=level,
                parent_code=cells.text(
                    "parent_code", required=level != AreaLevel.COUNTRY, max_length=16
                ),
                population_2013=cells.parsed(
                    "population_2013", _non_negative_int, "a whole number of people"
                ),
                source_name=source_name,
            )
        )
    if not rows:
        raise PlacesDataError(f"{path}: no areas")
    _check_hierarchy(rows, cells_by_code)
    return sorted(rows, key=lambda area: (area.level, area.row))


def _check_hierarchy(rows: list[AreaRow], cells_by_code: dict[str, _Cells]) -> None:
    by_code = {area.code: area for area in rows}
    for area in rows:
        cells = cells_by_code[area.code]
        if area.level == AreaLevel.COUNTRY:
            if area.parent_code:
                raise cells.error("parent_code", "a country has no parent")
            if not re.fullmatch(r"[A-Z]{2}", area.code):
                raise cells.error("code", "a country code is two capital letters, e.g. BA")
            continue
        parent = by_code.get(area.parent_code)
        if parent is None:
            raise cells.error("parent_code", f"no area has the code {area.parent_code!r}")
        if parent.level not in PARENT_LEVELS[area.level]:
            raise cells.error(
                "parent_code",
                f"a {area.level.label.lower()} cannot be inside "
                f"a {parent.level.label.lower()} ({parent.code})",
            )
        digits = CODE_DIGITS[area.level]
        if not re.fullmatch(rf"{re.escape(parent.code)}[0-9]{{{digits}}}", area.code):
            raise cells.error(
                "code", f"expected the parent's code {parent.code} followed by {digits} digits"
            )


def area_paths(areas: list[AreaRow], path: Path) -> dict[str, str]:
    """Each area's codes from the country down, joined by "/" (parents are read first)."""
    paths: dict[str, str] = {}
    for area in areas:
        parent_path = paths.get(area.parent_code)
        paths[area.code] = f"{parent_path}/{area.code}" if parent_path else area.code
        if len(paths[area.code]) > 80:
            raise PlacesDataError(f"{path} row {area.row}: the area nests too deeply")
    return paths


# --- boundaries ---------------------------------------------------------------------------


def read_topology(path: Path) -> dict[str, Any]:
    try:
        with path.open(encoding="utf-8") as handle:
            topology = json.load(handle)
    except FileNotFoundError:
        raise PlacesDataError(f"{path}: file not found") from None
    except UnicodeDecodeError:
        raise PlacesDataError(f"{path}: not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise PlacesDataError(
            f"{path}: not valid JSON (line {error.lineno}, column {error.colno})"
        ) from None
    if not isinstance(topology, dict) or topology.get("type") != "Topology":
        raise PlacesDataError(f"{path}: not a TopoJSON topology")
    return topology


def area_boundaries(
    areas: list[AreaRow], paths: dict[str, str], topology: dict[str, Any], directory: Path
) -> dict[str, str]:
    """SVG outlines: each municipality's own shape, and each larger area's outer border.

    Every feature of the boundary file must belong to exactly one municipality row, so a
    renamed or missing municipality is caught here rather than left off the map.
    """
    topology_path = directory / BOUNDARIES_FILE
    try:
        features = geometry.named_geometries(topology, BOUNDARIES_OBJECT)
        projected = geometry.ProjectedTopology.from_topology(topology)
    except (geometry.TopologyError, KeyError, TypeError, ValueError, IndexError) as error:
        raise PlacesDataError(f"{topology_path}: {error}") from None
    municipalities = [area for area in areas if area.level == AreaLevel.MUNICIPALITY]
    claimed: dict[str, AreaRow] = {}
    for area in municipalities:
        if area.source_name not in features:
            raise PlacesDataError(
                f"{directory / AREAS_FILE} row {area.row}, column source_name: "
                f"{BOUNDARIES_FILE} has no feature named {area.source_name!r}"
            )
        if area.source_name in claimed:
            raise PlacesDataError(
                f"{directory / AREAS_FILE} row {area.row}, column source_name: "
                f"{area.source_name!r} is already used by row {claimed[area.source_name].row}"
            )
        claimed[area.source_name] = area
    unclaimed = sorted(set(features) - set(claimed))
    if unclaimed:
        raise PlacesDataError(
            f"{topology_path}: feature {unclaimed[0]!r} has no municipality row in {AREAS_FILE}"
            + (f" (and {len(unclaimed) - 1} more)" if len(unclaimed) > 1 else "")
        )
    try:
        boundaries = {
            area.code: projected.area_path(features[area.source_name]) for area in municipalities
        }
        for area in areas:
            if area.level == AreaLevel.MUNICIPALITY:
                continue
            prefix = paths[area.code] + "/"
            members = [
                features[m.source_name] for m in municipalities if paths[m.code].startswith(prefix)
            ]
            boundaries[area.code] = projected.outline_path(members) if members else ""
    except (KeyError, TypeError, ValueError, IndexError) as error:
        raise PlacesDataError(f"{topology_path}: broken geometry ({error})") from None
    return boundaries


# --- sites --------------------------------------------------------------------------------


def read_sites(path: Path, areas: list[AreaRow]) -> list[SiteRow]:
    municipality_codes = {area.code for area in areas if area.level == AreaLevel.MUNICIPALITY}
    rows: list[SiteRow] = []
    codes: dict[str, int] = {}
    prefixes: dict[str, int] = {}
    for cells in _csv_rows(path, SITE_COLUMNS):
        code = cells.text("code", max_length=24)
        if code in codes:
            raise cells.error("code", f"{code!r} already appears in row {codes[code]}")
        codes[code] = cells.row
        municipality_code = cells.text("municipality_code", max_length=16)
        if municipality_code not in municipality_codes:
            raise cells.error(
                "municipality_code", f"{municipality_code!r} is not a municipality in {AREAS_FILE}"
            )
        prefix = cells.text("registration_prefix", required=False, max_length=3)
        if prefix and not re.fullmatch(r"[A-Z]{3}", prefix):
            raise cells.error("registration_prefix", "three capital letters, e.g. LIP")
        if prefix in prefixes:
            raise cells.error(
                "registration_prefix", f"{prefix!r} is already used in row {prefixes[prefix]}"
            )
        if prefix:
            prefixes[prefix] = cells.row
        latitude = cells.parsed(
            "latitude", _coordinate(90), "a latitude in degrees (at most 5 decimal places)"
        )
        longitude = cells.parsed(
            "longitude", _coordinate(180), "a longitude in degrees (at most 5 decimal places)"
        )
        if latitude is None:
            raise cells.error("latitude", "a value is required")
        if longitude is None:
            raise cells.error("longitude", "a value is required")
        is_open = cells.parsed("is_open", _boolean, "true or false")
        rows.append(
            SiteRow(
                row=cells.row,
                code=code,
                name=cells.text("name"),
                kind=cells.choice("kind", SiteKind.values),
                municipality_code=municipality_code,
                latitude=latitude,
                longitude=longitude,
                capacity=cells.parsed("capacity", _non_negative_int, "a whole number of beds"),
                population_profile=cells.choice(
                    "population_profile", PopulationProfile.values, required=False
                ),
                operator=cells.text("operator", required=False),
                is_open=True if is_open is None else is_open,
                registration_prefix=prefix,
            )
        )
    return rows
