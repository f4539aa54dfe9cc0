"""Names of the country, its entities and cantons in the reader's language.

``areas.csv`` stores them in English (municipalities keep their own local names, which
need no translation); pages in Bosnian must not show "Una-Sana Canton".
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

AREA_NAMES = {
    "BA": _("Bosnia and Herzegovina"),
    "BA01": _("Federation of Bosnia and Herzegovina"),
    "BA02": _("Republika Srpska"),
    "BA03": _("Brčko District"),
    "BA0101": _("Una-Sana Canton"),
    "BA0102": _("Posavina Canton"),
    "BA0103": _("Tuzla Canton"),
    "BA0104": _("Zenica-Doboj Canton"),
    "BA0105": _("Bosnian-Podrinje Canton Goražde"),
    "BA0106": _("Central Bosnia Canton"),
    "BA0107": _("Herzegovina-Neretva Canton"),
    "BA0108": _("West Herzegovina Canton"),
    "BA0109": _("Sarajevo Canton"),
    "BA0110": _("Canton 10"),
}


def area_name(code: str, stored: str) -> str:
    """The area's name in the active language: translated for the country, entities and
    cantons, as stored for municipalities."""
    translated = AREA_NAMES.get(code)
    return str(translated) if translated is not None else stored
