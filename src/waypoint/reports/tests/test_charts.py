"""Report charts: deterministic, accessible SVG that never shows a suppressed value."""

from xml.etree.ElementTree import Element

import pytest
from defusedxml.ElementTree import fromstring
from hypothesis import given, settings
from hypothesis import strategies as st

from waypoint.reports.charts import Bar, Point, bar_chart, pyramid, stacked_bars, trend

SVG = "{http://www.w3.org/2000/svg}"
BOSNIAN = "Bihać – Borići, Ušivak, Đ, ž"
BANDS = ["0–4", "5–9", "10–14", "15–17", "18–24", "25–34", "35–44", "45–54", "55–64", "65+"]


def parse(svg: str) -> Element:
    root = fromstring(svg)
    assert root.tag == f"{SVG}svg"
    return root


def drawn_texts(svg: str) -> list[str]:
    return [element.text or "" for element in parse(svg).iter(f"{SVG}text")]


def nationalities() -> list[Bar]:
    counts = [1840, 1205, 960, 731, 512, 488, 260, 144, 97, 41, None, 815]
    return [
        Bar(f"Nationality {index}", count, "<5" if count is None else f"{count:,}")
        for index, count in enumerate(counts)
    ]


def ages() -> tuple[list[Bar], list[Bar]]:
    males = [20, 15, 12, 30, 400, 600, 250, 90, 20, None]
    females = [18, 14, 9, 8, 60, 110, 70, 20, None, 6]
    return (
        [
            Bar(band, value, "x" if value is None else str(value))
            for band, value in zip(BANDS, males, strict=True)
        ],
        [
            Bar(band, value, "<5" if value is None else str(value))
            for band, value in zip(BANDS, females, strict=True)
        ],
    )


def every_kind_of_chart() -> list[str]:
    males, females = ages()
    rounds = [
        Point(f"R{number}", 1000 + 40 * number, f"{1000 + 40 * number:,}") for number in range(1, 9)
    ]
    inside = [Bar("", 1200, "1,200"), Bar("", 300, "300"), Bar("", None, "<5")]
    outside = [Bar("", 400, "400"), Bar("", 80, "80"), Bar("", 12, "12")]
    return [
        bar_chart(nationalities(), title="By nationality", description="Top ten and other."),
        bar_chart(nationalities(), title="Upright", description="Columns.", horizontal=False),
        pyramid(
            BANDS,
            males,
            females,
            title="Sex and age",
            description="Young men.",
            male_label="Males",
            female_label="Females",
        ),
        trend(rounds, title="Over rounds", description="Rising.", change_text="+40 (+3%)"),
        stacked_bars(
            ["FBiH", "RS", "Brčko"],
            [("Inside", inside), ("Outside", outside)],
            title="Where people stay",
            description="Mostly inside centres.",
        ),
    ]


def test_the_same_input_gives_the_same_bytes_twice() -> None:
    first = [svg.encode() for svg in every_kind_of_chart()]
    second = [svg.encode() for svg in every_kind_of_chart()]
    assert first == second


def test_each_chart_is_a_scalable_image_labelled_by_its_title() -> None:
    for svg in every_kind_of_chart():
        root = parse(svg)
        assert root.get("viewBox")
        assert root.get("width") is None and root.get("height") is None
        assert root.get("role") == "img"
        title = root.find(f"{SVG}title")
        desc = root.find(f"{SVG}desc")
        assert title is not None and title.text
        assert desc is not None and desc.text
        assert root.get("aria-labelledby") == title.get("id")
        assert root.get("aria-describedby") == desc.get("id")


def test_no_chart_needs_an_inline_style_a_strict_csp_would_block() -> None:
    for svg in every_kind_of_chart():
        assert "style=" not in svg
        assert "<style" not in svg
        assert not svg.startswith("<?xml")


def test_two_charts_on_one_page_share_no_ids() -> None:
    ids = [
        {element.get("id") for element in parse(svg).iter() if element.get("id")}
        for svg in every_kind_of_chart()
    ]
    for index, chart_ids in enumerate(ids):
        for other in ids[index + 1 :]:
            assert not chart_ids & other


def test_a_suppressed_value_shows_its_display_text_and_no_number_for_it() -> None:
    # The caller hid a 3 in Miral; the chart only ever receives None and "<5".
    bars = [Bar("Lipa", 120, "120"), Bar("Miral", None, "<5"), Bar("Borići", 48, "48")]
    svg = bar_chart(bars, title="Stays by centre", description="Lipa holds most.")
    texts = drawn_texts(svg)
    assert "<5" in texts
    numbers = {text for text in texts if any(character.isdigit() for character in text)}
    assert numbers == {"120", "<5", "48"}
    assert "3" not in "".join(numbers - {"<5"})


def test_a_hidden_part_of_a_pyramid_or_stack_prints_no_number_of_its_own() -> None:
    males, females = ages()
    svg = pyramid(
        BANDS,
        males,
        females,
        title="Sex and age",
        description="d",
        male_label="Males",
        female_label="Females",
    )
    given_texts = {bar.text for bar in (*males, *females)} | set(BANDS)
    assert {text for text in drawn_texts(svg) if any(c.isdigit() for c in text)} <= given_texts
    assert "x" in drawn_texts(svg) and "<5" in drawn_texts(svg)
    stacked = stacked_bars(
        ["Una-Sana"],
        [("Inside", [Bar("", None, "<5")]), ("Outside", [Bar("", 7, "7")])],
        title="t",
        description="d",
    )
    # A total (the hidden value plus 7) is never printed: only the given texts.
    assert "<5 / 7" in drawn_texts(stacked)
    assert [text for text in drawn_texts(stacked) if any(c.isdigit() for c in text)] == ["<5 / 7"]


def test_bosnian_letters_stay_text() -> None:
    svg = bar_chart([Bar(BOSNIAN, 12, "12")], title="Čekaonice i smještaj", description="Đ")
    assert BOSNIAN in drawn_texts(svg)
    assert "Čekaonice i smještaj" in drawn_texts(svg)
    assert "DejaVuSans-" not in svg  # no glyphs embedded as paths


def test_empty_input_gives_valid_svg_with_the_title() -> None:
    empties = [
        bar_chart([], title="Nothing yet", description="No stays."),
        pyramid([], [], [], title="Nothing yet", description="d", male_label="M", female_label="F"),
        trend([], title="Nothing yet", description="d", change_text="+0"),
        stacked_bars([], [], title="Nothing yet", description="d"),
        stacked_bars(["FBiH"], [], title="Nothing yet", description="d"),
    ]
    for svg in empties:
        root = parse(svg)
        assert root.findtext(f"{SVG}title") == "Nothing yet"
        assert "Nothing yet" in drawn_texts(svg)


def test_all_hidden_or_zero_values_give_valid_svg() -> None:
    hidden = [Bar(f"Centre {index}", None, "<5") for index in range(4)]
    zeros = [Bar(f"Centre {index}", 0, "0") for index in range(4)]
    points = [Point(f"R{index}", None, "x") for index in range(5)]
    charts = [
        bar_chart(hidden, title="t", description="d"),
        bar_chart(zeros, title="t", description="d", horizontal=False),
        pyramid(
            BANDS[:4], hidden, zeros, title="t", description="d", male_label="M", female_label="F"
        ),
        trend(points, title="t", description="d", change_text="x"),
        stacked_bars(
            [bar.label for bar in hidden], [("a", hidden), ("b", zeros)], title="t", description="d"
        ),
    ]
    for svg in charts:
        parse(svg)


def test_a_long_label_is_shortened_in_the_drawing_but_whole_in_the_description() -> None:
    long_label = "Temporary Reception Centre Ušivak, Hadžići municipality"
    svg = bar_chart([Bar(long_label, 301, "301")], title="t", description="d")
    drawn = [text for text in drawn_texts(svg) if text.startswith("Temporary")]
    assert drawn == ["Temporary Reception Centre…"]
    assert long_label in (parse(svg).findtext(f"{SVG}desc") or "")


def test_right_to_left_labels_are_drawn_as_text() -> None:
    bars = [Bar("سوريا", 80, "80"), Bar("أفغانستان", 60, "٦٠")]
    svg = bar_chart(bars, title="الجنسيات", description="وصف")
    assert {"سوريا", "أفغانستان", "٦٠"} <= set(drawn_texts(svg))
    long_arabic = "الجمهورية العربية السورية ومزيد من النص"
    drawn = drawn_texts(bar_chart([Bar(long_arabic, 5, "5")], title="t", description="d"))
    # The right-to-left mark keeps the ellipsis at the end of the label as an Arabic reader reads.
    assert any(text.endswith("…\u200f") for text in drawn)


def test_a_trend_marks_its_gaps_and_writes_the_change_beside_the_last_point() -> None:
    points = [
        Point("2026-03", 410, "410"),
        Point("2026-04", None, "x"),
        Point("2026-05", 530, "530"),
    ]
    svg = trend(points, title="Monthly", description="d", change_text="+120 (+29%)")
    texts = drawn_texts(svg)
    assert {"x", "530", "+120 (+29%)"} <= set(texts)


def test_mismatched_series_are_refused() -> None:
    with pytest.raises(ValueError):
        pyramid(BANDS, [], [], title="t", description="d", male_label="M", female_label="F")
    with pytest.raises(ValueError):
        stacked_bars(["a", "b"], [("s", [Bar("a", 1, "1")])], title="t", description="d")


def test_a_twelve_bar_chart_stays_small() -> None:
    assert len(bar_chart(nationalities(), title="t", description="d").encode()) < 40_000


bars_strategy = st.lists(
    st.builds(
        Bar,
        label=st.text(max_size=60),
        value=st.none() | st.integers(min_value=0, max_value=10**6),
        text=st.text(max_size=12),
    ),
    max_size=15,
)


@pytest.mark.filterwarnings("ignore:Glyph")  # characters DejaVu Sans lacks; browsers fall back
@settings(max_examples=50, deadline=None)
@given(bars=bars_strategy, horizontal=st.booleans(), title=st.text(max_size=80))
def test_any_bars_give_parseable_svg(bars: list[Bar], horizontal: bool, title: str) -> None:
    parse(bar_chart(bars, title=title, description=title, horizontal=horizontal))
    points = [Point(bar.label, bar.value, bar.text) for bar in bars]
    parse(trend(points, title=title, description="d", change_text=title))
    parse(
        stacked_bars(
            [bar.label for bar in bars],
            [(title, bars), ("b", bars[::-1])],
            title=title,
            description="d",
        )
    )
    parse(
        pyramid(
            [bar.label for bar in bars],
            bars,
            bars[::-1],
            title=title,
            description="d",
            male_label=title,
            female_label=title,
        )
    )
