"""Apps import only to their left (``core.layering``): checked over the whole source, and
shown to catch a deliberate import to the right."""

from __future__ import annotations

from pathlib import Path

from waypoint.core.layering import LAYERS, layering_breaks

SOURCE = Path(__file__).resolve().parents[2]


def test_no_app_imports_one_to_its_right_or_beside_it():
    assert layering_breaks(SOURCE) == []


def test_every_app_has_a_layer():
    apps = {path.name for path in SOURCE.iterdir() if (path / "apps.py").exists()}
    assert apps == set().union(*LAYERS)


def _app(root: Path, name: str, source: str = "") -> None:
    (root / name).mkdir()
    (root / name / "apps.py").write_text("")
    (root / name / "services.py").write_text(source)


def test_a_deliberate_import_to_the_right_is_caught(tmp_path):
    layers = (frozenset({"left"}), frozenset({"middle", "beside"}), frozenset({"right"}))
    _app(tmp_path, "left", "from waypoint.right.queries import everything\n")
    _app(tmp_path, "middle", "from waypoint.left import services\nimport waypoint.beside.x\n")
    _app(tmp_path, "beside")
    _app(tmp_path, "right", "from waypoint.middle.services import a  # to the left: fine\n")
    (tmp_path / "left" / "tests").mkdir()
    (tmp_path / "left" / "tests" / "test_x.py").write_text("from waypoint.right import y\n")
    _app(tmp_path, "stray")
    assert layering_breaks(tmp_path, layers) == [
        f"{tmp_path / 'left' / 'services.py'}:1: left imports right",
        f"{tmp_path / 'middle' / 'services.py'}:2: middle imports beside",
        f"{tmp_path / 'stray'}: the app stray has no layer in core.layering.LAYERS",
    ]
