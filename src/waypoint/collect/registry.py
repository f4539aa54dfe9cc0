"""What apps on the right plug into the form library, without the library importing them.

- ``register_builtin(BuiltinForm(...))``: a form shipped in the repository whose
  submissions an app reads. Registered by ``presence.apps`` (the DTM location assessment,
  flow monitoring count and survey).
- ``register_media(name, provider)``: a form media file made for each account when its
  phone asks (a form referring to a file of that name gets it unless staff uploaded one).
  Registered by ``presence.apps`` (``locations.csv``: the location baseline of the
  enumerator's area).

``registrations()`` lists who registered what (``collect/tests/test_registry.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from waypoint.collect.instances import Instance


class SubmissionRefused(Exception):
    """The submission cannot be accepted; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


# receive(actor, instance, submission): read a stored submission into the app's own
# records, inside the transaction that stores it; raise SubmissionRefused to refuse it
# (nothing is kept then).
Receiver = Callable[[Any, Instance, Any], None]
# provider(actor) -> (content type, bytes)
MediaProvider = Callable[[Any], tuple[str, bytes]]


@dataclass(frozen=True)
class BuiltinForm:
    form_id: str
    source: Path  # the XLSForm (pyxform's Markdown table format) in the repository
    receive: Receiver
    registered_by: str


@dataclass(frozen=True)
class Media:
    name: str
    provide: MediaProvider
    registered_by: str


_builtin: dict[str, BuiltinForm] = {}
_media: dict[str, Media] = {}


def register_builtin(form: BuiltinForm) -> None:
    _builtin[form.form_id] = form


def register_media(media: Media) -> None:
    _media[media.name] = media


def builtin_forms() -> list[BuiltinForm]:
    return list(_builtin.values())


def builtin_form(form_id: str) -> BuiltinForm | None:
    return _builtin.get(form_id)


def generated_media(name: str) -> Media | None:
    return _media.get(name)


def registrations() -> list[tuple[str, str, str]]:
    """(kind, name, registered by) of everything registered, for readers and a test."""
    return [
        *(("builtin form", form.form_id, form.registered_by) for form in _builtin.values()),
        *(("generated media", media.name, media.registered_by) for media in _media.values()),
    ]
