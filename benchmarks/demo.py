"""How fast ``waypoint demo`` writes a synthetic population, and how much memory it takes.

    uv run python benchmarks/demo.py --people 100000 --seed 1

Runs ``waypoint demo --people N --seed S --reset --no-personas`` against a fresh SQLite
database in a temporary directory (migrated first), then the same with ``--csv`` (no
database), each in its own child process. Prints a markdown table: wall time, records per
second (over wall time), CPU time and the child's peak resident memory (``ru_maxrss`` from
``os.wait4``: that child alone, not the largest of all children so far).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Measurement:
    mode: str
    records: int
    seconds: float
    cpu_seconds: float
    peak_mb: float

    @property
    def rate(self) -> float:
        return self.records / self.seconds if self.seconds else 0.0


def _run(args: list[str], var_dir: Path) -> tuple[str, float, float, float]:
    """Run ``waypoint`` with args; return (stdout, wall s, CPU s, peak RSS in MB)."""
    environment = {**os.environ, "WAYPOINT_VAR_DIR": str(var_dir)}
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        child = subprocess.Popen(
            [sys.executable, "-m", "waypoint", *args], stdout=out, stderr=err, env=environment
        )
        _pid, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if child.returncode != 0:
        sys.exit(f"waypoint {' '.join(args)} failed ({child.returncode}):\n{stderr}")
    # Linux reports ru_maxrss in KiB, macOS in bytes.
    peak = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return stdout, seconds, usage.ru_utime + usage.ru_stime, peak


def _records(stdout: str) -> int:
    match = re.search(r"demo: wrote ([\d,]+) ", stdout)
    if match is None:
        sys.exit(f"no summary line in the output:\n{stdout}")
    return int(match.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    people, seed = str(options.people), str(options.seed)
    with tempfile.TemporaryDirectory(prefix="waypoint-bench-") as directory:
        var_dir = Path(directory)
        _run(["migrate", "--verbosity", "0"], var_dir)
        measurements = []
        stdout, seconds, cpu, peak = _run(
            ["demo", "--people", people, "--seed", seed, "--reset", "--no-personas"], var_dir
        )
        measurements.append(Measurement("database (SQLite)", _records(stdout), seconds, cpu, peak))
        stdout, seconds, cpu, peak = _run(
            ["demo", "--people", people, "--seed", seed, "--csv", str(var_dir / "people.csv")],
            var_dir,
        )
        measurements.append(Measurement("CSV only", _records(stdout), seconds, cpu, peak))
    print(
        f"`waypoint demo --people {options.people} --seed {options.seed}` "
        f"(Python {platform.python_version()}, {platform.machine()}, "
        f"{os.cpu_count()} CPUs; wall time includes starting Django)\n"
    )
    print(
        "| mode | people | records written | wall time (s) | CPU time (s) | records/s "
        "| peak RSS (MB) |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for m in measurements:
        print(
            f"| {m.mode} | {options.people:,} | {m.records:,} | {m.seconds:.1f} | "
            f"{m.cpu_seconds:.1f} | {m.rate:,.0f} | {m.peak_mb:.0f} |"
        )


if __name__ == "__main__":
    main()
