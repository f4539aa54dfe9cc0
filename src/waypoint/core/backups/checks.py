"""After a restore: does the audit chain hold, do the encrypted fields open, are the rows all
there?"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from django.core.management import call_command
from django.core.management.base import CommandError

from waypoint.core import crypto
from waypoint.core.backups.databases import database_table_counts


@dataclass(frozen=True)
class RestoreCheck:
    audit_intact: bool
    audit_line: str
    encrypted_readable: int
    encrypted_total: int
    tables: int
    rows: int
    differences: dict[str, tuple[int | None, int | None]]  # table -> (manifest, restored)

    @property
    def passed(self) -> bool:
        return (
            self.audit_intact
            and self.encrypted_readable == self.encrypted_total
            and not self.differences
        )


def _audit_verify() -> tuple[bool, str]:
    """Run ``waypoint audit verify``: ``core`` may not import the audit app (dependencies
    point one way), and the command's output and exit status are a documented contract, so
    whatever the command checks (now or later) a restore checks too."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("audit", "verify", stdout=out, stderr=err)
    except CommandError as error:
        return False, f"audit verify: {error}"
    except SystemExit as exit_:
        lines = (err.getvalue() or out.getvalue()).strip().splitlines()
        return exit_.code in (0, None), lines[0] if lines else f"audit verify: exit {exit_.code}"
    lines = out.getvalue().strip().splitlines()
    return True, lines[0] if lines else "audit verify passed"


def restore_check(manifest: dict[str, Any]) -> RestoreCheck:
    """Check the restored database against the backup's manifest."""
    intact, line = _audit_verify()
    crypto.forget_keys()
    readable, total = crypto.encrypted_values_readable()
    expected: dict[str, int] = manifest["database"]["tables"]
    found = database_table_counts()
    differences = {
        table: (expected.get(table), found.get(table))
        for table in sorted(set(expected) | set(found))
        if expected.get(table) != found.get(table)
    }
    return RestoreCheck(
        audit_intact=intact,
        audit_line=line,
        encrypted_readable=readable,
        encrypted_total=total,
        tables=len(found),
        rows=sum(found.values()),
        differences=differences,
    )
