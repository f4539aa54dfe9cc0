"""Names compared across scripts and spellings (placeholder; full version follows)."""

from __future__ import annotations

import re
import unicodedata
from typing import Any


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def person_name_keys(person: Any) -> set[str]:
    tokens = re.findall(r"\w+", fold(f"{person.given_name} {person.family_name}"))
    return {token[:40] for token in tokens}
