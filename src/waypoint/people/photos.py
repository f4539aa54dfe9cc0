"""Photos of registered people: decoded and drawn again, never stored as sent.

A file is a photo only if Pillow decodes it as JPEG, PNG or WebP; its name and declared
content type are not trusted. The stored copy is a new JPEG made from the pixels alone, so
nothing the sender's camera or tools wrote travels with it: no EXIF (GPS position, camera,
time), no comments, no other file hidden after the image.
"""

from __future__ import annotations

import io
from typing import IO

from django.utils.translation import gettext as _

MAX_PHOTO_BYTES = 2_000_000
# A decompression bomb is small on disk and huge in memory: 40 megapixels is more than
# any phone camera takes, and 160 MB as RGB.
MAX_PHOTO_PIXELS = 40_000_000
LONGEST_SIDE = 1600  # pixels: enough to recognise a face on a printed card
FORMATS = ("JPEG", "PNG", "WEBP")


class PhotoRefused(ValueError):
    """The file is not a photo Waypoint will keep; the message says why, in one line."""


def photo_reencoded(handle: IO[bytes]) -> bytes:
    """The photo as a fresh JPEG (upright, at most ``LONGEST_SIDE`` pixels a side, no
    metadata), or ``PhotoRefused``."""
    from PIL import Image, ImageOps

    data = handle.read(MAX_PHOTO_BYTES + 1)
    if len(data) > MAX_PHOTO_BYTES:
        raise PhotoRefused(_("Choose an image file of at most 2 MB."))
    try:
        with Image.open(io.BytesIO(data), formats=FORMATS) as image:
            if image.width * image.height > MAX_PHOTO_PIXELS:
                raise PhotoRefused(
                    _("The image has %(pixels)s megapixels; the limit is %(limit)s.")
                    % {
                        "pixels": f"{image.width * image.height / 1_000_000:,.0f}",
                        "limit": MAX_PHOTO_PIXELS // 1_000_000,
                    }
                )
            # Turned as the camera meant before its EXIF, which says how, is left behind.
            upright = ImageOps.exif_transpose(image)
            picture = upright.convert("RGB")
    except PhotoRefused:
        raise
    except Exception:  # Pillow raises many kinds for a damaged or disguised file
        raise PhotoRefused(
            _("The file is not a photo Waypoint can read: choose a JPEG, PNG or WebP image.")
        ) from None
    picture.thumbnail((LONGEST_SIDE, LONGEST_SIDE))
    out = io.BytesIO()
    picture.save(out, format="JPEG", quality=85)  # no exif= or icc_profile=: none written
    return out.getvalue()
