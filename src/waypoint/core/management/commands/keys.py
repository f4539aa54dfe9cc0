"""``waypoint keys status | rotate | retire``: the field-encryption keys (``core.crypto``).

``rotate`` makes a new key, puts it first in the key file (the old keys stay, to decrypt)
and re-encrypts every registered encrypted column with it, one transaction per batch;
``--retire-old`` (or ``retire`` later) then drops the old keys once every token opens with
the new key alone. When the keys come from ``WAYPOINT_FIELD_KEY`` this command cannot
change them: it prints the value to set and the steps to follow. Keys are printed only
there, never logged; each change writes an audit event naming the columns, not the keys.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import CommandError, CommandParser

from waypoint.core import crypto
from waypoint.core.commands import WaypointCommand


def _columns() -> list[tuple[Any, str, str]]:
    return [
        (model, name, crypto.column_label(model, name)) for model, name in crypto.encrypted_fields()
    ]


def _tokens_not_under_first_key() -> list[str]:
    """Labels of the columns holding a token that the first key alone does not open."""
    first = crypto.configured_keys()[:1]
    return [
        label
        for model, name, label in _columns()
        if any(
            crypto.which_key_opens(token, first) is None
            for _pk, token in crypto.stored_tokens(model, name).iterator()
        )
    ]


class Command(WaypointCommand):
    help = (
        "Field-encryption keys. 'status' counts the values of each encrypted column per key; "
        "'rotate' makes a new key and re-encrypts every value with it (--retire-old then "
        "drops the old keys); 'retire' drops the old keys once nothing needs them."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["status", "rotate", "retire"], help="what to do")
        parser.add_argument(
            "--retire-old",
            action="store_true",
            help="rotate: drop the old keys once every value opens with the new one",
        )
        parser.add_argument(
            "--reencrypt-only",
            action="store_true",
            help=f"rotate: make no key, re-encrypt with the first configured one (after "
            f"setting {crypto.KEY_ENV} to the value 'rotate' printed)",
        )
        parser.add_argument(
            "--batch-size", type=int, default=500, help="rows per transaction (default 500)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1", returncode=2)
        try:
            if options["action"] == "status":
                self.status()
            elif options["action"] == "rotate":
                self.rotate(
                    retire=options["retire_old"],
                    reencrypt_only=options["reencrypt_only"],
                    batch_size=options["batch_size"],
                )
            else:
                self.retire()
        except crypto.FieldKeyMissing as error:
            raise CommandError(str(error), returncode=2) from None

    def status(self) -> None:
        keys = crypto.configured_keys()
        source = crypto.KEY_ENV if crypto.keys_from_environment() else str(crypto.key_path())
        names = [
            f"key {position + 1} {crypto.key_fingerprint(key)}"
            + (" (encrypts)" if position == 0 else "")
            for position, key in enumerate(keys)
        ]
        self.stdout.write(f"{len(keys)} key(s) from {source}: {', '.join(names)}")
        for model, name, label in _columns():
            counts = [0] * len(keys)
            unreadable = 0
            for _pk, token in crypto.stored_tokens(model, name).iterator():
                position = crypto.which_key_opens(token, keys)
                if position is None:
                    unreadable += 1
                else:
                    counts[position] += 1
            under = ", ".join(
                f"{count} under key {position + 1}" for position, count in enumerate(counts)
            )
            line = f"{label}: {sum(counts) + unreadable} values ({under}"
            self.stdout.write(line + (f", {unreadable} UNREADABLE)" if unreadable else ")"))

    def rotate(self, *, retire: bool, reencrypt_only: bool, batch_size: int) -> None:
        old = crypto.configured_keys()
        if crypto.keys_from_environment() and not reencrypt_only:
            self._explain_environment(old)
            return
        if not reencrypt_only:
            crypto.write_key_file([crypto.new_key(), *old])
        started = time.monotonic()
        total = unreadable = 0
        columns = []
        for model, name, label in _columns():
            rotated, kept, lost = crypto.reencrypt_column(model, name, batch_size=batch_size)
            total += rotated
            unreadable += lost
            columns.append(label)
            self.stdout.write(
                f"{label}: {rotated} re-encrypted, {kept} already under the new key"
                + (f", {lost} UNREADABLE (left as they were)" if lost else "")
            )
        first = crypto.key_fingerprint(crypto.configured_keys()[0])
        made = "re-encrypted with the first key" if reencrypt_only else "new key made"
        crypto.record_key_change(
            f"field key rotated: {made} ({first}), {total} values re-encrypted", columns
        )
        self.stdout.write(
            f"{made} ({first}): {total} values re-encrypted in "
            f"{time.monotonic() - started:.1f} s; the old keys still decrypt"
        )
        if unreadable:
            raise CommandError(
                f"{unreadable} values open with no configured key: the old keys are kept",
                returncode=1,
            )
        if retire:
            self.retire()

    def retire(self) -> None:
        keys = crypto.configured_keys()
        if len(keys) == 1:
            self.stdout.write("one key in use: nothing to retire")
            return
        pending = _tokens_not_under_first_key()
        if pending:
            raise CommandError(
                "some values still need an old key (run 'waypoint keys rotate "
                f"--reencrypt-only' first): {', '.join(pending)}",
                returncode=1,
            )
        first = crypto.key_fingerprint(keys[0])
        if crypto.keys_from_environment():
            self.stdout.write(
                f"every value opens with the first key ({first}). Set {crypto.KEY_ENV} to "
                f"this value, restart every Waypoint process, and take a new backup:"
            )
            self.stdout.write(keys[0])
            return
        crypto.write_key_file(keys[:1])
        crypto.record_key_change(
            f"old field keys retired: {len(keys) - 1} dropped, {first} kept",
            [label for _model, _name, label in _columns()],
        )
        self.stdout.write(
            f"{len(keys) - 1} old key(s) retired; {crypto.key_path()} holds {first} only. "
            "Take a new backup: older backups hold the old keys."
        )

    def _explain_environment(self, old: tuple[str, ...]) -> None:
        value = ",".join([crypto.new_key(), *old])
        self.stdout.write(
            f"The keys come from {crypto.KEY_ENV}, which this command cannot change. "
            "Nothing was re-encrypted. Follow these steps:"
        )
        self.stdout.write(
            f"1. set {crypto.KEY_ENV} to the value below (the new key first, the old ones "
            "after it) and restart every Waypoint process (web, db_worker)"
        )
        self.stdout.write("2. run: waypoint keys rotate --reencrypt-only")
        self.stdout.write("3. run: waypoint keys retire (it prints the value to set last)")
        self.stdout.write(value)
