"""Long commands say how far along they are: numbered steps with true durations, and a bar
with counts and time left (on a terminal in place; elsewhere a line per tenth)."""

from __future__ import annotations

import io

from waypoint.core.progress import Bar, Steps


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_bar_away_from_a_terminal_prints_a_line_per_tenth_with_counts_and_time_left():
    out, clock = io.StringIO(), Clock()
    bar = Bar(out, "admitting residents", clock=clock)
    for done in range(1, 1001):
        clock.now += 0.01
        bar(done, 1000)
    lines = out.getvalue().splitlines()
    assert len(lines) == 10
    assert lines[0] == (
        "  [##......................] admitting residents: 100 of 1,000 (10%), 1.0 s, "
        "about 9.0 s left"
    )
    assert lines[-1].endswith("1,000 of 1,000 (100%), 10.0 s")


def test_on_a_terminal_the_bar_redraws_one_line():
    out = Terminal()
    bar = Bar(out, "people", clock=Clock())
    bar(1, 4)
    bar(2, 4)
    bar.close()
    text = out.getvalue()
    assert text.count("\r") == 2 and text.endswith("\n") and text.count("\n") == 1


def test_steps_are_numbered_and_report_how_long_each_truly_took():
    out, clock = io.StringIO(), Clock()
    steps = Steps(out, total=2, clock=clock)
    with steps.step("first"):
        clock.now += 2.5
    with steps.step("second"):
        clock.now += 125
    steps.finish("demo: ready")
    assert out.getvalue().splitlines() == [
        "[1/2] first...",
        "[1/2] first: done in 2.5 s",
        "[2/2] second...",
        "[2/2] second: done in 2 min 05 s",
        "demo: ready in 2 min 08 s",
    ]
