from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from waypoint.core import crypto
from waypoint.core.backups import (
    MIN_PASSPHRASE_LENGTH,
    PASSPHRASE_ENV,
    BackupError,
    SealError,
    backup_create,
    passphrase_from,
)
from waypoint.core.commands import WaypointCommand


class Command(WaypointCommand):
    help = (
        "Write one encrypted backup of the database, the field and secret keys and the private "
        f"files. The passphrase comes from ${PASSPHRASE_ENV} or --passphrase-file and is not "
        "in the backup: keep it apart."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "destination",
            help="a directory (the file is named waypoint-<UTC time>.backup) or a file name",
        )
        parser.add_argument(
            "--passphrase-file", help="read the passphrase from the first line of this file"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        try:
            passphrase = passphrase_from(options["passphrase_file"])
            if len(passphrase) < MIN_PASSPHRASE_LENGTH:
                raise BackupError(
                    f"the passphrase must have at least {MIN_PASSPHRASE_LENGTH} characters"
                )
            made = backup_create(destination=Path(options["destination"]), passphrase=passphrase)
        except (BackupError, SealError) as error:
            raise CommandError(str(error), returncode=2) from None
        manifest = made.manifest
        tables = manifest["database"]["tables"]
        files = [name for name in manifest["members"] if name.startswith("private/")]
        keys = [name.removeprefix("keys/").replace("_", " ") for name in manifest["keys"]]
        self.stdout.write(
            f"backup written: {made.path} ({made.size:,} bytes, {time.monotonic() - started:.1f} s)"
        )
        self.stdout.write(
            f"database: {manifest['database']['vendor']}, {len(tables)} tables, "
            f"{sum(tables.values()):,} rows; keys: {', '.join(keys) or 'none'}; "
            f"files: {len(files)}"
        )
        if "keys/field_key" not in manifest["members"] and crypto.encrypted_values_exist():
            self.stderr.write(
                "warning: the database holds encrypted values but there is no field key to "
                "back up: they cannot be read after a restore"
            )
