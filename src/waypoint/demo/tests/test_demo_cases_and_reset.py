"""The demo opens voluntary return cases, and --reset replaces everything it made."""

from io import StringIO

import pytest
from django.core.management import call_command

from waypoint.presence.models import Round
from waypoint.returns.models import Case


@pytest.mark.django_db
def test_the_demo_opens_cases_and_a_reset_rebuilds_them(places, tmp_path):
    truth = str(tmp_path / "truth.csv")
    out = StringIO()
    call_command("demo", "--people", "300", "--ground-truth", truth, stdout=out, stderr=StringIO())
    assert "voluntary return cases" in out.getvalue()
    first = Case.objects.count()
    assert first >= 5
    assert Case.objects.exclude(stage="application").exists()
    call_command(
        "demo",
        "--people",
        "300",
        "--reset",
        "--ground-truth",
        truth,
        stdout=StringIO(),
        stderr=StringIO(),
    )
    assert Case.objects.count() == first
    assert Round.objects.filter(status="published").count() == 3  # not doubled by the rerun
