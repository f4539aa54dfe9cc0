from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from django.test import Client

from waypoint.places.models import Area, AreaLevel, Site
from waypoint.places.services import DATA_DIR, LoadReport, places_load


@pytest.fixture
def no_places(db: None) -> None:
    """An empty places table for this test (the session starts with the shipped data loaded;
    the test's transaction brings it back afterwards)."""
    Site.objects.all().delete()
    for level in sorted(AreaLevel.values, reverse=True):  # parents are protected: leaves first
        Area.objects.filter(level=level).delete()


@pytest.fixture
def loaded_places(no_places: None) -> LoadReport:
    """The shipped areas and sites, loaded into an empty test database by this test."""
    return places_load()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped data files, for tests that break one of them."""
    directory = tmp_path / "data"
    directory.mkdir()
    for name in ("areas.csv", "sites.csv", "bih-municipalities.topojson"):
        shutil.copy(DATA_DIR / name, directory / name)
    return directory


@pytest.fixture
def signed_in_client(client: Client, django_user_model: type) -> Client:
    user = django_user_model.objects.create_user(
        email="analyst@example.org", password="a long test password", full_name="Ana Analyst"
    )
    client.force_login(user)
    return client


def replace_in_file(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
