"""API tokens are kept as digests, expire, are listed and revoked by their owner and revoked
by a new password; sessions end ten hours after sign-in, after fifteen idle minutes for
protection roles, and everywhere on request; sign-ins are throttled per address without
letting anyone lock someone else out."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from waypoint.accounts.middleware import LAST_REQUEST_AT, SIGNED_IN_AT
from waypoint.accounts.models import ApiToken
from waypoint.accounts.tokens import token_issue
from waypoint.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_throttle():
    cache.clear()
    yield
    cache.clear()


def _me(client: Client, key: str) -> int:
    return client.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Token {key}").status_code


def test_only_a_digest_of_the_token_is_kept(client, personas):
    answer = client.post(
        "/api/v1/auth/token/",
        {"email": "analyst@waypoint.test", "password": PASSWORD, "name": "nightly export"},
        content_type="application/json",
    )
    key = answer.json()["token"]
    stored = ApiToken.objects.get(user=personas["analyst"])
    assert stored.digest == hashlib.sha256(key.encode()).hexdigest()
    assert key not in {stored.digest, stored.prefix, stored.name} and stored.prefix == key[:8]
    assert stored.name == "nightly export"
    assert _me(client, key) == 200
    assert ApiToken.objects.get(pk=stored.pk).last_used_at is not None


def test_an_expired_or_revoked_token_is_refused(client, personas):
    analyst = personas["analyst"]
    expired, expired_key = token_issue(user=analyst, days=1)
    ApiToken.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert _me(client, expired_key) == 401
    revoked, revoked_key = token_issue(user=analyst)
    browser = Client()
    browser.force_login(analyst)
    page = browser.get("/accounts/account/")
    assert revoked.prefix in page.content.decode() and revoked_key not in page.content.decode()
    browser.post(f"/accounts/account/tokens/{revoked.pk}/revoke/")
    assert _me(client, revoked_key) == 401


def test_someone_cannot_revoke_another_persons_token(personas):
    token, _key = token_issue(user=personas["analyst"])
    browser = Client()
    browser.force_login(personas["partner"])
    assert browser.post(f"/accounts/account/tokens/{token.pk}/revoke/").status_code == 404
    assert ApiToken.objects.get(pk=token.pk).revoked_at is None


def test_a_new_password_revokes_every_token(client, personas):
    analyst = personas["analyst"]
    _token, key = token_issue(user=analyst)
    browser = Client()
    browser.force_login(analyst)
    answer = browser.post(
        "/accounts/account/",
        {
            "password-old_password": PASSWORD,
            "password-new_password1": "a brand new passphrase 71",
            "password-new_password2": "a brand new passphrase 71",
        },
    )
    assert answer.status_code == 302
    assert _me(client, key) == 401
    # The session that changed the password goes on; the account's other sessions end.
    assert browser.get("/accounts/account/").status_code == 200


def test_a_common_password_is_refused_with_a_reason(personas):
    browser = Client()
    browser.force_login(personas["analyst"])
    answer = browser.post(
        "/accounts/account/",
        {
            "password-old_password": PASSWORD,
            "password-new_password1": "password123",
            "password-new_password2": "password123",
        },
    )
    assert answer.status_code == 200
    assert "too common" in answer.content.decode()


def test_a_token_made_on_the_page_is_shown_once(personas):
    browser = Client()
    browser.force_login(personas["analyst"])
    made = browser.post("/accounts/account/", {"token-name": "script", "token-days": "30"})
    token = ApiToken.objects.get(user=personas["analyst"])
    assert token.expires_at - timezone.now() > timedelta(days=29)
    shown = made.content.decode()
    assert "copy it now" in shown
    assert (
        token.prefix
        not in browser.get("/accounts/account/").content.decode().split("Your tokens")[0]
    )


def test_sign_out_everywhere_ends_every_session(personas):
    analyst = personas["analyst"]
    phone, desk = Client(), Client()
    for device in (phone, desk):
        device.post("/accounts/login/", {"username": analyst.email, "password": PASSWORD})
        assert device.get("/accounts/home/").status_code == 200
    desk.post("/accounts/account/sign-out-everywhere/")
    assert phone.get("/accounts/home/").status_code == 302
    assert desk.get("/accounts/home/").status_code == 302


def _age_session(device: Client, **seconds: float) -> None:
    session = device.session
    now = timezone.now().timestamp()
    if "started" in seconds:
        session[SIGNED_IN_AT] = now - seconds["started"]
    if "idle" in seconds:
        session[LAST_REQUEST_AT] = now - seconds["idle"]
    session.save()


def test_a_session_ends_ten_hours_after_sign_in(personas):
    device = Client()
    device.force_login(personas["analyst"])
    assert device.get("/accounts/home/").status_code == 200
    _age_session(device, started=10 * 3600 + 5)
    answer = device.get("/accounts/home/")
    assert answer.status_code == 302 and "/accounts/login/" in answer["Location"]


def test_protection_roles_are_signed_out_after_fifteen_idle_minutes(personas):
    officer, analyst = Client(), Client()
    officer.force_login(personas["protection.borici"])
    analyst.force_login(personas["analyst"])
    for device in (officer, analyst):
        device.get("/accounts/home/")
        _age_session(device, idle=16 * 60)
    assert officer.get("/accounts/home/").status_code == 302
    assert analyst.get("/accounts/home/").status_code == 200


def test_failures_from_elsewhere_do_not_lock_the_owner_out(personas):
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(8):
        attacker.post("/accounts/login/", {"username": "analyst@waypoint.test", "password": "x"})
    owner = Client(REMOTE_ADDR="198.51.100.4")
    answer = owner.post(
        "/accounts/login/", {"username": "analyst@waypoint.test", "password": PASSWORD}
    )
    assert answer.status_code == 302


def test_an_address_trying_many_accounts_is_throttled(personas, settings):
    settings.WAYPOINT_ADDRESS_FAILURE_LIMIT = 6
    sprayer = Client(REMOTE_ADDR="203.0.113.10")
    for number in range(6):
        sprayer.post("/accounts/login/", {"username": f"user{number}@x.test", "password": "x"})
    answer = sprayer.post(
        "/accounts/login/", {"username": "analyst@waypoint.test", "password": PASSWORD}
    )
    assert answer.status_code == 200 and "Too many failed sign-ins" in answer.content.decode()
    elsewhere = Client(REMOTE_ADDR="198.51.100.5")
    signed_in = elsewhere.post(
        "/accounts/login/", {"username": "analyst@waypoint.test", "password": PASSWORD}
    )
    assert signed_in.status_code == 302
