"""What a backup holds and how it goes back: a tar of the database, the keys and the private
files with a manifest last, streamed through ``sealing`` into one encrypted file.

Members::

    database/waypoint.sqlite3 | database/waypoint.pgdump
    keys/field_key            the field-encryption key(s) in use (file or WAYPOINT_FIELD_KEY)
    keys/secret_key           Django's secret key in use (file or WAYPOINT_SECRET_KEY)
    keys/audit_key            the key that signs the audit chain's head (file or WAYPOINT_AUDIT_KEY)
    private/...               every file under PRIVATE_FILES_DIR (photos)
    manifest.json             version, date, database vendor, rows per table, sha256 per member

Nothing is written in plain text outside a temporary directory of mode 0700 under
``VAR_DIR`` (where the live database already is), and that directory is always removed.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path, PurePosixPath
from typing import IO, Any

from django.conf import settings

from waypoint.core import crypto, signing
from waypoint.core.backups.databases import (
    BackupError,
    DatabaseCopy,
    database_copy,
    database_holdings,
    database_replace,
    database_vendor,
)
from waypoint.core.backups.sealing import SealedReader, SealedWriter

MANIFEST = "manifest.json"
FORMAT = 1
SECRET_KEY_ENV = "WAYPOINT_SECRET_KEY"  # noqa: S105 (a variable name)
SECRET_KEY_FILE_NAME = "secret_key"  # noqa: S105 (a file name)
_TOP_LEVEL = {"database", "keys", "private"}
_COPY_BYTES = 1 << 20


@dataclass(frozen=True)
class BackupMade:
    path: Path
    size: int
    manifest: dict[str, Any]


@dataclass
class RestoreDone:
    manifest: dict[str, Any]
    notes: list[str] = field(default_factory=list)


def _now() -> datetime:
    return datetime.now(UTC)


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H%M%SZ")


@contextmanager
def private_directory(prefix: str) -> Iterator[Path]:
    """A directory only its owner can enter, beside the live data; removed whatever happens."""
    parent = Path(settings.VAR_DIR)
    parent.mkdir(parents=True, exist_ok=True)
    path = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))  # mkdtemp makes it 0700
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def _waypoint_version() -> dict[str, str | None]:
    try:
        version: str | None = metadata.version("waypoint")
    except metadata.PackageNotFoundError:
        version = None
    commit = None
    git = shutil.which("git")
    if git is not None:
        try:
            result = subprocess.run(  # noqa: S603 (fixed program and arguments)
                [git, "-C", str(Path(__file__).resolve().parent), "rev-parse", "HEAD"],
                capture_output=True,
                text=True,
                check=False,
                timeout=5,
            )
            if result.returncode == 0:
                commit = result.stdout.strip() or None
        except (OSError, subprocess.TimeoutExpired):
            pass
    return {"version": version, "commit": commit}


def _keys_in_use() -> dict[str, tuple[str, str]]:
    """Member name -> (the key text, where it came from), for each key that exists."""
    keys = {}
    field_key = os.environ.get(crypto.KEY_ENV, "").strip()
    if field_key:
        keys["keys/field_key"] = (field_key, crypto.KEY_ENV)
    elif crypto.key_path().exists():
        keys["keys/field_key"] = (crypto.key_path().read_text().strip(), "file")
    secret_key = os.environ.get(SECRET_KEY_ENV, "").strip()
    secret_key_path = Path(settings.VAR_DIR) / SECRET_KEY_FILE_NAME
    if secret_key:
        keys["keys/secret_key"] = (secret_key, SECRET_KEY_ENV)
    elif secret_key_path.exists():
        keys["keys/secret_key"] = (secret_key_path.read_text().strip(), "file")
    audit_key = os.environ.get(signing.KEY_ENV, "").strip()
    if audit_key:
        keys["keys/audit_key"] = (audit_key, signing.KEY_ENV)
    elif signing.key_path().exists():
        keys["keys/audit_key"] = (signing.key_path().read_text().strip(), "file")
    return keys


def _private_files() -> Iterator[tuple[str, Path]]:
    root = Path(settings.PRIVATE_FILES_DIR)
    if not root.is_dir():
        return
    for directory, subdirectories, files in os.walk(root):
        subdirectories.sort()
        for name in sorted(files):
            path = Path(directory) / name
            if path.is_file() and not path.is_symlink():
                yield "private/" + path.relative_to(root).as_posix(), path


class _Hashing:
    """Reads from ``source``, keeping the sha256 and size of what was read."""

    def __init__(self, source: IO[bytes]) -> None:
        self.source = source
        self.digest = hashlib.sha256()
        self.size = 0

    def read(self, size: int = -1) -> bytes:
        data = self.source.read(size)
        self.digest.update(data)
        self.size += len(data)
        return data


def _add(tar: tarfile.TarFile, name: str, source: IO[bytes], size: int, mtime: float) -> str:
    """Add one member from ``source``; its sha256, of exactly the bytes that went in."""
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = size, int(mtime), 0o600
    hashing = _Hashing(source)
    tar.addfile(info, hashing)
    return hashing.digest.hexdigest()


def _write_archive(tar: tarfile.TarFile, copy: DatabaseCopy, started: datetime) -> dict[str, Any]:
    """Add the database copy, the keys, the private files and last the manifest."""
    members: dict[str, dict[str, Any]] = {}

    def add(name: str, source: IO[bytes], size: int, mtime: float) -> None:
        members[name] = {"sha256": _add(tar, name, source, size, mtime), "bytes": size}

    with copy.path.open("rb") as database:
        add(copy.member, database, copy.path.stat().st_size, started.timestamp())
    keys = _keys_in_use()
    for name, (text, _where) in keys.items():
        data = text.encode()
        add(name, io.BytesIO(data), len(data), started.timestamp())
    for name, path in _private_files():
        status = path.stat()
        with path.open("rb") as content:
            add(name, content, status.st_size, status.st_mtime)
    manifest = {
        "format": FORMAT,
        "waypoint": _waypoint_version(),
        "created_at": started.isoformat(timespec="seconds"),
        "database": {"vendor": copy.vendor, "member": copy.member, "tables": copy.tables},
        "keys": {name: where for name, (_text, where) in keys.items()},
        "members": members,
    }
    encoded = json.dumps(manifest, indent=1, sort_keys=True).encode()
    _add(tar, MANIFEST, io.BytesIO(encoded), len(encoded), started.timestamp())
    return manifest


def backup_create(*, destination: Path, passphrase: str) -> BackupMade:
    """Write one encrypted backup of the database, keys and private files.

    ``destination`` is a directory (the file is named ``waypoint-<UTC time>.backup``) or a
    file name. The file appears only once complete (written as ``.partial``, then renamed),
    with mode 0600; an existing file is never overwritten.
    """
    started = _now()
    target = destination / f"waypoint-{_stamp(started)}.backup"
    if not destination.is_dir():
        target = destination
    if target.exists():
        raise BackupError(f"{target} already exists; choose another name")
    if not target.parent.is_dir():
        raise BackupError(f"there is no directory {target.parent}")
    partial = target.with_name(target.name + ".partial")
    with private_directory(".backup-") as staging:
        copy = database_copy(staging)
        try:
            descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except OSError as error:
            raise BackupError(f"cannot write {partial}: {error.strerror}") from None
        try:
            with os.fdopen(descriptor, "wb") as handle:
                sealed = SealedWriter(handle, passphrase)
                with tarfile.open(fileobj=sealed, mode="w|", format=tarfile.PAX_FORMAT) as tar:  # type: ignore[call-overload]
                    manifest = _write_archive(tar, copy, started)
                sealed.close()
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(partial, target)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    return BackupMade(target, target.stat().st_size, manifest)


# --- Restore ----------------------------------------------------------------------------


def _member_path(staging: Path, member: tarfile.TarInfo) -> Path:
    """Where a member goes under ``staging``; refuses anything but plain files in known places."""
    name = PurePosixPath(member.name)
    parts = name.parts
    well_placed = name.as_posix() == MANIFEST or (
        len(parts) >= 2 and parts[0] in _TOP_LEVEL and ".." not in parts and not name.is_absolute()
    )
    if not well_placed or not member.isfile():
        raise BackupError(f"the backup holds an unexpected entry {member.name!r}; refused")
    return staging.joinpath(*parts)


def _unpack(reader: SealedReader, staging: Path) -> dict[str, Any]:
    """Unpack into ``staging`` and check every member against the manifest."""
    found: dict[str, dict[str, Any]] = {}
    try:
        with tarfile.open(fileobj=reader, mode="r|") as tar:  # type: ignore[call-overload]
            for member in tar:
                path = _member_path(staging, member)
                if member.name in found:
                    raise BackupError(f"the backup holds {member.name!r} twice; refused")
                path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                source = tar.extractfile(member)
                assert source is not None  # a regular file, checked above
                hashing = _Hashing(source)
                with path.open("xb") as out:
                    while chunk := hashing.read(_COPY_BYTES):
                        out.write(chunk)
                path.chmod(0o600)
                found[member.name] = {"sha256": hashing.digest.hexdigest(), "bytes": hashing.size}
        reader.read_to_end()
    except tarfile.TarError as error:
        raise BackupError(f"the backup's archive is malformed: {error}") from None
    if MANIFEST not in found:
        raise BackupError("the backup has no manifest; refused")
    try:
        manifest = json.loads((staging / MANIFEST).read_text())
        expected = manifest["members"]
    except (ValueError, KeyError, TypeError):
        raise BackupError("the backup's manifest is unreadable; refused") from None
    for name, entry in expected.items():
        if name not in found:
            raise BackupError(f"{name} is listed in the manifest but missing; refused")
        if found[name] != entry:
            raise BackupError(f"{name} does not match its sha256 in the manifest; refused")
    extra = set(found) - set(expected) - {MANIFEST}
    if extra:
        raise BackupError(f"{sorted(extra)[0]} is not listed in the manifest; refused")
    return dict(manifest)


def _refuse_field_key_conflict(staging: Path, force: bool) -> None:
    """Refuse to replace a different field key in use here, unless forced."""
    restored = staging / "keys" / crypto.KEY_FILE_NAME
    if not restored.exists():
        return
    backup_keys = {part.strip() for part in restored.read_text().split(",") if part.strip()}
    configured = os.environ.get(crypto.KEY_ENV, "").strip()
    if configured:
        if not backup_keys <= {part.strip() for part in configured.split(",")} and not force:
            raise BackupError(
                f"{crypto.KEY_ENV} is set here but lacks the backup's field key, so the "
                f"restored encrypted fields would not open: add the backup's key to it or unset "
                f"it (the key is restored to {crypto.key_path()}); --force restores anyway"
            )
        return
    current = crypto.key_path()
    differs = current.exists() and current.read_text().strip() != restored.read_text().strip()
    if differs and not force:
        raise BackupError(
            f"{current} holds a different field key from the backup's; replacing it makes "
            f"anything encrypted here under it unreadable; --force replaces it and keeps "
            f"the current key beside it"
        )


def _set_aside(path: Path, stamp: str) -> Path:
    aside = path.with_name(f"{path.name}.before-restore-{stamp}")
    path.rename(aside)
    return aside


def _install_key(staging: Path, name: str, stamp: str, notes: list[str]) -> None:
    restored = staging / "keys" / name
    if not restored.exists():
        return
    target = Path(settings.VAR_DIR) / name
    if target.exists():
        if target.read_text().strip() == restored.read_text().strip():
            notes.append(f"{name}: the same as the backup's, kept")
            return
        notes.append(f"{name}: the previous one kept as {_set_aside(target, stamp).name}")
    os.replace(restored, target)
    target.chmod(0o600)
    notes.append(f"{name}: restored to {target}")


def _install_files(staging: Path, stamp: str, notes: list[str]) -> None:
    target = Path(settings.PRIVATE_FILES_DIR)
    restored = staging / "private"
    if target.exists() and any(target.iterdir()):
        notes.append(f"files: the previous ones kept in {_set_aside(target, stamp).name}")
    elif target.exists():
        target.rmdir()
    target.parent.mkdir(parents=True, exist_ok=True)
    if restored.exists():
        shutil.move(restored, target)
    else:
        target.mkdir(mode=0o700)
    target.chmod(0o700)


def backup_restore(*, source: Path, passphrase: str, force: bool = False) -> RestoreDone:
    """Put the backup at ``source`` back: database, keys and private files.

    Checks the whole file first (passphrase, every chunk, every member against the
    manifest), then refuses (``BackupError`` or ``SealError``, one line) before changing
    anything when the backup is for another kind of database, the database already holds
    data, or a different field key is in use here; the last two only without ``force``. With
    ``force``, what is replaced is kept beside it (SQLite database, keys, files) except a
    PostgreSQL database, which ``pg_restore --clean`` replaces in one transaction.
    """
    try:
        handle = source.open("rb")
    except OSError as error:
        raise BackupError(f"cannot read {source}: {error.strerror}") from None
    stamp = _stamp(_now())
    notes: list[str] = []
    with handle, private_directory(".restore-") as staging:
        manifest = _unpack(SealedReader(handle, passphrase), staging)
        vendor = manifest["database"]["vendor"]
        if vendor != database_vendor():
            raise BackupError(
                f"the backup holds a {vendor} database but this Waypoint uses "
                f"{database_vendor()}; restore it where DATABASE_URL points to {vendor}"
            )
        held = database_holdings()
        if held and not force:
            described = ", ".join(f"{count} rows in {table}" for table, count in held.items())
            raise BackupError(
                f"the database already holds data ({described}); stop Waypoint and add "
                f"--force to replace it"
            )
        _refuse_field_key_conflict(staging, force)
        keep_previous = None
        if held and vendor == "sqlite":
            database = Path(settings.DATABASES["default"]["NAME"])
            keep_previous = database.with_name(f"{database.name}.before-restore-{stamp}")
            notes.append(f"database: the previous one kept as {keep_previous.name}")
        database_replace(staging / manifest["database"]["member"], keep_previous_as=keep_previous)
        _install_key(staging, crypto.KEY_FILE_NAME, stamp, notes)
        _install_key(staging, SECRET_KEY_FILE_NAME, stamp, notes)
        _install_key(staging, signing.KEY_FILE_NAME, stamp, notes)
        _install_files(staging, stamp, notes)
    crypto.forget_keys()
    return RestoreDone(manifest, notes)


def read_manifest(*, source: Path, passphrase: str) -> dict[str, Any]:
    """The manifest of the backup at ``source``, after checking every member against it."""
    with source.open("rb") as handle, private_directory(".inspect-") as staging:
        return _unpack(SealedReader(handle, passphrase), staging)
