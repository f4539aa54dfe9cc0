"""The portal's pages, the languages it speaks, and how each language names itself."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

CONTENT_DIR = Path(__file__).resolve().parent / "content"

# Each language named in itself: a visitor looks for their own language, not ours.
LANGUAGE_NAMES = {
    "en": "English",
    "bs": "Bosanski",
    "ar": "العربية",
    "fa": "فارسی/دری",
    "ps": "پښتو",
    "ur": "اردو",
    "bn": "বাংলা",
    "fr": "Français",
}
PORTAL_LANGUAGES = tuple(LANGUAGE_NAMES)
FALLBACK_LANGUAGE = "en"


@dataclass(frozen=True)
class PageEntry:
    slug: str
    kind: str  # PageKind value
    order: int
    country: str = ""


PAGES = (
    PageEntry("voluntary-return", "general", 10),
    PageEntry("who-can-apply", "general", 20),
    PageEntry("support", "general", 30),
    PageEntry("how-long", "general", 40),
    PageEntry("privacy", "general", 50),
    PageEntry("counsellor", "general", 60),
    PageEntry("help-in-bih", "general", 70),
    PageEntry("afghanistan", "country", 10, "AFG"),
    PageEntry("algeria", "country", 20, "DZA"),
    PageEntry("bangladesh", "country", 30, "BGD"),
    PageEntry("iran", "country", 40, "IRN"),
    PageEntry("iraq", "country", 50, "IRQ"),
    PageEntry("morocco", "country", 60, "MAR"),
    PageEntry("pakistan", "country", 70, "PAK"),
    PageEntry("tunisia", "country", 80, "TUN"),
)
PRIVACY_SLUG = "privacy"
