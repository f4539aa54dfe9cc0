"""Form library fixtures: XLSForms built as real .xlsx files, and a phone that signs in
with HTTP Digest the way ODK Collect does (a 401 challenge, then the answer)."""

from __future__ import annotations

import hashlib
import io
import re
import uuid
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.test import Client
from openpyxl import Workbook

from waypoint.conftest import PASSWORD


@pytest.fixture
def analyst(personas):  # type: ignore[no-untyped-def]
    return personas["analyst"]


@pytest.fixture
def enumerator(personas):  # type: ignore[no-untyped-def]
    return personas["enumerator"]


def xlsform(
    survey: Sequence[Sequence[str]],
    *,
    choices: Sequence[Sequence[str]] = (),
    settings: Sequence[Sequence[str]] = (),
) -> bytes:
    """An .xlsx XLSForm; each sheet's first row is its header."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "survey"
    for row in survey:
        sheet.append(list(row))
    for name, rows in (("choices", choices), ("settings", settings)):
        if rows:
            extra = book.create_sheet(name)
            for row in rows:
                extra.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


FIELD_SURVEY = xlsform(
    [
        ("type", "name", "label", "required", "hxl"),
        ("select_one_from_file sites.csv", "site", "Site", "yes", "#loc+code"),
        ("geopoint", "gps", "GPS", "", "#geo"),
        ("begin_repeat", "household", "Household", "", ""),
        ("text", "member", "Member", "", ""),
        ("integer", "age", "Age", "", "#affected+age"),
        ("end_repeat", "", "", "", ""),
        ("image", "photo", "Photo", "", ""),
    ],
    settings=[("form_id", "version", "form_title"), ("needs_survey", "2026120701", "Needs")],
)
SITES_CSV = b"name,label\nBIH-1,Bihac bus station\nBIH-2,Velika Kladusa\n"


def _h(algorithm: str, text: str) -> str:
    if algorithm == "MD5":
        return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()
    return hashlib.sha256(text.encode()).hexdigest()


class DigestPhone:
    """A phone signing in with Digest: asks, reads the challenge, answers with nc counting
    up, as okhttp-digest (ODK Collect's client) does. ``algorithm``: SHA-256 or MD5."""

    def __init__(self, email: str, password: str = PASSWORD, algorithm: str = "SHA-256") -> None:
        self.client = Client()
        self.email, self.password, self.algorithm = email, password, algorithm
        self.challenge: dict[str, str] | None = None
        self.count = 0

    def _authorization(self, method: str, path: str) -> str:
        assert self.challenge is not None
        self.count += 1
        nc, cnonce = f"{self.count:08x}", uuid.uuid4().hex
        ha1 = _h(self.algorithm, f"{self.email}:{self.challenge['realm']}:{self.password}")
        ha2 = _h(self.algorithm, f"{method}:{path}")
        response = _h(self.algorithm, f"{ha1}:{self.challenge['nonce']}:{nc}:{cnonce}:auth:{ha2}")
        return (
            f'Digest username="{self.email}", realm="{self.challenge["realm"]}", '
            f'nonce="{self.challenge["nonce"]}", uri="{path}", algorithm={self.algorithm}, '
            f'qop=auth, nc={nc}, cnonce="{cnonce}", response="{response}", '
            f'opaque="{self.challenge["opaque"]}"'
        )

    def _challenge_from(self, header: str) -> None:
        for part in re.split(r",\s*(?=Digest |Basic )", header):
            if part.startswith("Digest") and f"algorithm={self.algorithm}," in part:
                self.challenge = dict(re.findall(r'(\w+)="?([^",]*)"?', part[7:]))
                self.count = 0
                return
        raise AssertionError(f"no {self.algorithm} Digest challenge in {header!r}")

    def request(self, method: str, url: str, **extra: Any) -> Any:
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        send = getattr(self.client, method.lower())
        for _attempt in range(2):
            for value in (extra.get("data") or {}).values():
                if hasattr(value, "seek"):
                    value.seek(0)  # a file sent with the refused request goes again whole
            headers = {}
            if self.challenge is not None:
                headers["HTTP_AUTHORIZATION"] = self._authorization(method, path)
            response = send(path, **extra, **headers)
            if response.status_code != 401:
                return response
            self._challenge_from(response["WWW-Authenticate"])
        return response

    def get(self, url: str) -> Any:
        return self.request("GET", url)

    def post(self, url: str, data: dict[str, Any]) -> Any:
        return self.request("POST", url, data=data)
