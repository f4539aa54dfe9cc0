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


# --- Which catalogue messages are "portal strings", kept translated in every portal language.
# A message is a portal string when one of its source references (the "#:" lines of a .po file,
# paths relative to src/waypoint) is a public portal file, or when the portal shows it from
# another app (country names, the case stages an applicant sees). Staff pages of the portal
# speak English and Bosnian only, like every staff page.
# The subject access export (privacy) is handed to a person in any portal language, so its
# messages are portal strings too: those of its template and of privacy/queries.py (which
# marks only the export's labels), and the labels it shows from other apps
# (``privacy.queries.subject_access_labels``).
PORTAL_SOURCES = ("portal/",)
PORTAL_STAFF_SOURCES = (
    "portal/staff_views.py",
    "portal/staff_urls.py",
    "portal/templates/portal/staff/",
    "portal/management/",
)
SUBJECT_ACCESS_SOURCES = (
    "privacy/templates/privacy/subject_access.html",
    "privacy/queries.py",
)


def is_portal_source(reference: str) -> bool:
    """``reference`` ("portal/views.py:12") points into a public portal file or into the
    subject access export."""
    path = reference.rsplit(":", 1)[0]
    if path in SUBJECT_ACCESS_SOURCES:
        return True
    return path.startswith(PORTAL_SOURCES) and not path.startswith(PORTAL_STAFF_SOURCES)


def portal_messages_from_elsewhere() -> frozenset[str]:
    """The msgids the portal shows from other apps: the nationality and return-country
    choices (``core.countries``), the stage labels that ``case_status_public`` returns, and
    the field names and choices the subject access export shows
    (``privacy.queries.subject_access_labels``)."""
    from django.utils import translation

    from waypoint.core.countries import COUNTRY_NAMES
    from waypoint.privacy.queries import subject_access_labels
    from waypoint.returns.stages import Stage

    shown = [*COUNTRY_NAMES.values(), *Stage.labels, *subject_access_labels()]
    with translation.override(None):  # no catalogue: each lazy string gives its msgid
        return frozenset(str(name) for name in shown)
