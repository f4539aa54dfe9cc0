"""The demo opens voluntary return cases and leaves lists that see people outside the
centres, with an estimate of them; --reset replaces everything it made."""

from io import StringIO

import pytest
from django.core.management import call_command

from waypoint.estimation.models import OutsideList, StoredEstimate
from waypoint.presence.models import Round
from waypoint.protection.models import OutreachContact
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
    assert "people outside: estimated" in out.getvalue()
    assert OutsideList.objects.filter(is_synthetic=True).count() == 2
    contacts = OutreachContact.objects.count()
    published = StoredEstimate.objects.get(published_at__isnull=False)
    outside = published.result["not_in_centres"]
    assert outside["ci_low"] <= outside["estimate"] <= outside["ci_high"]
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
    assert OutsideList.objects.count() == 2 and OutreachContact.objects.count() == contacts
