import pytest
from django.urls import reverse

from waypoint.accounts.models import Assignment, Role, User
from waypoint.audit.models import Action, AuditEvent

pytestmark = pytest.mark.django_db


def test_an_administrator_creates_a_user_and_sees_a_one_time_password(client, personas):
    client.force_login(personas["admin"])
    response = client.post(
        reverse("accounts:user_new"),
        {
            "email": "New.Officer@Waypoint.test",
            "full_name": "New Officer",
            "preferred_language": "bs",
        },
        follow=True,
    )
    assert response.status_code == 200
    user = User.objects.get(email="new.officer@waypoint.test")
    assert user.has_usable_password()
    assert "One-time password" in response.content.decode()
    assert AuditEvent.objects.filter(
        object_type="accounts.user", object_id=str(user.pk), action=Action.CREATE
    ).exists()


def test_a_duplicate_email_is_refused_with_a_clear_message(client, personas):
    client.force_login(personas["admin"])
    response = client.post(
        reverse("accounts:user_new"),
        {
            "email": "analyst@waypoint.test",
            "full_name": "Someone",
            "preferred_language": "en",
        },
    )
    assert response.status_code == 200
    assert "already exists" in response.content.decode()


def test_an_administrator_assigns_and_removes_a_role_at_a_site(client, personas):
    client.force_login(personas["admin"])
    analyst = personas["analyst"]
    response = client.post(
        reverse("accounts:assignment_new", args=[analyst.pk]),
        {"role": Role.CASE_WORKER, "site": "TRC-BOR", "area": ""},
    )
    assert response.status_code == 302
    assignment = Assignment.objects.get(user=analyst, role=Role.CASE_WORKER)
    assert assignment.site.code == "TRC-BOR"
    client.post(reverse("accounts:assignment_delete", args=[assignment.pk]))
    assert not Assignment.objects.filter(pk=assignment.pk).exists()
    assert AuditEvent.objects.filter(
        object_type="accounts.assignment", object_id=str(assignment.pk), action=Action.DELETE
    ).exists()


def test_a_role_at_a_site_and_an_area_at_once_is_refused(client, personas):
    client.force_login(personas["admin"])
    response = client.post(
        reverse("accounts:assignment_new", args=[personas["analyst"].pk]),
        {"role": Role.CASE_WORKER, "site": "TRC-BOR", "area": "BA0101"},
    )
    assert response.status_code == 400
    assert "not both" in response.content.decode()


def test_deactivating_a_user_records_only_the_field_name(client, personas):
    client.force_login(personas["admin"])
    partner = personas["partner"]
    client.post(
        reverse("accounts:user", args=[partner.pk]),
        {"full_name": partner.full_name, "preferred_language": "en"},
    )
    partner.refresh_from_db()
    assert not partner.is_active
    event = AuditEvent.objects.filter(object_id=str(partner.pk), action=Action.UPDATE).first()
    assert event.changed_fields == ["is_active"]


@pytest.mark.parametrize("name", ["registrar.lipa", "manager.lipa", "analyst", "partner"])
def test_only_administrators_manage_users(client, personas, name):
    client.force_login(personas[name])
    assert client.get(reverse("accounts:users")).status_code == 403
    assert client.get(reverse("accounts:user", args=[personas["admin"].pk])).status_code == 403


def test_the_user_list_searches_by_name_or_email(client, personas):
    client.force_login(personas["admin"])
    response = client.get(reverse("accounts:users"), {"q": "lipa"})
    emails = [user.email for user in response.context["page"]]
    assert "registrar.lipa@waypoint.test" in emails
    assert "analyst@waypoint.test" not in emails
