from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from waypoint.core.backups import (
    PASSPHRASE_ENV,
    BackupError,
    SealError,
    backup_restore,
    passphrase_from,
    restore_check,
)
from waypoint.core.commands import WaypointCommand


class Command(WaypointCommand):
    help = (
        "Restore a backup made by `waypoint backup`: database, keys and private files, then "
        "verify the audit chain, the encrypted fields and the row counts. Stop Waypoint first. "
        f"The passphrase comes from ${PASSPHRASE_ENV} or --passphrase-file."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="the backup file")
        parser.add_argument(
            "--passphrase-file", help="read the passphrase from the first line of this file"
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace a database that holds data and a different field key "
            "(SQLite database, keys and files replaced are kept beside them)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        source = Path(options["file"])
        try:
            passphrase = passphrase_from(options["passphrase_file"])
            done = backup_restore(source=source, passphrase=passphrase, force=options["force"])
        except (BackupError, SealError) as error:
            raise CommandError(str(error), returncode=2) from None
        manifest = done.manifest
        made_by = manifest["waypoint"]
        commit = f", commit {made_by['commit'][:12]}" if made_by.get("commit") else ""
        self.stdout.write(
            f"restored {source.name}: made {manifest['created_at']} by Waypoint "
            f"{made_by.get('version') or '?'}{commit}, {manifest['database']['vendor']}"
        )
        for note in done.notes:
            self.stdout.write(note)
        check = restore_check(manifest)
        self.stdout.write(check.audit_line)
        self.stdout.write(
            f"encrypted fields: {check.encrypted_readable} of {check.encrypted_total} "
            "open with the restored key"
        )
        if check.differences:
            shown = "; ".join(
                f"{table} (backup {expected}, restored {found})"
                for table, (expected, found) in check.differences.items()
            )
            self.stdout.write(
                f"row counts: {len(check.differences)} tables differ from the manifest: {shown}"
            )
        else:
            self.stdout.write(
                f"row counts: all {check.tables} tables equal the manifest ({check.rows:,} rows)"
            )
        self.stdout.write(f"done in {time.monotonic() - started:.1f} s")
        if not check.passed:
            raise CommandError("the restored data fails its checks (see above)", returncode=1)
