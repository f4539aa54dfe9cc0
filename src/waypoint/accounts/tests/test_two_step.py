"""Two-step sign-in: required for administrators, centre managers, protection officers and
AVRR counsellors, open to everyone else; a code from an authenticator app or a one-time
recovery code; nothing but the second step is reachable before it; API tokens of such an
account need a code too; an administrator resets it for someone who lost their phone."""

from __future__ import annotations

import re
import time

import pytest
from django.core.cache import cache
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from waypoint.accounts import mfa
from waypoint.accounts.services import user_create
from waypoint.audit.models import AuditEvent
from waypoint.conftest import PASSWORD, two_step_code

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_throttle():
    cache.clear()
    yield
    cache.clear()


def _sign_in(email: str) -> Client:
    device = Client()
    answer = device.post("/accounts/login/", {"username": email, "password": PASSWORD})
    assert answer.status_code == 302
    return device


def _code_of(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"


def test_nothing_but_the_second_step_is_reachable_before_it(personas):
    manager = _sign_in("manager.lipa@waypoint.test")
    for path in ("/accounts/home/", "/people/", "/reception/TRC-LIP/", "/accounts/account/"):
        answer = manager.get(path)
        assert answer.status_code == 302 and answer["Location"].startswith("/accounts/two-step/")
    assert manager.get("/api/v1/me/").status_code == 403
    wrong = manager.post("/accounts/two-step/", {"code": "000000"})
    assert "wrong or already used" in wrong.content.decode()
    time.sleep(1.1)  # a wrong code holds the device back for a second (django-otp)
    right = manager.post(
        "/accounts/two-step/",
        {"code": two_step_code("manager.lipa@waypoint.test"), "next": "/reception/TRC-LIP/"},
    )
    assert right["Location"] == "/reception/TRC-LIP/"
    assert manager.get("/reception/TRC-LIP/").status_code == 200
    events = AuditEvent.objects.filter(actor=personas["manager.lipa"], purpose="two-step")
    assert events.filter(action="login_failed").count() == 1
    assert events.filter(action="login").count() == 1


def test_an_outside_address_is_not_followed_after_the_second_step(personas):
    admin = _sign_in("admin@waypoint.test")
    answer = admin.post(
        "/accounts/two-step/",
        {"code": two_step_code("admin@waypoint.test"), "next": "https://evil.example/"},
    )
    assert answer["Location"] == "/accounts/home/"


def test_a_recovery_code_works_once(personas):
    counsellor = personas["counsellor"]
    codes = mfa.recovery_codes_make(user=counsellor)
    first = _sign_in(counsellor.email)
    assert first.post("/accounts/two-step/", {"code": codes[0]}).status_code == 302
    again = _sign_in(counsellor.email)
    assert (
        "wrong or already used"
        in again.post("/accounts/two-step/", {"code": codes[0]}).content.decode()
    )
    assert mfa.recovery_codes_left(counsellor) == mfa.RECOVERY_CODES - 1


def test_a_required_role_without_an_app_must_set_one_up(personas):
    admin = personas["admin"]
    officer = user_create(actor=admin, email="officer@example.org", full_name="New Officer")
    officer.set_password(PASSWORD)
    officer.save()
    from waypoint.accounts.services import assignment_add
    from waypoint.places.models import Site

    assignment_add(
        actor=admin, user=officer, role="protection_officer", site=Site.objects.get(code="TRC-LIP")
    )
    device = _sign_in("officer@example.org")
    answer = device.get("/protection/")
    assert answer["Location"].startswith("/accounts/two-step/setup/")
    setup = device.get("/accounts/two-step/setup/").content.decode()
    assert "<svg" in setup and "otpauth" not in setup  # the QR code, drawn here
    key = re.search(r'<code class="secret">([A-Z2-7 ]+)</code>', setup).group(1)
    pending = TOTPDevice.objects.get(user=officer, confirmed=False)
    assert key.replace(" ", "") in mfa.secret_text(pending).replace(" ", "")
    assert (
        "does not match"
        in device.post("/accounts/two-step/setup/", {"code": "123456"}).content.decode()
    )
    time.sleep(1.1)  # a wrong code holds the device back for a second (django-otp)
    done = device.post("/accounts/two-step/setup/", {"code": _code_of(pending)})
    codes = re.findall(r"<code>(\d{4}-\d{4})</code>", done.content.decode())
    assert len(codes) == mfa.RECOVERY_CODES
    assert device.get("/protection/").status_code == 200
    assert mfa.is_on(officer)


def test_an_optional_role_can_turn_it_on_and_off(personas):
    analyst = personas["analyst"]
    device = Client()
    device.force_login(analyst)
    assert device.get("/accounts/home/").status_code == 200
    device.get("/accounts/two-step/setup/")
    pending = TOTPDevice.objects.get(user=analyst, confirmed=False)
    device.post("/accounts/two-step/setup/", {"code": _code_of(pending)})
    assert mfa.is_on(analyst)
    # A new sign-in now takes the second step.
    fresh = _sign_in(analyst.email)
    assert fresh.get("/accounts/home/")["Location"].startswith("/accounts/two-step/")
    device.post("/accounts/two-step/off/")
    assert not mfa.is_on(analyst)
    admin = Client()
    admin.force_login(personas["admin"])
    assert admin.post("/accounts/two-step/off/").status_code == 403  # required for admins


def test_tokens_of_an_account_with_two_step_need_a_code(client, personas):
    asked = {"email": "counsellor@waypoint.test", "password": PASSWORD}
    without = client.post("/api/v1/auth/token/", asked, content_type="application/json")
    assert without.status_code == 400 and "otp" in without.json()
    code = two_step_code("counsellor@waypoint.test")
    withcode = client.post(
        "/api/v1/auth/token/", {**asked, "otp": code}, content_type="application/json"
    )
    assert withcode.status_code == 200 and withcode.json()["token"]


def test_an_administrator_resets_a_lost_phone(personas):
    admin = Client()
    admin.force_login(personas["admin"])
    manager = personas["manager.lipa"]
    answer = admin.post(f"/accounts/users/{manager.pk}/two-step/reset/")
    assert answer.status_code == 302
    assert not mfa.is_on(manager)
    again = _sign_in(manager.email)
    assert again.get("/accounts/home/")["Location"].startswith("/accounts/two-step/setup/")
    someone = Client()
    someone.force_login(personas["analyst"])
    assert someone.post(f"/accounts/users/{manager.pk}/two-step/reset/").status_code in {403, 404}
