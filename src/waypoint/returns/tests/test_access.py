"""The voluntary-return contract: persona × work × place → may()."""

import pytest

from waypoint.returns import access
from waypoint.returns.access import Work

pytestmark = pytest.mark.django_db

TABLE = [
    ("counsellor", Work.COUNSEL, "TRC-LIP", True),
    ("counsellor", Work.READ, None, True),
    ("counsellor", Work.REFER, None, True),  # opens the case they will counsel
    ("manager.lipa", Work.REFER, "TRC-LIP", True),
    ("manager.lipa", Work.REFER, "TRC-BOR", False),
    ("caseworker.lipa", Work.READ, "TRC-LIP", True),
    ("caseworker.lipa", Work.COUNSEL, None, False),
    ("admin", Work.COUNSEL, "TRC-BOR", True),
    ("registrar.lipa", Work.READ, None, False),
    ("protection.borici", Work.REFER, None, False),
    ("partner", Work.READ, None, False),
]


@pytest.mark.parametrize(("persona", "work", "where", "expected"), TABLE)
def test_the_contract_answers_by_role_and_place(personas, site, persona, work, where, expected):
    target = site(where) if where else None
    assert access.may(personas[persona], work, target) is expected


def test_reading_is_for_whoever_counsels_or_refers():
    assert access.ROLES[Work.READ] == access.ROLES[Work.COUNSEL] | access.ROLES[Work.REFER]
