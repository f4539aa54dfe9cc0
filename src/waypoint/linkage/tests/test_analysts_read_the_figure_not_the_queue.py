"""An analyst reads the unique-people figure, never the review queue (issue 16, item 3).

The queue shows pairs of registrations with names, dates of birth and registration numbers:
personal data. Analysts hold no personal-data role (``accounts.scoping.PERSONAL_DATA_ROLES``)
and the role table gives them ``count`` in linkage, not ``review``. So their menu offers
**Unique people** (the runs page) and nothing that leads to the queue; asking for the queue
anyway answers 403, and so does deciding a pair.
"""

import pytest
from django.urls import reverse

from waypoint.accounts.models import Role
from waypoint.accounts.scoping import PERSONAL_DATA_ROLES
from waypoint.linkage.access import ROLES, Work
from waypoint.linkage.models import PairStatus

pytestmark = pytest.mark.django_db

QUEUE_PAGES = ("linkage:home", "linkage:review", "linkage:list")


def test_the_role_table_keeps_personal_data_out_of_an_analysts_linkage_work():
    assert Role.ANALYST not in PERSONAL_DATA_ROLES
    assert Role.ANALYST in ROLES[Work.COUNT]
    assert Role.ANALYST not in ROLES[Work.REVIEW]
    assert ROLES[Work.REVIEW] <= PERSONAL_DATA_ROLES


def test_an_analysts_menu_leads_to_unique_people_and_not_to_the_queue(client, personas, pending):
    client.force_login(personas["analyst"])
    home = client.get(reverse("accounts:home")).content.decode()
    assert f'href="{reverse("linkage:runs")}"' in home and "Unique people" in home
    for name in QUEUE_PAGES:
        assert f'href="{reverse(name)}"' not in home
    runs = client.get(reverse("linkage:runs"))
    assert runs.status_code == 200
    assert pending.left.registration_number not in runs.content.decode()


def test_an_analyst_asking_for_the_queue_or_deciding_a_pair_gets_403(client, personas, pending):
    client.force_login(personas["analyst"])
    for name in QUEUE_PAGES:
        assert client.get(reverse(name)).status_code == 403
    pair = reverse("linkage:pair", args=[pending.pk])
    assert client.get(pair).status_code == 403
    assert client.post(pair, {"decision": "same", "note": ""}).status_code == 403
    pending.refresh_from_db()
    assert pending.status == PairStatus.PENDING


def test_a_reviewer_still_finds_the_queue_in_the_menu(client, personas, pending):
    client.force_login(personas["registrar.lipa"])
    home = client.get(reverse("accounts:home")).content.decode()
    assert f'href="{reverse("linkage:review")}"' in home
