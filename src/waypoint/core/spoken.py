"""The languages people speak, by ISO 639 code, with their names in the UI's language.

The list (``data/names.json``, from Debian's iso-codes by ``scripts/make_names.py``) holds
the languages heard in BiH's reception centres; a code outside it is still kept, and shown
as the code.
"""

from __future__ import annotations

from waypoint.core.countries import name_in_language, shipped_names


def language_name(code: str) -> str:
    names = shipped_names()["languages"].get((code or "").strip().lower())
    return name_in_language(names) if names else code


def language_options() -> list[tuple[str, str]]:
    """(code, name) of every listed language, by name in the active language."""
    options = [(code, language_name(code)) for code in shipped_names()["languages"]]
    return sorted(options, key=lambda option: option[1].casefold())


def language_code_from(text: str) -> str | None:
    """The code of the language ``text`` names in any language Waypoint ships, or ``text``
    itself lower-cased when it reads as an ISO 639 code; ``None`` otherwise."""
    value = (text or "").strip()
    for code, names in shipped_names()["languages"].items():
        if value.lower() == code or any(value.casefold() == n.casefold() for n in names.values()):
            return code
    if value.isascii() and value.isalpha() and 2 <= len(value) <= 3:
        return value.lower()
    return None
