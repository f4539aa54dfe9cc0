"""Counsellors and administrators edit the portal's pages; every save is a new version."""

import pytest

from waypoint.audit.models import AuditEvent
from waypoint.portal.models import PageVersion

pytestmark = pytest.mark.django_db


def test_a_counsellor_publishes_a_new_version_that_visitors_see(client, content, personas):
    client.force_login(personas["counsellor"])
    assert client.get("/portal-admin/").status_code == 200
    editor = client.get("/portal-admin/counsellor/fa/")
    assert editor.status_code == 200
    response = client.post(
        "/portal-admin/counsellor/fa/",
        {"title": "تماس با مشاور", "body": "تلفن: 061 000 000", "publish": "on"},
    )
    assert response.status_code == 302
    assert "061 000 000" in client.get("/fa/pages/counsellor/").content.decode()
    newest = PageVersion.objects.filter(page__slug="counsellor", language="fa").first()
    assert newest.edited_by == personas["counsellor"]
    assert AuditEvent.objects.filter(object_type="portal.pageversion", object_id=str(newest.pk))


def test_a_draft_waits_until_it_is_published(client, content, personas):
    client.force_login(personas["admin"])
    client.post("/portal-admin/support/fr/", {"title": "Brouillon", "body": "Texte en attente"})
    assert "Texte en attente" not in client.get("/fr/pages/support/").content.decode()
    draft = PageVersion.objects.get(page__slug="support", language="fr", is_published=False)
    assert client.get(f"/portal-admin/versions/{draft.pk}/").status_code == 200
    client.post(f"/portal-admin/versions/{draft.pk}/publish/")
    assert "Texte en attente" in client.get("/fr/pages/support/").content.decode()


@pytest.mark.parametrize("persona", ["registrar.lipa", "analyst", "partner"])
def test_other_roles_may_not_edit(client, content, personas, persona):
    client.force_login(personas[persona])
    assert client.get("/portal-admin/").status_code == 403
    assert client.post("/portal-admin/support/fr/", {"title": "x", "body": "y"}).status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in(client, content):
    assert client.get("/portal-admin/").status_code == 302
