"""``waypoint demo`` builds the population, sets up the personas and says what it did."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core.management import call_command

from waypoint.accounts.mfa import REQUIRED_ROLES
from waypoint.demo.personas import PERSONAS
from waypoint.people.models import Person

PASSWORD = "a-long-demo-passphrase"


def _the_line(lines: list[str], start: str) -> str:
    (line,) = [line for line in lines if line.startswith(start)]
    return line


def _demo(*args: str) -> tuple[list[str], list[str]]:
    out, err = StringIO(), StringIO()
    call_command("demo", *args, stdout=out, stderr=err)
    return out.getvalue().splitlines(), err.getvalue().splitlines()


@pytest.mark.django_db
def test_it_builds_the_population_and_prints_the_personas_and_a_summary(places, tmp_path):
    truth = tmp_path / "truth.csv"

    out, _err = _demo(
        "--people", "200", "--seed", "3", "--password", PASSWORD, "--ground-truth", str(truth)
    )

    written = Person.objects.filter(is_synthetic=True).count()
    assert written >= 200
    assert ["persona", "role", "password"] in [line.split() for line in out]
    for persona in PERSONAS:
        assert any(line.startswith(persona.email) and line.endswith(PASSWORD) for line in out)
    summary = _the_line(out, "demo: wrote ")
    assert summary.startswith(f"demo: wrote {written:,} persons (200 people, ")
    assert summary.endswith(f"; ground truth: {truth}")
    assert truth.exists()
    # Each of the seven steps says when it starts and how long it truly took; then the total.
    started = [line for line in out if re.fullmatch(r"\[\d/7\] .*\.\.\.", line)]
    took = r"(\d+\.\d s|\d+ min \d\d s)"
    finished = [line for line in out if re.fullmatch(rf"\[\d/7\] .*: done in {took}", line)]
    assert len(started) == len(finished) == 7
    assert re.fullmatch(rf"demo: ready in {took}", out[-1])
    assert "[3/7] admitting residents to the centres..." in out
    # The long step shows a bar with counts (a line per tenth away from a terminal).
    bar = [line for line in out if line.startswith("  [") and "admitting residents" in line]
    assert len(bar) >= 5 and re.search(r": ([\d,]+) of \1 \(100%\)", bar[-1])


@pytest.mark.django_db
def test_each_persona_gets_its_own_password_when_none_is_given(places, tmp_path):
    out, _err = _demo("--people", "10", "--ground-truth", str(tmp_path / "t.csv"))

    keys_from = next(i for i, line in enumerate(out) if line.startswith("two-step sign-in keys"))
    table = out[:keys_from]
    passwords = {line.split()[-1] for line in table if "@waypoint.test" in line}
    assert len(passwords) == len(PERSONAS)
    # The roles that require two-step sign-in get an authenticator key each, printed once.
    keyed = [line.split()[0] for line in out[keys_from + 1 :] if "@waypoint.test" in line]
    assert sorted(keyed) == sorted(
        persona.email for persona in PERSONAS if persona.role in REQUIRED_ROLES
    )
    code = StringIO()
    call_command("two_step_code", keyed[0], stdout=code)
    assert re.fullmatch(r"\d{6}\n", code.getvalue())


@pytest.mark.django_db
def test_no_personas_skips_them_and_reset_replaces_the_population(places, tmp_path):
    _demo("--people", "100", "--no-personas", "--ground-truth", str(tmp_path / "t.csv"))
    first = Person.objects.count()

    out, _err = _demo(
        "--people", "100", "--reset", "--no-personas", "--ground-truth", str(tmp_path / "t.csv")
    )

    assert f", after removing {first:,} earlier ones; " in _the_line(out, "demo: wrote ")
    assert out[0] == "[1/1] generating the synthetic population..."
    assert Person.objects.count() == first


@pytest.mark.django_db
def test_csv_mode_writes_files_and_no_persons(tmp_path):
    out, _err = _demo(
        "--people",
        "50000",
        "--csv",
        str(tmp_path / "people.csv"),
        "--ground-truth",
        str(tmp_path / "truth.csv"),
    )

    assert not Person.objects.exists()
    assert f"records to {tmp_path / 'people.csv'}" in _the_line(out, "demo: wrote ")
    assert (tmp_path / "people.csv").stat().st_size > 0
    # Away from a terminal, the bar is a line at every tenth of the work, with counts.
    bar = [line for line in out if line.startswith("  [")]
    assert len(bar) >= 9
    assert "50,000 of 50,000 (100%)" in bar[-1]
    assert "left" in bar[0]
