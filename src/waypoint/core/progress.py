"""How far along a long command is: numbered steps with their true durations, and a bar with
counts and time left for the steps that take long.

On a terminal the bar redraws itself on one line; anywhere else (a log file, ``make run``
piped through ``tee``, a test) it prints a line at every tenth of the work, so a log stays
short and still shows that the work moves.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO

WIDTH = 24


def _emit(out: Any, text: str) -> None:
    """Write ``text`` as it is: Django's ``OutputWrapper`` would add a line end of its own."""
    if hasattr(out, "style_func"):
        out.write(text, ending="")
    else:
        out.write(text)
    if hasattr(out, "flush"):
        out.flush()


def _duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest:02d} s"


class Bar:
    """``bar(done, total)`` after each piece of work; ``bar.close()`` when it ends."""

    def __init__(
        self, out: TextIO | Any, label: str, *, clock: Callable[[], float] = time.monotonic
    ):
        self.out = out
        self.label = label
        self.clock = clock
        self.started = clock()
        self.live = bool(getattr(out, "isatty", lambda: False)())
        self.next_tenth = 1
        self.drawn = False

    def line(self, done: int, total: int) -> str:
        share = done / total if total else 1.0
        filled = int(share * WIDTH)
        elapsed = self.clock() - self.started
        left = f", about {_duration(elapsed / share - elapsed)} left" if 0 < share < 1 else ""
        return (
            f"  [{'#' * filled}{'.' * (WIDTH - filled)}] {self.label}: {done:,} of {total:,} "
            f"({share:.0%}), {_duration(elapsed)}{left}"
        )

    def __call__(self, done: int, total: int) -> None:
        if self.live:
            _emit(self.out, "\r" + self.line(done, total) + "\x1b[K")
            self.drawn = True
        elif total and done * 10 >= self.next_tenth * total:
            _emit(self.out, self.line(done, total) + "\n")
            self.next_tenth = done * 10 // total + 1

    def close(self) -> None:
        if self.live and self.drawn:
            _emit(self.out, "\n")


class Steps:
    """Numbered steps: ``with steps.step("admitting residents") as bar:`` prints the step as
    it starts and, when it ends, how long it truly took; ``bar`` reports progress inside it."""

    def __init__(
        self, out: TextIO | Any, total: int, *, clock: Callable[[], float] = time.monotonic
    ):
        self.out = out
        self.total = total
        self.clock = clock
        self.number = 0
        self.started = clock()

    def _write(self, text: str) -> None:
        _emit(self.out, text + "\n")

    @contextmanager
    def step(self, what: str) -> Iterator[Bar]:
        self.number += 1
        self._write(f"[{self.number}/{self.total}] {what}...")
        began = self.clock()
        bar = Bar(self.out, what, clock=self.clock)
        try:
            yield bar
        finally:
            bar.close()
        self._write(
            f"[{self.number}/{self.total}] {what}: done in {_duration(self.clock() - began)}"
        )

    def finish(self, what: str) -> None:
        self._write(f"{what} in {_duration(self.clock() - self.started)}")
