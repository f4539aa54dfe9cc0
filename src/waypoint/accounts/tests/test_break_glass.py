"""Emergency (break-glass) access: a person with a personal-data role opens records outside
their centre for a stated reason and a short time; every request they make meanwhile is
audited naming the grant; it ends when it expires or when they end it; it never gives a new
role, and roles without personal data cannot ask for it."""

from __future__ import annotations

import datetime
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import timezone

from waypoint.accounts.break_glass import break_glass_start
from waypoint.accounts.models import BreakGlass, Role
from waypoint.accounts.scoping import scope_for
from waypoint.accounts.tokens import token_issue
from waypoint.audit.models import AuditEvent
from waypoint.people.models import Person
from waypoint.places.models import Site

pytestmark = pytest.mark.django_db

REASON = "A child from this centre is reported missing and the family is at Lipa now."


def register(site_code: str, serial: int) -> Person:
    site = Site.objects.get(code=site_code)
    return Person.objects.create(
        registration_number=f"{site.registration_prefix}-{serial:07d}-0",
        given_name="Test",
        family_name="Person",
        registered_at=site,
        registered_on=datetime.date(2025, 5, 1),
    )


def ask(client, where: str = "TRC-BOR", reason: str = REASON, minutes: int = 60):  # type: ignore[no-untyped-def]
    return client.post(
        "/accounts/account/emergency-access/",
        {"emergency-where": where, "emergency-reason": reason, "emergency-minutes": minutes},
    )


def expire(grant: BreakGlass) -> None:
    """Time travel: the grant started two hours ago and expired one hour ago."""
    now = timezone.now()
    BreakGlass.objects.filter(pk=grant.pk).update(
        started_at=now - timedelta(hours=2), expires_at=now - timedelta(hours=1)
    )


def test_a_record_outside_the_centre_opens_only_while_the_grant_lasts(client, personas):
    officer = personas["registrar.lipa"]
    in_borici = register("TRC-BOR", 1)
    client.force_login(officer)
    assert client.get(f"/people/{in_borici.pk}/").status_code == 404

    assert ask(client).status_code == 302
    grant = BreakGlass.objects.get(user=officer)
    assert grant.site.code == "TRC-BOR"
    assert grant.expires_at - grant.started_at == timedelta(hours=1)
    started = AuditEvent.objects.get(object_type="accounts.breakglass", action="create")
    assert REASON in started.purpose and started.actor == officer

    opened = client.get(f"/people/{in_borici.pk}/")
    assert opened.status_code == 200
    viewed = AuditEvent.objects.get(action="view", object_type="people.person")
    under_grant = AuditEvent.objects.get(
        action="view", object_type="accounts.breakglass", object_id=str(grant.pk)
    )
    assert under_grant.request_id == viewed.request_id
    assert f"GET /people/{in_borici.pk}/ → 200" in under_grant.purpose

    expire(grant)
    assert client.get(f"/people/{in_borici.pk}/").status_code == 404


def test_every_page_shows_the_red_banner_while_the_grant_lasts(client, personas):
    client.force_login(personas["registrar.lipa"])
    assert "every record you open is recorded" not in client.get("/accounts/home/").content.decode()
    ask(client)
    for path in ("/accounts/home/", "/people/", "/accounts/account/"):
        page = client.get(path).content.decode()
        assert 'class="break-glass-banner"' in page
        assert "Emergency access to Borići" in page
        assert "every record you open is recorded" in page


def test_ending_early_closes_the_access_and_the_banner(client, personas):
    officer = personas["registrar.lipa"]
    in_borici = register("TRC-BOR", 2)
    client.force_login(officer)
    ask(client)
    grant = BreakGlass.objects.get(user=officer)
    assert client.get(f"/people/{in_borici.pk}/").status_code == 200
    assert client.post(f"/accounts/account/emergency-access/{grant.pk}/end/").status_code == 302
    grant.refresh_from_db()
    assert grant.ended_at is not None and not grant.is_active()
    assert client.get(f"/people/{in_borici.pk}/").status_code == 404
    assert "break-glass-banner" not in client.get("/accounts/home/").content.decode()
    assert AuditEvent.objects.filter(
        object_type="accounts.breakglass", action="update", changed_fields=["ended_at"]
    ).exists()


def test_nobody_ends_another_persons_grant(client, personas):
    grant = break_glass_start(
        actor=personas["registrar.lipa"], site=Site.objects.get(code="TRC-BOR"), reason=REASON
    )
    client.force_login(personas["registrar.usivak"])
    assert client.post(f"/accounts/account/emergency-access/{grant.pk}/end/").status_code == 404
    grant.refresh_from_db()
    assert grant.is_active()


@pytest.mark.parametrize("name", ["partner", "analyst", "enumerator"])
def test_roles_without_personal_data_cannot_start_one(client, personas, name):
    client.force_login(personas[name])
    assert "Start emergency access" not in client.get("/accounts/account/").content.decode()
    assert ask(client).status_code == 403
    with pytest.raises(PermissionDenied):
        break_glass_start(actor=personas[name], site=None, reason=REASON)
    assert not BreakGlass.objects.exists()


def test_a_reason_shorter_than_a_sentence_is_refused(client, personas):
    client.force_login(personas["registrar.lipa"])
    answer = ask(client, reason="urgent")
    assert answer.status_code == 400
    assert "at least a sentence" in answer.content.decode()
    assert not BreakGlass.objects.exists()


def test_it_lasts_at_most_four_hours(client, personas):
    client.force_login(personas["registrar.lipa"])
    assert ask(client, minutes=480).status_code == 400
    with pytest.raises(ValidationError):
        break_glass_start(actor=personas["registrar.lipa"], site=None, reason=REASON, minutes=241)
    assert not BreakGlass.objects.exists()


def test_it_never_gives_a_new_role(personas):
    officer = personas["registrar.lipa"]
    borici = Site.objects.get(code="TRC-BOR")
    break_glass_start(actor=officer, site=borici, reason=REASON)
    assert scope_for(officer).allows_site(borici)
    assert scope_for(officer, [Role.REGISTRATION_OFFICER]).allows_site(borici)
    assert scope_for(officer, [Role.PROTECTION_OFFICER]).is_empty
    assert scope_for(officer, [Role.ENUMERATOR, Role.ANALYST]).is_empty


def test_a_national_grant_reaches_every_centre_and_expires(personas):
    officer = personas["registrar.lipa"]
    grant = break_glass_start(actor=officer, site=None, reason=REASON, minutes=30)
    assert scope_for(officer).national
    later = grant.expires_at + timedelta(seconds=1)
    assert not scope_for(officer, at=later).national
    assert scope_for(officer, at=later).allows_site(Site.objects.get(code="TRC-LIP"))


def test_account_pages_are_not_recorded_under_the_grant(client, personas):
    client.force_login(personas["registrar.lipa"])
    ask(client)
    client.get("/accounts/account/")
    client.get("/people/")
    recorded = AuditEvent.objects.filter(object_type="accounts.breakglass", action="view")
    assert [event.purpose.split(": ", 1)[1] for event in recorded] == ["GET /people/ → 200"]


def test_administrators_review_every_grant_with_its_reason(client, personas):
    officer = personas["registrar.lipa"]
    past = break_glass_start(actor=officer, site=Site.objects.get(code="TRC-USI"), reason=REASON)
    expire(past)
    break_glass_start(
        actor=officer,
        site=Site.objects.get(code="TRC-BOR"),
        reason="Protection emergency at Borići: the duty officer is unreachable tonight.",
    )
    client.force_login(personas["admin"])
    page = client.get("/accounts/emergency-access/").content.decode()
    assert REASON in page and "the duty officer is unreachable tonight" in page
    assert "expired" in page and "active" in page
    client.force_login(officer)
    assert client.get("/accounts/emergency-access/").status_code == 403


def test_api_reads_with_a_token_are_recorded_under_the_grant_too(client, personas):
    officer = personas["registrar.lipa"]
    in_borici = register("TRC-BOR", 3)
    _token, secret = token_issue(user=officer, name="script")
    api = Client(HTTP_AUTHORIZATION=f"Token {secret}")
    assert api.get(f"/api/v1/persons/{in_borici.pk}/").status_code == 404
    grant = break_glass_start(actor=officer, site=Site.objects.get(code="TRC-BOR"), reason=REASON)
    assert api.get(f"/api/v1/persons/{in_borici.pk}/").status_code == 200
    recorded = AuditEvent.objects.get(
        action="view", object_type="accounts.breakglass", object_id=str(grant.pk)
    )
    assert f"GET /api/v1/persons/{in_borici.pk}/ → 200" in recorded.purpose
