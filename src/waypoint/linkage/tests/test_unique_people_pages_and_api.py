"""The run page, the review home and the API show unique people with their range."""

import pytest
from rest_framework.test import APIClient

from waypoint.linkage import services
from waypoint.linkage.models import CandidatePair, PairStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(admin, twins):
    return services.run_execute(
        run=services.run_request(
            actor=admin, threshold=0.9999999, review_floor=0.01, background=False
        )
    )


def test_an_analyst_opens_the_run_page_and_sees_the_range(client, personas, run):
    client.force_login(personas["analyst"])
    runs = client.get("/linkage/runs/").content.decode()
    assert "Unique people" in runs and f"/linkage/runs/{run.pk}/" in runs
    page = client.get(f"/linkage/runs/{run.pk}/").content.decode()
    assert "unique people at cut-off 1.00" in page
    assert "2–3" in page and "range, at cut-offs 0.01 and 1.00" in page
    assert "When the run finished: 3 unique people" in page
    assert "Start a run" not in page
    assert client.post("/linkage/runs/", {"threshold": "0.9"}).status_code == 403


def test_the_review_home_shows_the_range_of_the_reviewers_scope(client, personas, run):
    client.force_login(personas["registrar.lipa"])
    page = client.get("/linkage/").content.decode()
    assert "2–3" in page and "Registrations in your scope only." in page


def test_htmx_still_gets_only_the_progress_line(client, personas, run):
    client.force_login(personas["admin"])
    line = client.get(f"/linkage/runs/{run.pk}/", HTTP_HX_REQUEST="true").content.decode()
    assert line.startswith("<div id=") and "range 2–3 unique people" in line


def test_roles_that_do_not_count_get_403_and_unknown_runs_404(client, personas, run):
    client.force_login(personas["caseworker.lipa"])
    assert client.get("/linkage/runs/").status_code == 403
    assert client.get(f"/linkage/runs/{run.pk}/").status_code == 404
    client.force_login(personas["analyst"])
    assert client.get("/linkage/runs/999999/").status_code == 404


def test_the_api_gives_the_range_for_the_registry_or_one_site(personas, run, twins):
    api = APIClient()
    api.force_authenticate(personas["analyst"])
    whole = api.get("/api/v1/unique-people/").json()
    assert (whole["registrations"], whole["low"], whole["figure"], whole["high"]) == (3, 2, 3, 3)
    assert whole["whole_registry"] and whole["strict_cutoff"] == 0.9999999
    assert api.get("/api/v1/unique-people/", {"site": "TRC-USI"}).json()["registrations"] == 0
    assert api.get("/api/v1/unique-people/", {"site": "NOPE"}).status_code == 400

    first, second, _other = twins
    pair = CandidatePair.objects.get(left=first, right=second)
    services.pair_decide(actor=personas["admin"], pair=pair, decision=PairStatus.SAME)
    assert api.get("/api/v1/unique-people/").json()["high"] == 2

    api.force_authenticate(personas["partner"])
    assert api.get("/api/v1/unique-people/").status_code == 403


def test_the_run_page_speaks_bosnian(client, personas, run):
    client.force_login(personas["analyst"])
    page = client.get(f"/linkage/runs/{run.pk}/", HTTP_ACCEPT_LANGUAGE="bs").content.decode()
    assert "Jedinstvene osobe" in page and "raspon, na pragovima 0,01 i 1,00" in page
