"""Sign-in throttling per client address, beside django-axes' lockout per account and address.

Axes refuses the sixth failure for one account from one address; an attacker spraying many
accounts from one address is stopped here, after ``WAYPOINT_ADDRESS_FAILURE_LIMIT`` failures
(any accounts) from that address within axes' cool-off time. Counted from axes' own records,
so every server process sees the same count.
"""

from __future__ import annotations

from axes.helpers import get_client_ip_address
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest
from django.utils import timezone


def address_failures(address: str) -> int:
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    found = AccessAttempt.objects.filter(ip_address=address, attempt_time__gte=since).aggregate(
        total=Sum("failures_since_start")
    )
    return int(found["total"] or 0)


def address_blocked(request: HttpRequest) -> bool:
    """Whether sign-ins from the request's address are refused for now."""
    address = get_client_ip_address(request)
    if not address:
        return False
    return address_failures(address) >= settings.WAYPOINT_ADDRESS_FAILURE_LIMIT
