import pytest
from django.urls import reverse

from waypoint.accounts.mfa import REQUIRED_ROLES
from waypoint.accounts.models import Role
from waypoint.audit.models import Action, AuditEvent
from waypoint.conftest import PASSWORD, two_step_code
from waypoint.demo.personas import PERSONAS

pytestmark = pytest.mark.django_db


def sign_in(client, email, password=PASSWORD):
    return client.post(reverse("accounts:login"), {"username": email, "password": password})


@pytest.mark.parametrize("persona", PERSONAS, ids=lambda persona: persona.email)
def test_each_persona_signs_in_and_lands_on_the_page_of_its_role(client, personas, persona):
    response = sign_in(client, persona.email)
    assert response.status_code == 302
    landing = client.get(response["Location"], follow=True)
    if persona.role in REQUIRED_ROLES:
        # The second step first: the code from the persona's authenticator app.
        assert "accounts/two_step.html" in [t.name for t in landing.templates]
        response = client.post(
            "/accounts/two-step/", {"code": two_step_code(persona.email), "next": "/accounts/home/"}
        )
        landing = client.get(response["Location"], follow=True)
    assert landing.status_code == 200
    assert landing.context["role"] == persona.role
    assert f"accounts/landing/{persona.role.value}.html" in [t.name for t in landing.templates]
    assert str(Role(persona.role).label) in landing.content.decode()


def test_a_wrong_password_is_refused_with_the_form_shown_again(client, personas):
    response = sign_in(client, "registrar.lipa@waypoint.test", "not-the-password")
    assert response.status_code == 200
    assert response.context["form"].errors
    assert "_auth_user_id" not in client.session


def test_the_sixth_failed_sign_in_is_refused_even_with_the_right_password(client, personas):
    for _attempt in range(5):
        sign_in(client, "registrar.lipa@waypoint.test", "wrong-password")
    response = sign_in(client, "registrar.lipa@waypoint.test")
    assert response.status_code in {403, 429}
    assert "locked" in response.content.decode().lower()
    assert "_auth_user_id" not in client.session


def test_the_lockout_of_one_account_leaves_others_alone(client, personas):
    for _attempt in range(6):
        sign_in(client, "registrar.lipa@waypoint.test", "wrong-password")
    response = sign_in(client, "registrar.usivak@waypoint.test")
    assert response.status_code == 302


def test_signing_in_rotates_the_session_and_expires_it_after_30_idle_minutes(client, personas):
    client.get(reverse("accounts:login"))
    client.session.save()
    before = client.session.session_key
    sign_in(client, "analyst@waypoint.test")
    assert client.session.session_key != before
    assert client.session.get_expiry_age() == 30 * 60


def test_signing_in_and_out_is_audited(client, personas):
    sign_in(client, "analyst@waypoint.test")
    client.post(reverse("accounts:logout"))
    actions = list(
        AuditEvent.objects.filter(actor=personas["analyst"]).values_list("action", flat=True)
    )
    assert Action.LOGIN in actions and Action.LOGOUT in actions


def test_pages_ask_an_anonymous_visitor_to_sign_in(client, places):
    response = client.get(reverse("accounts:home"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
