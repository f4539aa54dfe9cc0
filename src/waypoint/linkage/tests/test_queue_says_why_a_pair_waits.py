"""Each pair in the queue says why it waits, and the pair page marks what differs
(issue 16: pairs at 1.000 waited under "linked automatically from 0.95" with no reason)."""

import pytest
from django.urls import reverse

from waypoint.linkage.models import PairStatus
from waypoint.people.models import Relationship
from waypoint.people.services import household_register

pytestmark = pytest.mark.django_db

HOUSEHOLD = "Registered in one household"
BELOW = "Below 0.95, the line for linking without review"


@pytest.fixture
def siblings(admin, register):
    """Two brothers registered in one household, alike in all but the given name."""
    one = register("TRC-LIP", "Ahmad", "Noori", father_name="Karim")
    two = register("TRC-LIP", "Ahmed", "Noori", father_name="Karim")
    household_register(actor=admin, head=one, members=[(two, Relationship.SIBLING)])
    return one, two


def test_the_queue_says_a_household_pair_waits_for_a_reviewer(
    client, admin, siblings, lipa_people, scored_pair
):
    household = scored_pair(*siblings, 0.999, PairStatus.PENDING)
    unsure = scored_pair(*lipa_people(2), 0.62, PairStatus.PENDING)
    client.force_login(admin)
    page = client.get(reverse("linkage:review")).content.decode()
    assert HOUSEHOLD in page and BELOW in page
    rows = {row["id"]: row for row in client.get("/api/v1/identity-pairs/").json()["results"]}
    assert rows[household.pk]["same_household"] is True
    assert rows[unsure.pk]["same_household"] is False
    pair_page = client.get(reverse("linkage:pair", args=[household.pk])).content.decode()
    assert HOUSEHOLD in pair_page


def test_the_pair_page_marks_the_fields_that_differ(client, admin, siblings, scored_pair):
    pair = scored_pair(*siblings, 0.999, PairStatus.PENDING)
    client.force_login(admin)
    page = client.get(reverse("linkage:pair", args=[pair.pk])).content.decode()
    given = page.index("Given name(s)")
    family = page.index("Family name")
    assert 'class="differs"' in page[given:family]
    father = page.index("Father", family)
    assert 'class="differs"' not in page[family:father]
    assert "Missing values weigh nothing" not in page
    assert "a value missing in either record weighs 0" in page
