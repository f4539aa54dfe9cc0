"""Make the fonts Waypoint ships (core/static/waypoint/fonts/) from Debian's fonts-noto-core.

    apt-get install fonts-noto-core && uv run python scripts/make_fonts.py

The Noto fonts are © Google, under the SIL Open Font License 1.1 (OFL.txt beside them).
Each font is written as WOFF2 (browsers and WeasyPrint read it). Noto Sans is cut to the
Latin, Cyrillic and general punctuation ranges (Bosnian in both its alphabets, French);
the Arabic, Nastaliq and Bengali fonts are kept whole, because their shaping tables reach
glyphs no character maps to directly.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

SOURCE = Path("/usr/share/fonts/truetype/noto")
TARGET = Path(__file__).resolve().parent.parent / "src/waypoint/core/static/waypoint/fonts"
LATIN = (
    "U+0000-024F,U+0259,U+02B0-02FF,U+0300-036F,U+0400-04FF,U+1E00-1EFF,U+2000-206F,"
    "U+20AC,U+2100-215F,U+2190-21FF,U+2212,U+FEFF,U+FFFD"
)
FONTS = {
    "NotoSans-Regular": LATIN,
    "NotoSans-Bold": LATIN,
    "NotoNaskhArabic-Regular": None,
    "NotoNaskhArabic-Bold": None,
    "NotoNastaliqUrdu-Regular": None,
    "NotoSansBengali-Regular": None,
    "NotoSansBengali-Bold": None,
}


def main() -> int:
    TARGET.mkdir(parents=True, exist_ok=True)
    for name, ranges in FONTS.items():
        source = SOURCE / f"{name}.ttf"
        if not source.exists():
            print(f"{source} is missing: apt-get install fonts-noto-core", file=sys.stderr)
            return 2
        target = TARGET / f"{name}.woff2"
        if ranges is None:
            font = TTFont(source)
            font.flavor = "woff2"
            font.save(target)
        else:
            options = subset.Options()
            options.flavor = "woff2"
            options.layout_features = ["*"]
            options.name_IDs = ["*"]
            options.notdef_outline = True
            font = subset.load_font(str(source), options)
            subsetter = subset.Subsetter(options)
            subsetter.populate(unicodes=subset.parse_unicodes(ranges))
            subsetter.subset(font)
            subset.save_font(font, str(target), options)
        print(f"{target.name}: {target.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
