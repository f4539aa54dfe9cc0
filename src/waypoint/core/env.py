"""Reading configuration from the environment, with errors a person can act on."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}"
    )


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def sqlite_database(path: Path) -> dict[str, Any]:
    """SQLite as Waypoint runs it: WAL, durable commits, writers queue instead of failing."""
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        },
    }


def database_from_url(url: str) -> dict[str, Any]:
    """Turn a DATABASE_URL into Django's DATABASES entry.

    Accepts ``postgres://user:password@host:port/name?sslmode=require`` (also ``postgresql://``)
    and ``sqlite:///relative/path.db`` or ``sqlite:////absolute/path.db``. Anything else raises
    ImproperlyConfigured with a message naming what is wrong (never the password).
    """
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise ImproperlyConfigured(f"DATABASE_URL is malformed: {error}") from None
    scheme = parts.scheme.lower()
    if scheme == "sqlite":
        path = unquote(parts.path)[1:] if parts.path.startswith("/") else ""
        if not path:
            raise ImproperlyConfigured(
                "DATABASE_URL for SQLite needs a file path, e.g. sqlite:///var/waypoint.sqlite3"
            )
        return sqlite_database(Path(path))
    if scheme in {"postgres", "postgresql", "pgsql"}:
        name = unquote(parts.path.lstrip("/"))
        if not name or "/" in name:
            raise ImproperlyConfigured(
                "DATABASE_URL for PostgreSQL needs one database name, "
                "e.g. postgres://user@127.0.0.1:5432/waypoint"
            )
        options = {key: values[-1] for key, values in parse_qs(parts.query).items()}
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": name,
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(port or ""),
            "OPTIONS": options,
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
        }
    shown = scheme or "(none)"
    raise ImproperlyConfigured(
        f"DATABASE_URL has unsupported scheme {shown!r}; use postgres://... or sqlite:///..."
    )


def read_or_create_secret(path: Path, make: Callable[[], str] | None = None) -> str:
    """A secret kept in a file readable by its owner only, made on first use by ``make``
    (a random URL-safe string by default)."""
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        pass
    except OSError as error:
        raise ImproperlyConfigured(f"cannot read {path}: {error.strerror}") from None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        secret = make() if make else secrets.token_urlsafe(50)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(secret)
        return secret
    except FileExistsError:
        return path.read_text().strip()
    except OSError as error:
        raise ImproperlyConfigured(f"cannot create {path}: {error.strerror}") from None
