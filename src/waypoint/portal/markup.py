"""The portal's page markup: plain text with a few marks, rendered to safe HTML.

Staff write pages as text; no HTML they type ever reaches a visitor. The marks:

- a blank line separates paragraphs; ``# `` starts a heading, ``## `` a smaller one;
- lines starting ``- `` (or ``* ``) form a list, lines starting ``1. `` a numbered list;
- ``**words**`` are strong; ``[label](target)`` is a link where target is another portal
  page's slug, an ``https://`` address, ``tel:`` or ``mailto:``;
- ``[anything in brackets]`` without a target is highlighted: the seed content uses it for
  details staff must fill in, e.g. ``[counsellor phone: set by staff]``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_INLINE = re.compile(
    r"\*\*(?P<strong>[^*\n]+)\*\*"
    r"|\[(?P<label>[^\]\n]+)\]\((?P<target>[^)\s]+)\)"
    r"|(?P<mark>\[[^\]\n]+\])"
)
_SLUG = re.compile(r"^[a-z0-9-]{1,60}$")
_PORTAL_PAGES = frozenset({":home", ":eligibility", ":apply", ":status"})
_EXTERNAL = re.compile(r"^(https://|http://|tel:\+?[0-9 ]{2,20}$|mailto:[^\s@]+@[^\s@]+$)")
_NUMBERED = re.compile(r"^\d{1,3}[.)] ")


def _href(target: str, page_url: Callable[[str], str]) -> str | None:
    if _SLUG.match(target) or target in _PORTAL_PAGES:
        return page_url(target)
    if _EXTERNAL.match(target):
        return target
    return None


def _inline(text: str, page_url: Callable[[str], str]) -> str:
    parts: list[str] = []
    position = 0
    for match in _INLINE.finditer(text):
        parts.append(escape(text[position : match.start()]))
        if match["strong"]:
            parts.append(f"<strong>{escape(match['strong'])}</strong>")
        elif match["label"]:
            href = _href(match["target"], page_url)
            label = escape(match["label"])
            parts.append(f'<a href="{escape(href)}">{label}</a>' if href else label)
        else:
            parts.append(f'<mark class="to-fill">{escape(match["mark"])}</mark>')
        position = match.end()
    parts.append(escape(text[position:]))
    return "".join(parts)


def _blocks(text: str) -> list[tuple[str, list[str]]]:
    """Group lines into (kind, lines): p, h2, h3, ul, ol."""
    blocks: list[tuple[str, list[str]]] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        if not line:
            blocks.append(("gap", []))
            continue
        if line.startswith("## "):
            kind, content = "h3", line[3:]
        elif line.startswith("# "):
            kind, content = "h2", line[2:]
        elif line.startswith(("- ", "* ")):
            kind, content = "ul", line[2:]
        elif _NUMBERED.match(line):
            kind, content = "ol", line.split(" ", 1)[1]
        else:
            kind, content = "p", line
        joins = kind in ("p", "ul", "ol")
        if joins and blocks and blocks[-1][0] == kind:
            blocks[-1][1].append(content)
        else:
            blocks.append((kind, [content]))
    return [block for block in blocks if block[0] != "gap"]


def render_markup(text: str, *, page_url: Callable[[str], str]) -> SafeString:
    """Safe HTML for ``text``; ``page_url(target)`` gives the address of a slug or ``:name``."""
    html: list[str] = []
    for kind, lines in _blocks(text):
        if kind in ("ul", "ol"):
            items = "".join(f"<li>{_inline(line, page_url)}</li>" for line in lines)
            html.append(f"<{kind}>{items}</{kind}>")
        elif kind == "p":
            html.append(f"<p>{_inline(' '.join(lines), page_url)}</p>")
        else:
            html.append(f"<{kind}>{_inline(lines[0], page_url)}</{kind}>")
    return mark_safe("\n".join(html))  # noqa: S308 — every piece above is escaped
