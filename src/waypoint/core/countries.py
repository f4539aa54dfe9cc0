"""Names of the countries Waypoint's users come from and return to, in the UI's language.

Codes are ISO 3166-1 alpha-3, plus ICAO's ``XXA`` (stateless) and ``XXX`` (unknown). One
list for the portal's forms, presence figures and anything else that shows a nationality,
and one check, ``validate_country_code``, for every code a user types (forms and API).

The most frequent countries are translated in Waypoint's catalogues (``COUNTRY_NAMES``);
every other country's name comes from ``data/names.json``, made from Debian's iso-codes
(LGPL 2.1+, translations by the Translation Project) by ``scripts/make_names.py``, in the
eight portal languages. Staff type a name in any of them, or the code; pages show the name.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

NAMES_FILE = Path(__file__).resolve().parent / "data" / "names.json"

# Every ISO 3166-1 alpha-3 code (249, as the iso-codes package lists them).
_ALPHA3_TEXT = """
    ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD
    BGR BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR
    COD COG COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH
    ESP EST ETH FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL
    GTM GUF GUM GUY HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR
    JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR
    MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL
    NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY
    PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP
    SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK TKL TKM TLS TON TTO TUN TUR TUV TWN TZA
    UGA UKR UMI URY USA UZB VAT VCT VEN VGB VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE
"""
ISO_3166_ALPHA3 = frozenset(_ALPHA3_TEXT.split())
# Codes for people that no country code fits: ICAO Doc 9303's XXA (stateless), XXB (refugee
# under the 1951 Convention), XXC (other refugee) and XXX (unspecified), and XKX, the code
# the EU and IOM use for Kosovo.
OTHER_CODES = frozenset({"XXA", "XXB", "XXC", "XXX", "XKX"})
COUNTRY_CODES = ISO_3166_ALPHA3 | OTHER_CODES

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


@lru_cache(maxsize=1)
def shipped_names() -> dict[str, dict[str, dict[str, str]]]:
    """``{"countries": {code: {language: name}}, "languages": {...}}`` from iso-codes."""
    names: dict[str, dict[str, dict[str, str]]] = json.loads(NAMES_FILE.read_text("utf-8"))
    return names


def name_in_language(names: dict[str, str], language: str | None = None) -> str:
    """The name in ``language`` (default: the active one), else in English."""
    language = (language or translation.get_language() or "en").split("-")[0]
    return names.get(language) or names["en"]


def country_name(code: str) -> str:
    """The country's name in the active language, or the code itself when it has none."""
    key = (code or "").strip().upper()
    if key in COUNTRY_NAMES:
        return str(COUNTRY_NAMES[key])
    names = shipped_names()["countries"].get(key)
    return name_in_language(names) if names else code


def country_options() -> list[tuple[str, str]]:
    """(code, name) of every country, by name in the active language: the choices of a
    nationality or country picker."""
    codes = COUNTRY_CODES - {"XXB", "XXC"}
    options = [(code, country_name(code)) for code in codes]
    return sorted(options, key=lambda option: option[1].casefold())


def country_code_from(text: str) -> str | None:
    """The code of the country ``text`` names: a code, or a name in any language Waypoint
    ships (case and accents as typed); ``None`` when it names none."""
    value = (text or "").strip()
    if not value:
        return None
    if value.upper() in COUNTRY_CODES:
        return value.upper()
    return _codes_by_name().get(value.casefold())


@lru_cache(maxsize=1)
def _codes_by_name() -> dict[str, str]:
    found: dict[str, str] = {}
    for code, names in shipped_names()["countries"].items():
        for name in names.values():
            found.setdefault(name.casefold(), code)
    for code, lazy_name in COUNTRY_NAMES.items():
        for language in ("en", "bs", "ar", "fa", "ps", "ur", "bn", "fr"):
            with translation.override(language):
                found.setdefault(str(lazy_name).casefold(), code)
    return found


def country_choices() -> list[tuple[str, str | Promise]]:
    return list(COUNTRY_NAMES.items())


def validate_country_code(value: str) -> None:
    """A validator for forms and serializers alike: ``value`` (any case) is in
    ``COUNTRY_CODES``. One rule for every nationality or country a user types."""
    if value.strip().upper() not in COUNTRY_CODES:
        raise ValidationError(
            _("Use a three-letter ISO 3166 code, e.g. AFG; XXA stateless, XXX unknown."),
            code="country",
        )
