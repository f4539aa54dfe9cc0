"""``waypoint backup`` and ``waypoint restore``: the database, the keys and the private files in
one file encrypted with a passphrase that is not in it (docs/security.md, Backups).

``sealing`` is the encrypted file format, ``databases`` the SQLite and PostgreSQL copies,
``archive`` what a backup holds and how it goes back, ``checks`` what a restore verifies.
"""

from __future__ import annotations

import os
from pathlib import Path

from waypoint.core.backups.archive import (
    BackupMade,
    RestoreDone,
    backup_create,
    backup_restore,
    read_manifest,
)
from waypoint.core.backups.checks import RestoreCheck, restore_check
from waypoint.core.backups.databases import BackupError
from waypoint.core.backups.sealing import SealError, WrongPassphrase

PASSPHRASE_ENV = "WAYPOINT_BACKUP_PASSPHRASE"  # noqa: S105 (a variable name)
MIN_PASSPHRASE_LENGTH = 12


def passphrase_from(passphrase_file: str | None) -> str:
    """The passphrase from ``--passphrase-file`` (its first line) or the environment."""
    if passphrase_file:
        try:
            lines = Path(passphrase_file).read_text(encoding="utf-8").splitlines()
        except OSError as error:
            raise BackupError(f"cannot read {passphrase_file}: {error.strerror}") from None
        passphrase = lines[0] if lines else ""
    else:
        passphrase = os.environ.get(PASSPHRASE_ENV, "")
    if not passphrase:
        raise BackupError(f"no passphrase: set {PASSPHRASE_ENV} or give --passphrase-file")
    return passphrase


__all__ = [
    "MIN_PASSPHRASE_LENGTH",
    "PASSPHRASE_ENV",
    "BackupError",
    "BackupMade",
    "RestoreCheck",
    "RestoreDone",
    "SealError",
    "WrongPassphrase",
    "backup_create",
    "backup_restore",
    "passphrase_from",
    "read_manifest",
    "restore_check",
]
