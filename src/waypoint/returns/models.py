"""Assisted voluntary return and reintegration (AVRR): cases, their stages and their records."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from waypoint.core import crypto
from waypoint.people.models import Consent, Person
from waypoint.places.models import Site
from waypoint.returns.stages import STAGE_DAYS, TERMINAL, Stage

USER = settings.AUTH_USER_MODEL


class Source(models.TextChoices):
    PORTAL = "portal", _("Public portal application")
    CENTRE = "centre", _("Referral from a reception centre")
    WALK_IN = "walk_in", _("Walk-in")
    SFA = "sfa", _("Referral from the Service for Foreigners' Affairs")


class Case(models.Model):
    """One request for assisted voluntary return: one person or a family with a principal.

    ``contact``, ``special_needs`` and ``fitness_note`` are stored encrypted (see
    ``core.crypto``) and never logged. The PIN the
    applicant uses on the portal is kept only as a hash.
    """

    reference = models.CharField(_("reference"), max_length=16, unique=True)
    source = models.CharField(_("source"), max_length=16, choices=Source.choices)
    stage = models.CharField(
        _("stage"), max_length=24, choices=Stage.choices, default=Stage.APPLICATION
    )
    stage_entered_at = models.DateTimeField(_("in this stage since"), default=timezone.now)
    principal = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="return_cases",
        verbose_name=_("principal applicant"),
    )
    given_name = models.CharField(_("given name(s)"), max_length=120)
    family_name = models.CharField(_("family name"), max_length=120, blank=True)
    nationality = models.CharField(_("nationality"), max_length=3, blank=True)
    return_country = models.CharField(_("country of return"), max_length=3)
    return_city = models.CharField(_("city or town of return"), max_length=120, blank=True)
    contact_token = models.TextField(_("contact (encrypted)"), blank=True, editable=False)
    site = models.ForeignKey(
        Site,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="return_cases",
        verbose_name=_("staying at"),
    )
    staying_place = models.CharField(_("staying at (outside centres)"), max_length=200, blank=True)
    preferred_language = models.CharField(_("preferred language"), max_length=8, blank=True)
    form_language = models.CharField(_("language of the application"), max_length=8, blank=True)
    special_needs = crypto.EncryptedTextField(_("special needs"), blank=True)
    counsellor = models.ForeignKey(
        USER,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="return_cases",
        verbose_name=_("counsellor"),
    )
    closure_reason = models.CharField(_("reason for closing"), max_length=16, blank=True)
    fit_to_travel = models.BooleanField(_("fit to travel"), null=True, blank=True)
    fitness_checked_on = models.DateField(_("fitness checked on"), null=True, blank=True)
    fitness_note = crypto.EncryptedTextField(_("fitness note"), max_length=300, blank=True)
    departed_on = models.DateField(_("departed on"), null=True, blank=True)
    arrived_on = models.DateField(_("arrival confirmed on"), null=True, blank=True)
    pin_hash = models.CharField(max_length=128, blank=True, editable=False)
    pin_failures = models.PositiveSmallIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    is_synthetic = models.BooleanField(default=False, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("return case")
        verbose_name_plural = _("return cases")
        indexes = [
            models.Index(fields=["stage", "stage_entered_at"]),
            models.Index(fields=["counsellor", "stage"]),
        ]

    def __str__(self) -> str:
        return self.reference

    def get_absolute_url(self) -> str:
        return reverse("returns:case", args=[self.pk])

    @property
    def applicant_name(self) -> str:
        return " ".join(part for part in (self.given_name, self.family_name) if part)

    @property
    def is_open(self) -> bool:
        return self.stage not in TERMINAL

    def days_in_stage(self, now: datetime | None = None) -> int:
        return max(((now or timezone.now()) - self.stage_entered_at).days, 0)

    def is_overdue(self, now: datetime | None = None) -> bool:
        limit = STAGE_DAYS.get(self.stage)
        return limit is not None and self.days_in_stage(now) > limit


crypto.register_encrypted_field(Case, "contact_token")
crypto.register_encrypted_field(Case, "special_needs")
crypto.register_encrypted_field(Case, "fitness_note")


class CaseMember(models.Model):
    """A person on the case; ``person`` stays empty until linked to a registration."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="return_memberships",
        verbose_name=_("registration"),
    )
    name = models.CharField(_("name"), max_length=200)
    relationship = models.CharField(_("relationship"), max_length=32, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    is_principal = models.BooleanField(_("principal applicant"), default=False)

    class Meta:
        ordering = ["case", "-is_principal", "id"]
        verbose_name = _("case member")
        verbose_name_plural = _("case members")

    def __str__(self) -> str:
        return self.name


class StageChange(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="stage_changes")
    from_stage = models.CharField(max_length=24, choices=Stage.choices, blank=True)
    to_stage = models.CharField(max_length=24, choices=Stage.choices)
    changed_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)
    reason = models.CharField(_("reason"), max_length=500, blank=True)

    class Meta:
        ordering = ["case", "changed_at", "id"]
        indexes = [models.Index(fields=["to_stage", "changed_at"])]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.from_stage} → {self.to_stage}"


class ApplicationConsent(models.Model):
    """The privacy notice an applicant accepted on the portal, before any registration exists.

    ``people.Consent`` belongs to a ``Person``; a portal applicant has none until a counsellor
    links the case, so the acceptance is kept on the case and shown when linking.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="portal_consents")
    notice_version = models.CharField(_("privacy notice version"), max_length=32)
    language = models.CharField(_("language"), max_length=8, blank=True)
    given_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.notice_version


class Topic(models.TextChoices):
    PROCESS = "process", _("Return process and timeline")
    DOCUMENTS = "documents", _("Travel documents")
    REINTEGRATION = "reintegration", _("Reintegration assistance")
    HEALTH = "health", _("Health and fitness to travel")
    FAMILY = "family", _("Family and children")
    ALTERNATIVES = "alternatives", _("Alternatives (asylum, other legal stay)")
    SITUATION = "situation", _("Situation in the country of return")


class Outcome(models.TextChoices):
    WISHES_TO_RETURN = "wishes_to_return", _("Wishes to return")
    UNDECIDED = "undecided", _("Undecided, will think it over")
    NEEDS_INFORMATION = "needs_information", _("Needs more information")
    DECLINED = "declined", _("Does not wish to return")


class CounsellingSession(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="sessions")
    held_on = models.DateField(_("date"))
    counsellor = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    language = models.CharField(_("language"), max_length=8)
    interpreter = models.CharField(_("interpreter"), max_length=120, blank=True)
    topics = models.JSONField(_("topics"), default=list, blank=True)
    outcome = models.CharField(_("outcome"), max_length=24, choices=Outcome.choices)
    notes = crypto.EncryptedTextField(_("notes"), blank=True)
    next_appointment = models.DateTimeField(_("next appointment"), null=True, blank=True)

    class Meta:
        ordering = ["case", "-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.held_on}"


# Counselling notes may record health and vulnerabilities, as the case's needs do.
crypto.register_encrypted_field(CounsellingSession, "notes")


class DocumentKind(models.TextChoices):
    PASSPORT = "passport", _("Passport")
    EMERGENCY = "emergency", _("Emergency travel document")


class TravelDocument(models.Model):
    """A document requested from an embassy for one member; issued when ``issued_on`` is set."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="travel_documents")
    member = models.ForeignKey(CaseMember, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("document"), max_length=16, choices=DocumentKind.choices)
    embassy = models.CharField(_("embassy of"), max_length=3)
    requested_on = models.DateField(_("requested on"))
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    number = models.CharField(_("document number"), max_length=40, blank=True)

    class Meta:
        ordering = ["case", "requested_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.embassy})"


class DataTransfer(models.Model):
    """Personal data sent outside Waypoint: to whom, on what basis, which fields, when."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="transfers")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    recipient = models.CharField(_("recipient"), max_length=64)
    legal_basis = models.CharField(_("legal basis"), max_length=24)
    consent = models.ForeignKey(
        Consent, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    fields = models.JSONField(_("fields shared"), default=list)
    sent_at = models.DateTimeField(default=timezone.now)
    sent_by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["case", "sent_at"]

    def __str__(self) -> str:
        return f"{self.recipient} {self.sent_at:%Y-%m-%d}"


class TravelBooking(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="bookings")
    departure_at = models.DateTimeField(_("departure"))
    itinerary = models.CharField(_("itinerary (flights)"), max_length=300)
    transit = models.CharField(_("transit points"), max_length=200, blank=True)
    escort = models.CharField(_("escort"), max_length=120, blank=True)
    booked_by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    booked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["case", "-booked_at"]

    def __str__(self) -> str:
        return self.itinerary


class AssistanceKind(models.TextChoices):
    CASH = "cash", _("Cash")
    BUSINESS = "business", _("Business start-up")
    EDUCATION = "education", _("Education or vocational training")
    MEDICAL = "medical", _("Medical")
    HOUSING = "housing", _("Housing")
    PSYCHOSOCIAL = "psychosocial", _("Psychosocial")


class ReintegrationPlan(models.Model):
    """The assistance agreed with the returnee, delivered by a partner in the country of return."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="plan")
    partner = models.CharField(_("partner in the country of return"), max_length=200)
    agreed_on = models.DateField(_("agreed on"))
    created_by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")

    def __str__(self) -> str:
        return f"{self.case_id} {self.partner}"


class AssistanceItem(models.Model):
    plan = models.ForeignKey(ReintegrationPlan, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(_("kind"), max_length=16, choices=AssistanceKind.choices)
    description = models.CharField(_("description"), max_length=300, blank=True)
    budget = models.DecimalField(_("budget (EUR)"), max_digits=10, decimal_places=2)

    class Meta:
        ordering = ["plan", "id"]

    def __str__(self) -> str:
        return self.get_kind_display()


class AssistanceDelivery(models.Model):
    item = models.ForeignKey(AssistanceItem, on_delete=models.CASCADE, related_name="deliveries")
    delivered_on = models.DateField(_("delivered on"))
    amount = models.DecimalField(_("amount (EUR)"), max_digits=10, decimal_places=2)
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["item", "delivered_on"]

    def __str__(self) -> str:
        return f"{self.item_id} {self.delivered_on}"


class MonitoringVisit(models.Model):
    """A monitoring visit with the answers to the sustainability survey and its scores (0–1)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="visits")
    visited_on = models.DateField(_("visited on"))
    visited_by = models.CharField(_("visited by"), max_length=120, blank=True)
    answers = models.JSONField(_("survey answers"), default=dict)
    economic = models.FloatField(_("economic score"))
    social = models.FloatField(_("social score"))
    psychosocial = models.FloatField(_("psychosocial score"))
    composite = models.FloatField(_("composite score"))
    recorded_by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["case", "visited_on"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.visited_on}"
