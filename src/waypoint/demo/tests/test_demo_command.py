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
    assert out[0].split() == ["persona", "role", "password"]
    for persona in PERSONAS:
        assert any(line.startswith(persona.email) and line.endswith(PASSWORD) for line in out)
    assert out[-1].startswith(f"demo: wrote {written:,} persons (200 people, ")
    assert out[-1].endswith(f"; ground truth: {truth}")
    assert truth.exists()


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

    assert len(out) == 1
    assert f", after removing {first:,} earlier ones; " in out[0]
    assert Person.objects.count() == first


@pytest.mark.django_db
def test_csv_mode_writes_files_and_no_persons(tmp_path):
    out, err = _demo(
        "--people",
        "50000",
        "--csv",
        str(tmp_path / "people.csv"),
        "--ground-truth",
        str(tmp_path / "truth.csv"),
    )

    assert not Person.objects.exists()
    assert out == [line for line in out if line.startswith("demo: wrote ")]
    assert f"records to {tmp_path / 'people.csv'}" in out[0]
    assert (tmp_path / "people.csv").stat().st_size > 0
    # Long runs report progress on stderr, every 5% with the rate.
    assert len(err) >= 18
    assert err[-1].startswith("demo: 50,000 of 50,000 people (100%), ")
    assert err[-1].endswith(" people/s")
