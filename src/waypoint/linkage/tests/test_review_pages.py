"""The review pages: the queue, a pair side by side, deciding, undoing, and the runs."""

import pytest
from django.urls import reverse

from waypoint.linkage import services
from waypoint.linkage.models import LinkageRun, PairStatus

pytestmark = pytest.mark.django_db


def test_the_queue_lists_the_pair_and_the_pair_page_shows_both_records(client, personas, pending):
    client.force_login(personas["manager.lipa"])
    queue = client.get(reverse("linkage:review"))
    assert queue.status_code == 200
    assert pending.left.registration_number in queue.content.decode()
    page = client.get(reverse("linkage:pair", args=[pending.pk]))
    text = page.content.decode()
    assert pending.left.registration_number in text and pending.right.registration_number in text
    assert "Why the model scored them so" in text
    assert "Date of birth" in text and "same year" in text  # fields and findings, in words


def test_deciding_on_the_page_and_undoing_it(client, personas, pending):
    client.force_login(personas["manager.lipa"])
    url = reverse("linkage:pair", args=[pending.pk])
    response = client.post(url, {"decision": "same", "note": ""})
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == PairStatus.SAME
    decision = pending.decisions.get()
    response = client.post(reverse("linkage:undo", args=[decision.pk]))
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == PairStatus.PENDING


def test_a_decision_without_a_choice_says_what_is_missing(client, personas, pending):
    client.force_login(personas["manager.lipa"])
    response = client.post(reverse("linkage:pair", args=[pending.pk]), {"note": "x"})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()


def test_people_outside_the_review_roles_or_scope_get_403_or_404(client, personas, pending):
    client.force_login(personas["caseworker.lipa"])
    assert client.get(reverse("linkage:review")).status_code == 403
    client.force_login(personas["registrar.usivak"])
    assert client.get(reverse("linkage:pair", args=[pending.pk])).status_code == 404


def test_an_administrator_queues_a_run_and_sees_its_progress(client, personas, twins):
    client.force_login(personas["admin"])
    response = client.post(reverse("linkage:runs"), {"threshold": "0.95", "review_floor": "0.5"})
    assert response.status_code == 302
    run = LinkageRun.objects.get()
    progress = client.get(reverse("linkage:run_progress", args=[run.pk]))
    assert 'hx-trigger="every 2s"' in progress.content.decode()


def test_the_person_page_names_the_other_registrations_of_the_same_individual(
    client, personas, pending
):
    services.pair_decide(actor=personas["manager.lipa"], pair=pending, decision=PairStatus.SAME)
    client.force_login(personas["manager.lipa"])
    page = client.get(reverse("people:person", args=[pending.left_id]))
    assert "Same individual" in page.content.decode()
    assert pending.right.registration_number in page.content.decode()
