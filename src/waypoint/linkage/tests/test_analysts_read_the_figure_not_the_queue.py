"""An analyst reads the unique-people figure and the review queue as figures, never the
records in it (issue 16, item 3).

A reviewer's queue shows pairs of registrations with names, dates of birth and registration
numbers: personal data. Analysts hold no personal-data role
(``accounts.scoping.PERSONAL_DATA_ROLES``) and the role table gives them ``count`` in
linkage, not ``review``. So their menu offers **Unique people** (the runs page), which leads
to the queue read-only: each pair's probability, why it waits and how many registrations a
decision would affect, with no name, number or link to the pair. Opening a pair, deciding
it or linking an outside list answers 403.
"""

import pytest
from django.urls import reverse

from waypoint.accounts.models import Role
from waypoint.accounts.scoping import PERSONAL_DATA_ROLES
from waypoint.linkage.access import ROLES, Work
from waypoint.linkage.models import PairStatus

pytestmark = pytest.mark.django_db

QUEUE_PAGES = ("linkage:home", "linkage:review")


def test_the_role_table_keeps_personal_data_out_of_an_analysts_linkage_work():
    assert Role.ANALYST not in PERSONAL_DATA_ROLES
    assert Role.ANALYST in ROLES[Work.COUNT]
    assert Role.ANALYST not in ROLES[Work.REVIEW]
    assert ROLES[Work.REVIEW] <= PERSONAL_DATA_ROLES


def test_an_analysts_menu_leads_to_unique_people_and_on_to_the_queue(client, personas, pending):
    client.force_login(personas["analyst"])
    home = client.get(reverse("accounts:home")).content.decode()
    assert f'href="{reverse("linkage:runs")}"' in home and "Unique people" in home
    assert f'href="{reverse("linkage:list")}"' not in home
    runs = client.get(reverse("linkage:runs")).content.decode()
    assert pending.left.registration_number not in runs
    assert f'href="{reverse("linkage:review")}"' in runs


def test_an_analyst_sees_the_queue_as_figures_without_a_record(client, personas, pending):
    client.force_login(personas["analyst"])
    for name in QUEUE_PAGES:
        page = client.get(reverse(name))
        assert page.status_code == 200
        text = page.content.decode()
        for person in (pending.left, pending.right):
            assert person.registration_number not in text
            assert person.family_name not in text
        assert reverse("linkage:pair", args=[pending.pk]) not in text
    queue = client.get(reverse("linkage:review")).content.decode()
    assert f"{pending.probability:.3f}" in queue
    assert "Review pairs" not in client.get(reverse("linkage:home")).content.decode()


def test_an_analyst_opening_a_pair_or_deciding_it_gets_403(client, personas, pending):
    client.force_login(personas["analyst"])
    assert client.get(reverse("linkage:list")).status_code == 403
    pair = reverse("linkage:pair", args=[pending.pk])
    assert client.get(pair).status_code == 403
    assert client.post(pair, {"decision": "same", "note": ""}).status_code == 403
    pending.refresh_from_db()
    assert pending.status == PairStatus.PENDING


def test_a_reviewer_still_finds_the_queue_in_the_menu(client, personas, pending):
    client.force_login(personas["registrar.lipa"])
    home = client.get(reverse("accounts:home")).content.decode()
    assert f'href="{reverse("linkage:review")}"' in home
