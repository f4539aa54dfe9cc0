"""The accounts contract: who manages users, and what Django's admin site is told."""

import pytest
from django.contrib.auth.models import AnonymousUser

from waypoint.accounts import access
from waypoint.accounts.access import Work

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("persona", "work", "where", "expected"),
    [
        ("admin", Work.MANAGE_USERS, None, True),
        ("admin", Work.MANAGE_USERS, "TRC-BOR", True),
        ("manager.lipa", Work.MANAGE_USERS, "TRC-LIP", False),
        ("registrar.lipa", Work.USE_DJANGO_ADMIN, None, False),
        ("admin", Work.USE_DJANGO_ADMIN, None, True),
    ],
)
def test_the_contract_answers_by_role(personas, site, persona, work, where, expected):
    target = site(where) if where else None
    assert access.may(personas[persona], work, target) is expected


def test_a_superuser_without_a_role_is_not_a_waypoint_administrator(places):
    from waypoint.accounts.models import User

    root = User.objects.create_superuser("root@waypoint.test", "x", full_name="Root")
    assert not access.may(root, Work.MANAGE_USERS)
    assert not access.may(AnonymousUser(), Work.MANAGE_USERS)


def test_django_admin_permissions_follow_the_administrator_role(personas):
    assert personas["admin"].has_perm("people.add_person")
    assert not personas["registrar.lipa"].has_perm("people.add_person")
