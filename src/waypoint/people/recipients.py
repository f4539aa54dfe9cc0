"""Whom a person's data may go to: one list for consents and for protection referrals.

A consent names recipients by code (``Consent.recipients``); a referral names one recipient
(``protection.Referral.recipient``) and needs a consent that names the same code. The list
lives here, on the left of both apps, so the consent form and the referral form offer the
same recipients. Embassies are ``embassy:<ISO 3166 alpha-3>`` (``embassy:PAK``), shown by
the country's name.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from waypoint.core.countries import COUNTRY_CODES, country_name

EMBASSY = "embassy"


class RecipientKind(models.TextChoices):
    """The kinds of organisation a referral goes to and a consent may name."""

    CENTRE_FOR_SOCIAL_WORK = "centre_for_social_work", _("Centre for Social Work")
    GUARDIAN = "guardian", _("Guardian")
    HEALTH_CENTRE = "health_centre", _("Health centre")
    ANTI_TRAFFICKING = "anti_trafficking_coordinator", _("Anti-trafficking coordinator")
    LEGAL_AID = "legal_aid", _("Legal aid")
    CHILD_PROTECTION = "child_protection_partner", _("Child protection partner")


def embassy_code(country: str) -> str:
    """The recipient code of the embassy of ``country`` (an ISO alpha-3 code)."""
    return f"{EMBASSY}:{country.strip().upper()}"


def is_recipient(code: str) -> bool:
    """Whether ``code`` is a kind from ``RecipientKind`` or an embassy of a known country."""
    kind, separator, country = code.partition(":")
    if separator:
        return kind == EMBASSY and country in COUNTRY_CODES
    return code in RecipientKind.values


def recipient_label(code: str) -> str:
    """The recipient by name in the active language ("Embassy of Pakistan", "Legal aid");
    the code itself when it is not one Waypoint knows."""
    kind, separator, country = code.partition(":")
    if separator and kind == EMBASSY and country:
        return gettext("Embassy of %(country)s") % {"country": country_name(country)}
    try:
        return str(RecipientKind(code).label)
    except ValueError:
        return code
