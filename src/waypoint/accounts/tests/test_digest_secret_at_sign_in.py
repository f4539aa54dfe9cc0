"""An account whose password was set before Digest existed (or whose email changed) gets
its Digest secret at its next sign-in with the password, on the web or with Basic over
HTTPS, so an enumerator need not change a good password to use a phone on http://."""

from __future__ import annotations

import base64

import pytest
from django.test import Client

from waypoint.accounts.models import DigestSecret
from waypoint.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_signing_in_on_the_web_derives_the_missing_secret(personas):
    analyst = personas["analyst"]
    DigestSecret.objects.filter(user=analyst).delete()
    client = Client()
    response = client.post("/accounts/login/", {"username": analyst.email, "password": PASSWORD})
    assert response.status_code == 302
    secret = DigestSecret.objects.get(user=analyst)
    assert secret.ha1_sha256 == DigestSecret.ha1("sha256", analyst.email.lower(), PASSWORD)


def test_a_wrong_password_derives_nothing(personas):
    analyst = personas["analyst"]
    DigestSecret.objects.filter(user=analyst).delete()
    Client().post("/accounts/login/", {"username": analyst.email, "password": "wrong one"})
    assert not DigestSecret.objects.filter(user=analyst).exists()


def test_basic_on_the_openrosa_endpoint_derives_it_too(personas):
    enumerator = personas["enumerator"]
    DigestSecret.objects.filter(user=enumerator).delete()
    token = base64.b64encode(f"{enumerator.email}:{PASSWORD}".encode()).decode()
    answer = Client().get("/openrosa/formList", HTTP_AUTHORIZATION=f"Basic {token}")
    assert answer.status_code == 200
    assert DigestSecret.objects.get(user=enumerator).username == enumerator.email.lower()
