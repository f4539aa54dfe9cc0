"""Passkeys (WebAuthn) as the second step of signing in: added on "Your account" beside the
authenticator app, used at sign-in instead of a code, and refused when the answer was made
for another origin, another challenge, or replays an earlier one.

The authenticator here is a small software one (an ECDSA P-256 key, "none" attestation):
the browser and its authenticator lie outside Waypoint; everything on the server is real.
The browser test (``test_browser_passkeys.py``) drives Chromium's virtual authenticator."""

from __future__ import annotations

import hashlib
import json
import os
import struct
from typing import Any

import cbor2
import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from django.core.cache import cache
from django.test import Client
from webauthn.helpers import bytes_to_base64url

from waypoint.accounts.models import Passkey, User
from waypoint.audit.models import AuditEvent
from waypoint.conftest import PASSWORD

pytestmark = pytest.mark.django_db

ORIGIN = "http://testserver"
EMAIL = "protection.borici@waypoint.test"


class SoftwareAuthenticator:
    """Answers ``navigator.credentials.create`` and ``.get`` as a platform authenticator
    would, from the options the server sent."""

    def __init__(self) -> None:
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.credential_id = os.urandom(32)
        self.sign_count = 0

    def _public_key(self) -> bytes:
        numbers = self.key.public_key().public_numbers()
        cose = {1: 2, 3: -7, -1: 1, -2: numbers.x.to_bytes(32, "big")}
        cose[-3] = numbers.y.to_bytes(32, "big")
        return cbor2.dumps(cose)

    @staticmethod
    def _client_data(kind: str, challenge: str, origin: str) -> bytes:
        data = {"type": kind, "challenge": challenge, "origin": origin, "crossOrigin": False}
        return json.dumps(data).encode()

    def create(self, options: dict[str, Any], origin: str = ORIGIN) -> dict[str, Any]:
        rp_hash = hashlib.sha256(options["rp"]["id"].encode()).digest()
        attested = (
            bytes(16)  # AAGUID
            + struct.pack(">H", len(self.credential_id))
            + self.credential_id
            + self._public_key()
        )
        flags = 0x01 | 0x04 | 0x40  # user present, user verified, attested credential data
        auth_data = rp_hash + bytes([flags]) + struct.pack(">I", self.sign_count) + attested
        attestation = cbor2.dumps({"fmt": "none", "attStmt": {}, "authData": auth_data})
        client_data = self._client_data("webauthn.create", options["challenge"], origin)
        return {
            "id": bytes_to_base64url(self.credential_id),
            "rawId": bytes_to_base64url(self.credential_id),
            "type": "public-key",
            "response": {
                "clientDataJSON": bytes_to_base64url(client_data),
                "attestationObject": bytes_to_base64url(attestation),
                "transports": ["internal"],
            },
            "clientExtensionResults": {},
            "authenticatorAttachment": "platform",
        }

    def get(
        self, options: dict[str, Any], origin: str = ORIGIN, sign_count: int | None = None
    ) -> dict[str, Any]:
        self.sign_count = self.sign_count + 1 if sign_count is None else sign_count
        rp_hash = hashlib.sha256(options["rpId"].encode()).digest()
        auth_data = rp_hash + bytes([0x01 | 0x04]) + struct.pack(">I", self.sign_count)
        client_data = self._client_data("webauthn.get", options["challenge"], origin)
        signed = auth_data + hashlib.sha256(client_data).digest()
        signature = self.key.sign(signed, ec.ECDSA(hashes.SHA256()))
        return {
            "id": bytes_to_base64url(self.credential_id),
            "rawId": bytes_to_base64url(self.credential_id),
            "type": "public-key",
            "response": {
                "clientDataJSON": bytes_to_base64url(client_data),
                "authenticatorData": bytes_to_base64url(auth_data),
                "signature": bytes_to_base64url(signature),
                "userHandle": None,
            },
            "clientExtensionResults": {},
        }


@pytest.fixture(autouse=True)
def fresh_throttle():
    cache.clear()
    yield
    cache.clear()


def post_json(client: Client, path: str, body: dict[str, Any] | None = None) -> Any:
    return client.post(path, json.dumps(body or {}), content_type="application/json")


def add_passkey(client: Client, authenticator: SoftwareAuthenticator, name: str = "Laptop") -> Any:
    options = post_json(client, "/accounts/account/passkeys/options/").json()
    credential = authenticator.create(options)
    return post_json(
        client, "/accounts/account/passkeys/", {"name": name, "credential": credential}
    )


def password_only(email: str = EMAIL) -> Client:
    """A session past the password, waiting at the second step."""
    client = Client()
    answer = client.post("/accounts/login/", {"username": email, "password": PASSWORD})
    assert answer.status_code == 302
    return client


def passkey_step(client: Client, authenticator: SoftwareAuthenticator, **answer: Any) -> Any:
    options = post_json(client, "/accounts/two-step/passkey/options/").json()
    credential = authenticator.get(options, **answer)
    return post_json(
        client, "/accounts/two-step/passkey/?next=/accounts/home/", {"credential": credential}
    )


@pytest.fixture
def officer_with_passkey(personas: dict[str, User]) -> tuple[User, SoftwareAuthenticator]:
    officer = personas["protection.borici"]
    authenticator = SoftwareAuthenticator()
    client = Client()
    client.force_login(officer)
    assert add_passkey(client, authenticator).status_code == 200
    return officer, authenticator


def test_a_passkey_added_on_your_account_is_listed_with_its_name(client, personas):
    officer = personas["protection.borici"]
    client.force_login(officer)
    options = post_json(client, "/accounts/account/passkeys/options/").json()
    assert options["rp"]["id"] == "testserver"
    assert options["authenticatorSelection"]["userVerification"] == "preferred"
    answer = post_json(
        client,
        "/accounts/account/passkeys/",
        {"name": "Work laptop", "credential": SoftwareAuthenticator().create(options)},
    )
    assert answer.json() == {"redirect": "/accounts/account/"}
    page = client.get("/accounts/account/").content.decode()
    assert "Work laptop" in page and "Add a passkey" in page
    passkey = Passkey.objects.get(user=officer)
    assert AuditEvent.objects.filter(
        action="create", object_type="accounts.passkey", object_id=str(passkey.pk)
    ).exists()


def test_the_options_exclude_the_passkeys_the_user_already_has(officer_with_passkey):
    officer, authenticator = officer_with_passkey
    client = Client()
    client.force_login(officer)
    options = post_json(client, "/accounts/account/passkeys/options/").json()
    assert [item["id"] for item in options["excludeCredentials"]] == [
        bytes_to_base64url(authenticator.credential_id)
    ]


def test_a_passkey_made_for_another_origin_is_not_added(client, personas):
    client.force_login(personas["protection.borici"])
    options = post_json(client, "/accounts/account/passkeys/options/").json()
    credential = SoftwareAuthenticator().create(options, origin="https://phishing.example")
    answer = post_json(
        client, "/accounts/account/passkeys/", {"name": "x", "credential": credential}
    )
    assert answer.status_code == 400
    assert not Passkey.objects.exists()


def test_a_registration_challenge_is_used_once(client, personas):
    client.force_login(personas["protection.borici"])
    options = post_json(client, "/accounts/account/passkeys/options/").json()
    credential = SoftwareAuthenticator().create(options)
    body = {"name": "Laptop", "credential": credential}
    assert post_json(client, "/accounts/account/passkeys/", body).status_code == 200
    Passkey.objects.all().delete()
    assert post_json(client, "/accounts/account/passkeys/", body).status_code == 400
    assert not Passkey.objects.exists()


def test_an_account_without_the_authenticator_app_cannot_add_a_passkey(client, personas):
    client.force_login(personas["registrar.lipa"])
    assert post_json(client, "/accounts/account/passkeys/options/").status_code == 409
    assert "Set up two-step sign-in with an authenticator app first" in (
        client.get("/accounts/account/").content.decode()
    )


def test_a_passkey_does_the_second_step_instead_of_a_code(officer_with_passkey):
    officer, authenticator = officer_with_passkey
    client = password_only()
    assert client.get("/people/")["Location"].startswith("/accounts/two-step/")
    assert "Use a passkey" in client.get("/accounts/two-step/").content.decode()
    answer = passkey_step(client, authenticator)
    assert answer.json() == {"redirect": "/accounts/home/"}
    assert client.get("/accounts/home/").status_code == 200
    passkey = Passkey.objects.get(user=officer)
    assert passkey.sign_count == 1 and passkey.last_used_at is not None
    assert AuditEvent.objects.filter(
        actor=officer, action="login", purpose="two-step passkey"
    ).exists()


def test_an_answer_signed_for_another_origin_is_refused_and_audited(officer_with_passkey):
    officer, authenticator = officer_with_passkey
    client = password_only()
    answer = passkey_step(client, authenticator, origin="https://phishing.example")
    assert answer.status_code == 400
    assert client.get("/accounts/home/").status_code == 302
    failure = AuditEvent.objects.get(actor=officer, action="login_failed")
    assert failure.purpose.startswith("two-step passkey:") and "origin" in failure.purpose


def test_an_answer_to_another_challenge_is_refused(officer_with_passkey):
    officer, authenticator = officer_with_passkey
    client = password_only()
    stale = post_json(client, "/accounts/two-step/passkey/options/").json()
    post_json(client, "/accounts/two-step/passkey/options/")  # a new challenge replaces it
    credential = authenticator.get(stale)
    answer = post_json(client, "/accounts/two-step/passkey/", {"credential": credential})
    assert answer.status_code == 400
    assert "challenge" in AuditEvent.objects.get(actor=officer, action="login_failed").purpose
    assert client.get("/accounts/home/").status_code == 302


def test_a_replayed_answer_is_refused(officer_with_passkey):
    officer, authenticator = officer_with_passkey
    first = password_only()
    options = post_json(first, "/accounts/two-step/passkey/options/").json()
    credential = authenticator.get(options)
    assert (
        post_json(first, "/accounts/two-step/passkey/", {"credential": credential}).status_code
        == 200
    )
    # The same answer again, in the same session and in another one that asked for options.
    assert (
        post_json(first, "/accounts/two-step/passkey/", {"credential": credential}).status_code
        == 400
    )
    second = password_only()
    post_json(second, "/accounts/two-step/passkey/options/")
    assert (
        post_json(second, "/accounts/two-step/passkey/", {"credential": credential}).status_code
        == 400
    )
    assert second.get("/accounts/home/").status_code == 302
    assert AuditEvent.objects.filter(actor=officer, action="login_failed").count() == 2


def test_a_sign_count_that_did_not_go_up_is_refused(officer_with_passkey):
    officer, authenticator = officer_with_passkey
    assert passkey_step(password_only(), authenticator, sign_count=5).status_code == 200
    cloned = password_only()
    assert passkey_step(cloned, authenticator, sign_count=5).status_code == 400
    assert passkey_step(password_only(), authenticator, sign_count=3).status_code == 400
    assert Passkey.objects.get(user=officer).sign_count == 5
    assert (
        "sign count"
        in AuditEvent.objects.filter(actor=officer, action="login_failed").first().purpose
    )


def test_an_expired_challenge_is_refused(officer_with_passkey):
    officer, authenticator = officer_with_passkey
    client = password_only()
    options = post_json(client, "/accounts/two-step/passkey/options/").json()
    session = client.session
    session["waypoint_webauthn_challenge"]["expires"] = 0
    session.save()
    credential = authenticator.get(options)
    assert (
        post_json(client, "/accounts/two-step/passkey/", {"credential": credential}).status_code
        == 400
    )
    assert "expired" in AuditEvent.objects.get(actor=officer, action="login_failed").purpose


def test_someone_elses_passkey_does_not_do_your_second_step(officer_with_passkey, personas):
    _officer, officers_authenticator = officer_with_passkey
    manager = personas["manager.lipa"]
    own = Client()
    own.force_login(manager)
    assert add_passkey(own, SoftwareAuthenticator()).status_code == 200
    waiting = password_only("manager.lipa@waypoint.test")
    assert passkey_step(waiting, officers_authenticator).status_code == 400
    assert waiting.get("/accounts/home/").status_code == 302
    failure = AuditEvent.objects.get(actor=manager, action="login_failed")
    assert "not one of this account's passkeys" in failure.purpose


def test_removing_a_passkey_takes_it_off_the_list_and_out_of_sign_in(officer_with_passkey):
    officer, _authenticator = officer_with_passkey
    client = Client()
    client.force_login(officer)
    passkey = Passkey.objects.get(user=officer)
    answer = client.post(f"/accounts/account/passkeys/{passkey.pk}/remove/")
    assert answer.status_code == 302
    assert not Passkey.objects.filter(user=officer).exists()
    assert AuditEvent.objects.filter(
        action="delete", object_type="accounts.passkey", object_id=str(passkey.pk)
    ).exists()
    waiting = password_only()
    assert "Use a passkey" not in waiting.get("/accounts/two-step/").content.decode()


def test_nobody_removes_another_persons_passkey(officer_with_passkey, client, personas):
    officer, _authenticator = officer_with_passkey
    client.force_login(personas["manager.lipa"])
    passkey = Passkey.objects.get(user=officer)
    assert client.post(f"/accounts/account/passkeys/{passkey.pk}/remove/").status_code == 404
    assert Passkey.objects.filter(pk=passkey.pk).exists()


def test_an_administrator_resetting_two_step_removes_the_passkeys_too(
    officer_with_passkey, client, personas
):
    officer, _authenticator = officer_with_passkey
    client.force_login(personas["admin"])
    assert client.post(f"/accounts/users/{officer.pk}/two-step/reset/").status_code == 302
    assert not Passkey.objects.filter(user=officer).exists()
