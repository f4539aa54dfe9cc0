"""The audit contract: administrators read the trail, nobody else."""

import pytest
from django.contrib.auth.models import AnonymousUser

from waypoint.accounts.models import Role
from waypoint.audit import access
from waypoint.audit.access import Work

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("admin", True), ("manager.lipa", False), ("protection.borici", False), ("analyst", False)],
)
def test_administrators_read_the_audit_trail(personas, persona, expected):
    assert access.may(personas[persona], Work.READ_AUDIT) is expected


def test_the_role_name_is_the_accounts_administrator():
    assert access.ADMINISTRATOR == Role.ADMINISTRATOR
    assert not access.may(AnonymousUser(), Work.READ_AUDIT)
