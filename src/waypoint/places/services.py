"""Writes to places: loading the reference areas and sites from the files in ``data/``.

Areas and sites are reference data, not personal data, so loading them records no audit
event.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from django.db import models, transaction

from waypoint.places.datafiles import DATA_DIR, PlacesData, PlacesDataError, read_places_data
from waypoint.places.models import Area, AreaLevel, Site

__all__ = ["DATA_DIR", "LoadReport", "PlacesDataError", "places_load"]


@dataclass(frozen=True)
class LoadReport:
    """How many rows of each kind the files hold, and how many of them changed the database."""

    countries: int
    entities: int
    cantons: int
    municipalities: int
    sites: int
    created: int
    updated: int

    def summary(self) -> str:
        return (
            f"loaded {_count(self.countries, 'country', 'countries')}, "
            f"{_count(self.entities, 'entity', 'entities')}, "
            f"{_count(self.cantons, 'canton', 'cantons')}, "
            f"{_count(self.municipalities, 'municipality', 'municipalities')}, "
            f"{_count(self.sites, 'site', 'sites')}"
        )


M = TypeVar("M", bound=models.Model)


def _count(number: int, singular: str, plural: str) -> str:
    return f"{number} {singular if number == 1 else plural}"


def places_load(*, data_dir: Path | None = None) -> LoadReport:
    """Create or update every area and site in the data files, all or nothing.

    Rows are matched by code, so loading the same files again changes nothing, and areas
    or sites that other records point to keep their identity. Rows in the database that
    the files no longer mention are left alone (other records may refer to them).
    Raises ``PlacesDataError`` naming the file, row and column of the first problem; in
    that case nothing is written.
    """
    data = read_places_data(Path(data_dir) if data_dir is not None else DATA_DIR)
    with transaction.atomic():
        created, updated = _write(data)
    levels = [area.level for area in data.areas]
    return LoadReport(
        countries=levels.count(AreaLevel.COUNTRY),
        entities=levels.count(AreaLevel.ENTITY),
        cantons=levels.count(AreaLevel.CANTON),
        municipalities=levels.count(AreaLevel.MUNICIPALITY),
        sites=len(data.sites),
        created=created,
        updated=updated,
    )


def _write(data: PlacesData) -> tuple[int, int]:
    created = updated = 0
    existing_areas = {area.code: area for area in Area.objects.all()}
    for row in data.areas:  # parents come before their children
        parent = existing_areas[row.parent_code] if row.parent_code else None
        area, change = _upsert(
            existing_areas.get(row.code),
            Area,
            code=row.code,
            values={
                "name": row.name,
                "level": int(row.level),
                "parent_id": parent.pk if parent else None,
                "path": data.paths[row.code],
                "population_2013": row.population_2013,
                "boundary_svg": data.boundaries.get(row.code, ""),
            },
        )
        existing_areas[row.code] = area
        created += change == "created"
        updated += change == "updated"
    existing_sites = {site.code: site for site in Site.objects.all()}
    for site_row in data.sites:
        _site, change = _upsert(
            existing_sites.get(site_row.code),
            Site,
            code=site_row.code,
            values={
                "name": site_row.name,
                "kind": site_row.kind,
                "municipality_id": existing_areas[site_row.municipality_code].pk,
                "latitude": site_row.latitude,
                "longitude": site_row.longitude,
                "capacity": site_row.capacity,
                "population_profile": site_row.population_profile,
                "operator": site_row.operator,
                "is_open": site_row.is_open,
                "registration_prefix": site_row.registration_prefix,
            },
        )
        created += change == "created"
        updated += change == "updated"
    return created, updated


def _upsert(
    instance: M | None, model: type[M], *, code: str, values: dict[str, Any]
) -> tuple[M, str]:
    if instance is None:
        return model._default_manager.create(code=code, **values), "created"
    changed = [name for name, value in values.items() if getattr(instance, name) != value]
    if not changed:
        return instance, "unchanged"
    for name in changed:
        setattr(instance, name, values[name])
    instance.save(update_fields=changed)
    return instance, "updated"
