"""Analysts and managers see exact figures marked as not for publication; partners never."""

from __future__ import annotations

from waypoint.audit.models import AuditEvent


def test_an_analyst_sees_the_lone_cuban_marked_not_for_publication(
    client, personas, one_cuban_round
):
    client.force_login(personas["analyst"])
    page = client.get("/reports/exact/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Not for publication" in html
    assert "Cuba" in html and "Data quality" in html
    assert AuditEvent.objects.filter(object_type="reports.exact").exists()


def test_a_centre_manager_reads_the_exact_figures_too(client, personas, one_cuban_round):
    client.force_login(personas["manager.lipa"])
    assert client.get("/reports/exact/").status_code == 200


def test_a_partner_is_refused_the_exact_figures_and_shown_no_link(
    client, personas, one_cuban_round
):
    client.force_login(personas["partner"])
    assert client.get("/reports/exact/").status_code == 403
    assert "/reports/exact/" not in client.get("/reports/").content.decode()
