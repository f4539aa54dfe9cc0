"""``manage.py check --deploy`` with the production settings of docs/deployment.md reports
nothing (issue 15): TLS behind the proxy, HSTS with subdomains and preload, a redirect to
HTTPS except for the health check, a real secret key, no DEBUG."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys


def _production(folder) -> dict[str, str]:
    # Only the production settings: nothing the test run set for itself (the browser tests
    # set DJANGO_ALLOW_ASYNC_UNSAFE, which check --deploy rightly reports).
    inherited = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "WAYPOINT_")) and key != "DATABASE_URL"
    }
    environment = {
        **inherited,
        "WAYPOINT_VAR_DIR": str(folder),
        "WAYPOINT_HTTPS": "1",
        "WAYPOINT_DEBUG": "0",
        "WAYPOINT_ALLOWED_HOSTS": "waypoint.example.ba",
        "WAYPOINT_SECRET_KEY": secrets.token_urlsafe(64),
    }
    return environment


def test_check_deploy_with_the_production_settings_reports_no_issue(tmp_path):
    environment = _production(tmp_path)
    answer = subprocess.run(
        [sys.executable, "-m", "waypoint", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )
    assert answer.returncode == 0, answer.stdout + answer.stderr
    assert "System check identified no issues (0 silenced)." in answer.stdout


def test_behind_the_proxy_plain_http_is_redirected_except_the_health_check(tmp_path):
    probe = (
        "import django; django.setup(); from django.test import Client; c = Client(); "
        "h = {'HTTP_HOST': 'waypoint.example.ba'}; "
        "print(c.get('/accounts/login/', **h).status_code, c.get('/accounts/login/', **h)"
        ".get('Location'), c.get('/healthz', **h).status_code in (200, 503))"
    )
    answer = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env={**_production(tmp_path), "DJANGO_SETTINGS_MODULE": "waypoint.settings"},
        timeout=120,
    )
    assert answer.stdout.split() == [
        "301",
        "https://waypoint.example.ba/accounts/login/",
        "True",
    ], answer.stderr
