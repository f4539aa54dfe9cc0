"""``waypoint access_table``: the access contracts as one markdown table (app × work × roles).

Read from each app's ``access.ROLES``, so the documentation cannot drift from the code.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from django.core.management.base import BaseCommand

from waypoint.accounts.models import Role

APPS = (
    "accounts",
    "audit",
    "people",
    "reception",
    "protection",
    "returns",
    "portal",
    "linkage",
    "presence",
    "estimation",
    "privacy",
    "reports",
)


def access_table() -> str:
    """The markdown table: one row per app and kind of work, one column per role."""
    roles = list(Role)
    lines = [
        "| app | work | " + " | ".join(str(role.label) for role in roles) + " |",
        "|---|---|" + "---|" * len(roles),
    ]
    for app in APPS:
        contract: Any = import_module(f"waypoint.{app}.access")
        for work, holders in contract.ROLES.items():
            marks = ["✓" if role.value in holders else "" for role in roles]
            lines.append(f"| {app} | {work.value} | " + " | ".join(marks) + " |")
    return "\n".join(lines)


class Command(BaseCommand):
    help = "Print who may do what in each app (from the apps' access.py) as a markdown table."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(access_table())
