"""The ``waypoint`` command: Django's management commands with Waypoint's settings preset."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "waypoint.settings")
    args = list(sys.argv if argv is None else argv)
    args[0] = "waypoint"
    from django.core.exceptions import ImproperlyConfigured

    try:
        import django

        django.setup()
    except ImproperlyConfigured as error:
        sys.stderr.write(f"waypoint: configuration error: {error}\n")
        sys.exit(2)
    from django.core.management import execute_from_command_line
    from django.db import DatabaseError

    try:
        execute_from_command_line(args)
    except DatabaseError as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else "unreachable"
        hint = (
            " (run `waypoint migrate` first?)"
            if "no such table" in first_line or ("does not exist" in first_line)
            else ""
        )
        sys.stderr.write(f"waypoint: database error: {first_line}{hint}\n")
        sys.exit(2)


if __name__ == "__main__":
    main()
