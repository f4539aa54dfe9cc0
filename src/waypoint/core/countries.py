"""Names of the countries Waypoint's users come from and return to, in the UI's language.

Codes are ISO 3166-1 alpha-3, plus ICAO's ``XXA`` (stateless) and ``XXX`` (unknown). One
list for the portal's forms, presence figures and anything else that shows a nationality.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

COUNTRY_NAMES: dict[str, str | Promise] = {
    "AFG": _("Afghanistan"),
    "DZA": _("Algeria"),
    "BGD": _("Bangladesh"),
    "BDI": _("Burundi"),
    "CUB": _("Cuba"),
    "EGY": _("Egypt"),
    "ERI": _("Eritrea"),
    "IND": _("India"),
    "IRN": _("Iran"),
    "IRQ": _("Iraq"),
    "LBY": _("Libya"),
    "MAR": _("Morocco"),
    "NPL": _("Nepal"),
    "PAK": _("Pakistan"),
    "PSE": _("Palestine"),
    "SOM": _("Somalia"),
    "LKA": _("Sri Lanka"),
    "SYR": _("Syria"),
    "TUN": _("Tunisia"),
    "TUR": _("Türkiye"),
    "XXA": _("Stateless"),
    "XXX": _("Another country"),
}


def country_name(code: str) -> str:
    """The country's name, or the code itself when it is not in the list."""
    return str(COUNTRY_NAMES.get(code, code))


def country_choices() -> list[tuple[str, str | Promise]]:
    return list(COUNTRY_NAMES.items())
