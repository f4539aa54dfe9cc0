"""Make the country and language names Waypoint ships (src/waypoint/core/data/names.json)
from Debian's iso-codes, in the eight languages of the portal.

    apt-get install iso-codes && python3 scripts/make_names.py

iso-codes is © the Debian iso-codes team and its translators, under the LGPL 2.1 or later;
its data and translations come from the ISO 3166 and ISO 639 Maintenance Agencies' lists and
the Translation Project. Each name is taken in its short form (``common_name`` where iso-codes
has one: "Iran", not "Iran, Islamic Republic of").
"""

from __future__ import annotations

import gettext
import json
import sys
from pathlib import Path

ISO = Path("/usr/share/iso-codes/json")
LOCALE = Path("/usr/share/locale")
TARGET = Path(__file__).resolve().parent.parent / "src/waypoint/core/data/names.json"
LANGUAGES = ("bs", "ar", "fa", "ps", "ur", "bn", "fr")

# Languages people in BiH's reception centres speak (IOM BiH and UNHCR registration lists),
# the staff's and the portal's: ISO 639-1 where it exists, else 639-3 (prs Dari, ckb Sorani).
SPOKEN_TEXT = """
    am ar az be bg bn bs ckb cs de el en es fa fr ha he hi hr hu hy it ka kmr ku ky mk mn ne
    nl pa pl prs ps pt ro ru sd sk sl so sq sr sw ta ti tk tr ug uk ur uz vi wo yo zh
"""
SPOKEN = SPOKEN_TEXT.split()


def _translator(domain: str, language: str) -> gettext.NullTranslations:
    path = LOCALE / language / "LC_MESSAGES" / f"{domain}.mo"
    if not path.exists():
        return gettext.NullTranslations()
    with path.open("rb") as handle:
        return gettext.GNUTranslations(handle)


def _names(domain: str, english: str) -> dict[str, str]:
    names = {"en": english}
    for language in LANGUAGES:
        translated = _translator(domain, language).gettext(english)
        if translated != english:
            names[language] = translated
    return names


def main() -> int:
    if not (ISO / "iso_3166-1.json").exists():
        print("iso-codes is missing: apt-get install iso-codes", file=sys.stderr)
        return 2
    countries = {
        entry["alpha_3"]: _names("iso_3166-1", entry.get("common_name", entry["name"]))
        for entry in json.loads((ISO / "iso_3166-1.json").read_text())["3166-1"]
    }
    by_code: dict[str, dict] = {}
    for entry in json.loads((ISO / "iso_639-3.json").read_text())["639-3"]:
        by_code[entry["alpha_3"]] = entry
        if "alpha_2" in entry:
            by_code[entry["alpha_2"]] = entry
    by_code["ku"] = {"name": "Kurdish"}  # a macrolanguage: iso_639-3 lists only its members
    languages = {
        code: _names("iso_639-3", by_code[code].get("common_name", by_code[code]["name"]))
        for code in SPOKEN
    }
    # The English names people use, where iso-codes has an older one ("Pushto").
    languages["prs"] = {**languages["prs"], "en": "Dari"}
    languages["ps"] = {**languages["ps"], "en": "Pashto"}
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(
        json.dumps({"countries": countries, "languages": languages}, ensure_ascii=False, indent=0)
        + "\n"
    )
    print(f"{TARGET}: {len(countries)} countries, {len(languages)} languages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
