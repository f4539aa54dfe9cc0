"""Helpers the reception services share: times, the batch size, residence checks."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

# Clocks on office laptops drift; a time this little ahead is still "now".
CLOCK_SKEW = timedelta(minutes=5)
# SQLite binds at most 32,766 parameters (999 in old builds); chunk long IN lists.
CHUNK = 500  # ids per IN list (core.forms.chunks)
# Nothing in reception happened before this; it also keeps times clear of year-1 overflows.
EARLIEST_YEAR = 2000

T = TypeVar("T")


def moment(at: datetime | None) -> datetime:
    """``at`` checked to be an aware time not in the future, or now."""
    now = timezone.now()
    if at is None:
        return now
    if timezone.is_naive(at):
        raise ValidationError(_("A time must carry its time zone."))
    if at.year < EARLIEST_YEAR:
        raise ValidationError(_("The time is too far in the past."))
    if at > now + CLOCK_SKEW:
        raise ValidationError(_("The time cannot be in the future."))
    return at


def user_or_none(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None
