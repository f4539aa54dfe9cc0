"""The demo deduplicates its registry: planted second registrations join their first."""

import csv
from io import StringIO

import pytest
from django.core.management import call_command

from waypoint.linkage.models import IdentityLink, LinkageRun
from waypoint.people.models import Person


@pytest.mark.django_db
def test_the_demo_links_planted_second_registrations_to_their_first(places, tmp_path):
    truth = tmp_path / "truth.csv"
    out = StringIO()
    call_command(
        "demo", "--people", "300", "--ground-truth", str(truth), stdout=out, stderr=StringIO()
    )
    assert "unique people" in out.getvalue()
    run = LinkageRun.objects.get()
    assert run.status == "done" and run.records == Person.objects.count()
    with truth.open() as handle:
        rows = list(csv.DictReader(handle))
    person_of = {row["registration_number"]: row["true_person_id"] for row in rows}
    linked = IdentityLink.objects.select_related("person", "canonical")
    assert linked.exists()
    agree = sum(
        person_of[link.person.registration_number] == person_of[link.canonical.registration_number]
        for link in linked
    )
    assert agree / linked.count() > 0.9  # the links are (almost all) true
