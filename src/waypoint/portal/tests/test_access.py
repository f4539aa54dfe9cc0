"""The portal contract: who edits the public pages."""

import pytest
from django.core.exceptions import PermissionDenied

from waypoint.portal import access
from waypoint.portal.access import Work
from waypoint.portal.models import Page
from waypoint.portal.services import page_version_save

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("counsellor", True), ("admin", True), ("manager.lipa", False), ("partner", False)],
)
def test_counsellors_and_administrators_edit_content(personas, persona, expected):
    assert access.may(personas[persona], Work.EDIT_CONTENT) is expected


def test_the_service_refuses_an_editor_without_the_role(personas):
    page = Page.objects.create(slug="access-test")
    with pytest.raises(PermissionDenied):
        page_version_save(
            actor=personas["caseworker.lipa"],
            page=page,
            language="en",
            title="Mine",
            body="Mine",
            publish=True,
        )
    assert not page.versions.exists()
