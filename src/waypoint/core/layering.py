"""The layers of Waypoint's apps, and a check that every import points to the left.

An app imports only from apps in layers to its left; apps in one layer do not import each
other (so no cycle between apps is possible). Tests and migrations are exempt. The order is
ARCHITECTURE.md's, with ``collect`` (the form library) after ``accounts`` and ``privacy``
after ``estimation``. ``core/tests/test_layering.py`` runs the check over ``src/waypoint``.
"""

from __future__ import annotations

import ast
from pathlib import Path

LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"core"}),
    frozenset({"audit"}),
    frozenset({"places"}),
    frozenset({"accounts"}),
    frozenset({"collect"}),
    frozenset({"people"}),
    frozenset({"linkage"}),
    frozenset({"reception"}),
    frozenset({"protection", "presence", "returns"}),
    frozenset({"estimation"}),
    frozenset({"privacy"}),
    frozenset({"reports"}),
    frozenset({"portal", "demo"}),
)
PACKAGE = "waypoint"


def _layer_of(layers: tuple[frozenset[str], ...]) -> dict[str, int]:
    return {app: index for index, apps in enumerate(layers) for app in apps}


def _imported(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every absolute import in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
    return found


def layering_breaks(
    root: Path, layers: tuple[frozenset[str], ...] = LAYERS, package: str = PACKAGE
) -> list[str]:
    """Every import under ``root`` (the ``package`` directory) from an app to an app in its
    own layer or to its right, as "path:line: app imports other"; an app not in ``layers``
    is a break of its own."""
    layer = _layer_of(layers)
    breaks: list[str] = []
    for app_dir in sorted(path for path in root.iterdir() if (path / "apps.py").exists()):
        app = app_dir.name
        if app not in layer:
            breaks.append(f"{app_dir}: the app {app} has no layer in core.layering.LAYERS")
            continue
        for path in sorted(app_dir.rglob("*.py")):
            relative = path.relative_to(app_dir).parts
            if relative[0] in {"tests", "migrations"}:
                continue
            for line, module in _imported(path):
                parts = module.split(".")
                if len(parts) < 2 or parts[0] != package or parts[1] == app:
                    continue
                other = parts[1]
                if other in layer and layer[other] >= layer[app]:
                    breaks.append(f"{path}:{line}: {app} imports {other}")
    return breaks
