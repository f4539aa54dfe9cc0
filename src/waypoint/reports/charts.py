"""Report charts drawn on the server as small, accessible SVG.

One SVG serves the web page (inline, scaled by CSS `width: 100%`) and the PDF (WeasyPrint draws
it). Every visible string comes from the caller, already translated and formatted, so the module
holds no user-facing words; the only numbers it formats itself are the trend chart's axis ticks.
A value the caller suppressed (None) is never drawn, measured or printed: only its display text
appears, and no total is ever computed from the visible parts.

Values are counts: a negative value draws as zero (its text still shows). Layout is computed by
hand in points (1 pt = 1 SVG unit) from measured text widths, which keeps the output
byte-identical for the same input and avoids the extra draw a layout engine needs.
"""

import hashlib
import io
import math
import re
import threading
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

import matplotlib
from matplotlib.axes import Axes
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import Rectangle
from matplotlib.textpath import TextToPath
from matplotlib.ticker import MaxNLocator
from matplotlib.typing import RcKeyType

# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#E69F00", "#56B4E9", "#CC79A7")
# Stacked segments sit side by side, so neighbours alternate dark and light to stay apart in
# greyscale print; from the third series on a hatch tells them apart as well.
STACK_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#56B4E9", "#D55E00", "#CC79A7")
STACK_HATCHES = ("", "", "////", "....", "\\\\\\\\", "xxxx")
INK = "#222222"
MUTED = "#595959"  # suppressed values' text; 7:1 contrast on white
RULE = "#BBBBBB"

FONT_FAMILY = "DejaVu Sans"  # the font the PDF ships, so measured widths match the print
FONT = 10.0
TITLE_FONT = 11.5
LINE = 1.3  # line height as a multiple of the font size
WIDTH = 360.0  # a phone's width in CSS px: at that size text is drawn at its nominal size
PAD = 8.0
TICK_GAP = 4.0
VALUE_GAP = 4.0
ROW = 20.0
BAR = 0.64  # bar thickness as a share of its row
MIN_PLOT = 80.0
PLOT_HEIGHT = 170.0
LABEL_LIMIT = 28

_RC: dict[RcKeyType, Any] = {
    "svg.fonttype": "none",  # text stays text: selectable, extractable, read aloud
    "svg.id": None,
    "font.family": [FONT_FAMILY],
    "font.size": FONT,
    "text.color": INK,
    "xtick.labelcolor": INK,
    "ytick.labelcolor": INK,
    "text.parse_math": False,  # a "$" in a label is a dollar sign, not mathtext
    "text.usetex": False,
    "path.simplify": True,
    "axes.linewidth": 0.8,
    "hatch.linewidth": 0.8,
    "hatch.color": "white",
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
}
_TITLE_STYLE: dict[str, Any] = {"fontsize": TITLE_FONT, "weight": "bold", "linespacing": LINE}
_LAST_POINT: dict[str, Any] = {
    "marker": "o",
    "markersize": 8,
    "color": PALETTE[0],
    "markeredgecolor": "white",
    "markeredgewidth": 1.5,
}
# Right-aligned so it grows into the plot, on white so the line behind it stays out of the way.
_CHANGE_STYLE: dict[str, Any] = {
    "ha": "right",
    "va": "bottom",
    "multialignment": "right",
    "bbox": {"facecolor": "white", "edgecolor": "none", "pad": 1},
}
_NO_METADATA = {"Creator": None, "Date": None, "Format": None, "Type": None}

# rcParams is one process-wide dict that rc_context swaps in place; two threads drawing at
# once would restore each other's settings mid-draw, so charts are drawn one at a time.
_LOCK = threading.Lock()
_MEASURE = TextToPath()

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_LINE_BREAKS = re.compile("[\t\n\r\x85\u2028\u2029]")
_STYLE_SHEET = re.compile(r"<defs>\s*<style[^>]*>.*?</style>\s*</defs>\s*", re.DOTALL)
_TAG = re.compile(r"<[^<>]+>")
_STYLE_ATTRIBUTE = re.compile(r' style="([^"]*)"')
_GROUP_ID = re.compile(r'^(<g\b[^>]*?) id="[^"]*"')
_VIEW_BOX = re.compile(r'viewBox="([^"]*)"')


@dataclass(frozen=True)
class Bar:
    label: str
    value: int | None
    text: str  # printed beside the bar, e.g. "1,234" or "<5"


@dataclass(frozen=True)
class Point:
    label: str  # e.g. "R12" or "2026-05"
    value: int | None
    text: str


def bar_chart(bars: Sequence[Bar], *, title: str, description: str, horizontal: bool = True) -> str:
    """Bars in the caller's order, each with its text at the bar's end."""
    chart_id = _chart_id("bar", title, description, horizontal, bars)
    with _drawing(chart_id):
        if not bars:
            fig = _canvas(WIDTH, title, PAD)[0]
        elif horizontal:
            ends = [bar.text for bar in bars]
            muted = [bar.value is None for bar in bars]
            fig = _horizontal([bar.label for bar in bars], [bars], ends, title, muted=muted)
        else:
            fig = _vertical(bars, title)
        svg = _save(fig)
    listing = [f"{bar.label}: {bar.text}" for bar in bars]
    return _finish(svg, chart_id, title, _describe(description, listing))


def pyramid(
    bands: Sequence[str],
    males: Sequence[Bar],
    females: Sequence[Bar],
    *,
    title: str,
    description: str,
    male_label: str,
    female_label: str,
) -> str:
    """Sex-and-age pyramid: bands from the youngest (bottom) up, males left, females right."""
    if not len(males) == len(females) == len(bands):
        raise ValueError("pyramid needs one male and one female bar per band")
    sides = (male_label, female_label)
    chart_id = _chart_id("pyramid", title, description, bands, males, females, sides)
    with _drawing(chart_id):
        fig = _pyramid(bands, (males, females), sides, title) if bands else None
        svg = _save(fig or _canvas(WIDTH, title, PAD)[0])
    listing = [
        f"{band}: {male_label} {male.text}, {female_label} {female.text}"
        for band, male, female in zip(bands, males, females, strict=True)
    ]
    return _finish(svg, chart_id, title, _describe(description, listing))


def trend(points: Sequence[Point], *, title: str, description: str, change_text: str = "") -> str:
    """A line over rounds or months; hidden points break it and the last point, emphasised,
    carries `change_text`."""
    chart_id = _chart_id("trend", title, description, points, change_text)
    with _drawing(chart_id):
        fig = _trend(points, title, change_text) if points else _canvas(WIDTH, title, PAD)[0]
        svg = _save(fig)
    listing = [f"{point.label}: {point.text}" for point in points]
    return _finish(svg, chart_id, title, _describe(description, [*listing, change_text]))


def stacked_bars(
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[Bar]]],
    *,
    title: str,
    description: str,
) -> str:
    """One horizontal bar per category, stacked by series under a legend; each bar ends with
    its parts' texts in legend order. No total is printed: it could undo a suppression."""
    if any(len(bars) != len(categories) for _name, bars in series):
        raise ValueError("stacked_bars needs one bar per category in every series")
    chart_id = _chart_id("stacked", title, description, categories, series)
    with _drawing(chart_id):
        if categories and series:
            ends = [
                " / ".join(bars[row].text for _name, bars in series)
                for row in range(len(categories))
            ]
            layers = [bars for _name, bars in series]
            legend = [name for name, _bars in series]
            fig = _horizontal(categories, layers, ends, title, legend=legend)
        else:
            fig = _canvas(WIDTH, title, PAD)[0]
        svg = _save(fig)
    listing = [
        f"{category}: " + ", ".join(f"{name} {bars[row].text}" for name, bars in series)
        for row, category in enumerate(categories)
    ]
    return _finish(svg, chart_id, title, _describe(description, listing))


# Drawing


def _horizontal(
    categories: Sequence[str],
    layers: Sequence[Sequence[Bar]],
    ends: Sequence[str],
    title: str,
    *,
    legend: Sequence[str] = (),
    muted: Sequence[bool] = (),
) -> Figure:
    """Horizontal bars, first on top, one layer stacked after another, a text at each end."""
    labels = [_shorten(category) for category in categories]
    ends = [_clean(end) for end in ends]
    names = [_shorten(name) for name in legend]
    left = PAD + _widest(labels) + TICK_GAP
    right = PAD + _widest(ends) + VALUE_GAP
    width = max(WIDTH, left + right + MIN_PLOT)
    rows = _legend_rows(names, width - 2 * PAD)
    legend_height = len(rows) * FONT * LINE + (VALUE_GAP if rows else 0)
    plot_height = ROW * len(labels)
    fig, top = _canvas(width, title, legend_height + plot_height + PAD)
    _draw_legend(fig, rows, names, top)
    ax = _axes(fig, left, PAD, width - left - right, plot_height)
    starts = [0] * len(labels)
    for layer, bars in enumerate(layers):
        shown = [(row, max(bar.value, 0)) for row, bar in enumerate(bars) if bar.value is not None]
        if shown:
            rows_shown, values = zip(*shown, strict=True)
            lefts = [starts[row] for row in rows_shown]
            ax.barh(rows_shown, values, left=lefts, height=BAR, **_layer_style(layer))
        for row, value in shown:
            starts[row] += value
    ax.set_xlim(*_value_range(starts))
    ax.set_ylim(len(labels) - 0.5, -0.5)
    for row, end in enumerate(ends):
        colour = MUTED if muted and muted[row] else INK
        _note(ax, starts[row], row, end, dx=VALUE_GAP, ha="left", va="center", color=colour)
    ax.set_yticks(range(len(labels)), labels)
    ax.tick_params(axis="y", length=0, pad=TICK_GAP)
    ax.xaxis.set_visible(False)
    ax.spines["left"].set_visible(True)
    return fig


def _vertical(bars: Sequence[Bar], title: str) -> Figure:
    count = len(bars)
    labels = [_shorten(bar.label) for bar in bars]
    texts = [_clean(bar.text) for bar in bars]
    width = max(WIDTH, 2 * PAD + 14 * count)
    slot = (width - 2 * PAD) / count
    label_width, text_width = _widest(labels), _widest(texts)
    # Texts wider than their bar's slot turn upright rather than overlap their neighbours.
    turn_labels, turn_texts = label_width > slot - 4, text_width > slot - 2
    bottom = PAD + (label_width if turn_labels else FONT * LINE) + TICK_GAP
    above = (text_width if turn_texts else FONT * LINE) + VALUE_GAP
    fig, _top = _canvas(width, title, above + PLOT_HEIGHT + bottom)
    ax = _axes(fig, PAD, bottom, width - 2 * PAD, PLOT_HEIGHT)
    ax.set_ylim(*_value_range([bar.value for bar in bars]))
    ax.set_xlim(-0.5, count - 0.5)
    shown = [(index, max(bar.value, 0)) for index, bar in enumerate(bars) if bar.value is not None]
    if shown:
        positions, values = zip(*shown, strict=True)
        ax.bar(positions, values, width=BAR, **_layer_style(0))
    turn: dict[str, Any] = {"rotation": 90, "rotation_mode": "anchor", "ha": "left", "va": "center"}
    upright = turn if turn_texts else {"ha": "center", "va": "bottom"}
    for index, (bar, text) in enumerate(zip(bars, texts, strict=True)):
        colour = MUTED if bar.value is None else INK
        _note(ax, index, max(bar.value or 0, 0), text, dy=VALUE_GAP, color=colour, **upright)
    ax.set_xticks(range(count), labels)
    if turn_labels:
        for label in ax.get_xticklabels():
            label.set(rotation=90, rotation_mode="anchor", ha="right", va="center")
    ax.tick_params(axis="x", length=0, pad=TICK_GAP)
    ax.yaxis.set_visible(False)
    ax.spines["bottom"].set_visible(True)
    return fig


def _pyramid(
    bands: Sequence[str],
    sides: tuple[Sequence[Bar], Sequence[Bar]],
    headings: tuple[str, str],
    title: str,
) -> Figure:
    labels = [_shorten(band) for band in bands]
    texts = [[_clean(bar.text) for bar in bars] for bars in sides]
    heads = [_shorten(heading) for heading in headings]
    band_gap = 3 * TICK_GAP  # keeps the longest male bar's text apart from its band label
    left = PAD + _widest(labels) + band_gap
    # Texts sit beyond the bars' ends inside one symmetric axis, so each half keeps room for
    # the widest text of either side.
    room = _widest([*texts[0], *texts[1]]) + VALUE_GAP + 2
    half = max(room + MIN_PLOT / 2, _widest(heads, bold=True) + 4)
    width = max(WIDTH, left + PAD + 2 * half)
    half = (width - left - PAD) / 2
    plot_height = 16.0 * len(bands)
    fig, _top = _canvas(width, title, FONT * LINE + VALUE_GAP + plot_height + PAD)
    ax = _axes(fig, left, PAD, 2 * half, plot_height)
    _low, high = _value_range([bar.value for bars in sides for bar in bars])
    limit = high * half / (half - room)
    ax.set_xlim(-limit, limit)
    ax.set_ylim(-0.5, len(bands) - 0.5)  # youngest band at the bottom
    for sign, bars, side_texts, colour in zip((-1, 1), sides, texts, PALETTE, strict=False):
        shown = [(row, max(bar.value, 0)) for row, bar in enumerate(bars) if bar.value is not None]
        if shown:
            rows, values = zip(*shown, strict=True)
            ax.barh(rows, [sign * value for value in values], height=BAR, color=colour, linewidth=0)
        for row, (bar, text) in enumerate(zip(bars, side_texts, strict=True)):
            end, ink = sign * max(bar.value or 0, 0), MUTED if bar.value is None else INK
            ha = "left" if sign > 0 else "right"
            _note(ax, end, row, text, dx=sign * VALUE_GAP, ha=ha, va="center", color=ink)
    for centre, heading in zip((0.25, 0.75), heads, strict=True):
        _note(
            ax,
            centre,
            1,
            heading,
            dy=VALUE_GAP,
            xycoords="axes fraction",
            ha="center",
            va="bottom",
            weight="bold",
        )
    ax.axvline(0, color=INK, linewidth=0.8)
    ax.set_yticks(range(len(bands)), labels)
    ax.tick_params(axis="y", length=0, pad=band_gap)
    ax.xaxis.set_visible(False)
    return fig


def _trend(points: Sequence[Point], title: str, change_text: str) -> Figure:
    count, last = len(points), len(points) - 1
    labels = [_shorten(point.label) for point in points]
    texts = [_clean(point.text) for point in points]
    values = [point.value for point in points]
    low, high = _value_range(values)
    shown = any(value is not None for value in values)
    ticks = [int(tick) for tick in MaxNLocator(nbins=4, integer=True).tick_values(low, high)]
    ticks = [tick for tick in ticks if shown and low <= tick <= high]
    tick_labels = [_group_digits(tick) for tick in ticks]
    left = PAD + _widest(tick_labels) + TICK_GAP
    right = PAD + max(_width(texts[-1], bold=True) + 8, _width(labels[-1]) / 2)
    width = max(WIDTH, left + right + 6 * count)
    plot_width = width - left - right
    change_lines = _wrap(change_text, min(200.0, plot_width * 0.75), size=FONT, bold=False)
    bottom = PAD + FONT * LINE + TICK_GAP
    fig, _top = _canvas(width, title, PLOT_HEIGHT + bottom)
    ax = _axes(fig, left, bottom, plot_width, PLOT_HEIGHT)
    # Room above the highest point for its text, and for the change text above the last point.
    headroom = max(FONT * LINE + 8, len(change_lines) * FONT * LINE + 14)
    ax.set_ylim(low, high + (high - low) * headroom / (PLOT_HEIGHT - headroom))
    ax.set_xlim(-0.5, count - 0.5)
    heights = [math.nan if value is None else value for value in values]  # NaN breaks the line
    ax.plot(range(count), heights, color=PALETTE[0], linewidth=2, marker="o", markersize=4.5)
    slot = plot_width / count
    label_all = _widest(texts[:-1]) + 4 <= slot
    for index, (value, text) in enumerate(zip(values, texts, strict=True)):
        if value is None:  # a gap in the line explains itself with its display text
            _note(ax, index, low, text, dy=6, ha="center", va="bottom", color=MUTED)
        elif index == last:
            ax.plot([last], [value], **_LAST_POINT)
            _note(ax, last, value, text, dx=8, ha="left", va="center", weight="bold")
        elif label_all:
            _note(ax, index, value, text, dy=6, ha="center", va="bottom")
    if change_text:  # above the last point, or above a hidden last point's display text
        anchor, rise = (low, 10 + FONT * LINE) if values[-1] is None else (values[-1], 10)
        _note(ax, last, anchor, "\n".join(change_lines), dy=rise, **_CHANGE_STYLE)
    step = max(1, math.ceil((_widest(labels) + 6) / slot))  # thin labels that would collide
    marked = [index for index in range(count) if (last - index) % step == 0]
    ax.set_xticks(marked, [labels[index] for index in marked])
    ax.tick_params(axis="x", length=3, color=RULE, pad=TICK_GAP)
    ax.set_yticks(ticks, tick_labels)
    ax.tick_params(axis="y", length=0, pad=TICK_GAP)
    ax.yaxis.grid(True, color="#E3E3E3", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.spines["bottom"].set_visible(True)
    return fig


def _layer_style(layer: int) -> dict[str, Any]:
    colour, hatch = STACK_COLOURS[layer % 6], STACK_HATCHES[layer % 6] or None
    return {"color": colour, "hatch": hatch, "edgecolor": "white", "linewidth": 0.8}


def _legend_rows(names: Sequence[str], room: float) -> list[list[int]]:
    """Series indexes per legend row, filled left to right."""
    rows: list[list[int]] = []
    used = room
    for index, name in enumerate(names):
        entry = 13 + _width(name) + 12
        if used + entry > room:
            rows.append([])
            used = 0.0
        rows[-1].append(index)
        used += entry
    return rows


def _draw_legend(fig: Figure, rows: list[list[int]], names: Sequence[str], top: float) -> None:
    width, height = _size(fig)
    for number, row in enumerate(rows):
        middle = top + (number + 0.5) * FONT * LINE  # points from the top
        x = PAD
        for index in row:
            corner = (x / width, 1 - (middle + 4.5) / height)
            swatch = Rectangle(corner, 9 / width, 9 / height, transform=fig.transFigure)
            fig.add_artist(swatch).set(**_layer_style(index))
            fig.text((x + 13) / width, 1 - middle / height, names[index], va="center_baseline")
            x += 13 + _width(names[index]) + 12


def _canvas(width: float, title: str, below_title: float) -> tuple[Figure, float]:
    """A figure `width` points wide with the title drawn on top and `below_title` points under
    it; returns the figure and the title block's height."""
    lines = _wrap(title, width - 2 * PAD, size=TITLE_FONT, bold=True)
    title_height = PAD + len(lines) * TITLE_FONT * LINE + 6
    height = title_height + below_title
    fig = Figure(figsize=(width / 72, height / 72), dpi=72)
    FigureCanvasSVG(fig)  # never pyplot: no global figure manager, safe in server threads
    fig.text(PAD / width, 1 - PAD / height, "\n".join(lines), va="top", **_TITLE_STYLE)
    return fig, title_height


def _axes(fig: Figure, left: float, bottom: float, width: float, height: float) -> Axes:
    """Axes placed in points from the figure's lower left corner, stripped of all lines."""
    fig_width, fig_height = _size(fig)
    ax = fig.add_axes(
        (left / fig_width, bottom / fig_height, width / fig_width, height / fig_height)
    )
    ax.patch.set_visible(False)
    for spine in ax.spines.values():
        spine.set(visible=False, color=INK)
    return ax


def _note(
    ax: Axes, x: float, y: float, text: str, dx: float = 0, dy: float = 0, **style: Any
) -> None:
    """Text placed (dx, dy) points from a data point, free to spill outside the axes."""
    ax.annotate(
        text, (x, y), xytext=(dx, dy), textcoords="offset points", annotation_clip=False, **style
    )


def _size(fig: Figure) -> tuple[float, float]:
    width, height = fig.get_size_inches()
    return float(width) * 72, float(height) * 72


def _value_range(values: Sequence[int | None]) -> tuple[int, int]:
    """Axis limits from the visible values only, so a hidden value cannot shape the axis."""
    shown = [value for value in values if value is not None]
    low, high = min([0, *shown]), max([0, *shown])
    return low, high if high > low else low + 1


def _group_digits(number: int) -> str:
    # A narrow no-break space groups digits the same way in English and Bosnian (SI style).
    return f"{number:,}".replace(",", "\u202f")


# Text


def _clean(text: str) -> str:
    """Text safe for XML and for a single drawn line."""
    return _LINE_BREAKS.sub(" ", _NOT_XML.sub("", text)).strip()


def _shorten(text: str, limit: int = LABEL_LIMIT) -> str:
    text = _clean(text)
    if len(text) <= limit:
        return text
    strong = (unicodedata.bidirectional(character) for character in text)
    first_strong = next((kind for kind in strong if kind in ("L", "R", "AL")), "L")
    # A right-to-left mark keeps the ellipsis at the end of an Arabic label as read, instead
    # of letting the left-to-right drawing direction carry it to the label's other side.
    return text[: limit - 1].rstrip() + ("…" if first_strong == "L" else "…\u200f")


@lru_cache(maxsize=8)
def _font(size: float, bold: bool) -> FontProperties:
    return FontProperties(family=FONT_FAMILY, size=size, weight="bold" if bold else "normal")


def _width(text: str, *, size: float = FONT, bold: bool = False) -> float:
    if not text:
        return 0.0
    width, _height, _descent = _MEASURE.get_text_width_height_descent(
        text, _font(size, bold), ismath=False
    )
    return float(width)


def _widest(texts: Sequence[str], *, bold: bool = False) -> float:
    return max((_width(text, bold=bold) for text in texts), default=0.0)


def _wrap(text: str, room: float, *, size: float, bold: bool, max_lines: int = 3) -> list[str]:
    """Greedy word wrap by measured width; a word wider than a line is cut."""
    lines: list[str] = []
    current = ""
    for word in _clean(text).split(" "):
        candidate = f"{current} {word}" if current else word
        if _width(candidate, size=size, bold=bold) <= room:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = word
        while len(current) > 1 and _width(current, size=size, bold=bold) > room:
            cut = len(current) - 1
            while cut > 1 and _width(current[:cut], size=size, bold=bold) > room:
                cut -= 1
            lines.append(current[:cut])
            current = current[cut:]
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], lines[max_lines - 1].rstrip()[:-1] + "…"]
    return lines


# Output


def _chart_id(*parts: object) -> str:
    # Derived from the input, so the same chart keeps its ids while two charts on one page
    # (whose ids share the HTML document) do not collide.
    return "chart-" + hashlib.sha256(repr(parts).encode()).hexdigest()[:10]


@contextmanager
def _drawing(chart_id: str) -> Iterator[None]:
    with _LOCK, matplotlib.rc_context({**_RC, "svg.hashsalt": chart_id}):
        yield


def _save(fig: Figure) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata=_NO_METADATA)
    return buffer.getvalue()


def _describe(description: str, listing: list[str]) -> str:
    # role="img" hides the drawn labels from screen readers, so the description also lists
    # every label (in full, even where the drawing shortened it) with its text.
    listing = [item for item in listing if item]
    return "\n".join([description, "; ".join(listing)]) if listing else description


def _finish(svg: str, chart_id: str, title: str, description: str) -> str:
    """Make matplotlib's file an inline, scalable, labelled image that a strict CSP allows."""
    svg = svg[svg.index("<svg") :]  # inline in HTML: no XML prolog or doctype
    # The default style sheet would apply to the whole HTML page and is blocked by a CSP
    # without 'unsafe-inline'; its two rules move to the root as inherited attributes.
    svg = _STYLE_SHEET.sub("", svg, count=1)
    root_end = svg.index(">") + 1
    view_box = _VIEW_BOX.search(svg[:root_end])
    assert view_box is not None
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    root = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'viewBox="{view_box.group(1)}" role="img" aria-labelledby="{title_id}" '
        f'aria-describedby="{desc_id}" stroke-linejoin="round" stroke-linecap="butt">'
        f'<title id="{title_id}">{escape(_clean(title))}</title>'
        f'<desc id="{desc_id}">{escape(_NOT_XML.sub("", description))}</desc>'
    )
    return root + _TAG.sub(_presentation_attributes, svg[root_end:])


def _presentation_attributes(tag: re.Match[str]) -> str:
    """Turn one tag's style="…" into presentation attributes, which CSP does not block, and
    drop matplotlib's group ids ("figure_1"), which repeat in every chart on a page."""
    text = _GROUP_ID.sub(r"\1", tag.group())
    found = _STYLE_ATTRIBUTE.search(text)
    if found is None:
        return text
    text = text[: found.start()] + text[found.end() :]
    for declaration in found.group(1).split(";"):
        name, _colon, value = declaration.partition(":")
        name, value = name.strip(), value.strip()
        if not name:
            continue
        # A style declaration outranks an attribute of the same name, so it replaces it.
        existing = re.search(rf'\s{re.escape(name)}="[^"]*"', text)
        if existing is not None:
            text = f'{text[: existing.start()]} {name}="{value}"{text[existing.end() :]}'
        else:
            closing = len(text) - (2 if text.endswith("/>") else 1)
            text = f'{text[:closing]} {name}="{value}"{text[closing:]}'
    return text
