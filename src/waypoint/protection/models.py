"""Protection: vulnerability screenings, referrals to services, confidential incidents, outreach.

Only protection officers (and administrators) in scope read these rows; everyone else with a
personal-data role learns at most that a person needs protection follow-up (see queries).
Every free-text field here is encrypted at rest (``core.crypto``): incident narratives,
screening notes, referral reasons and status notes, outreach notes.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from waypoint.core import crypto
from waypoint.people.models import Consent, Person, Sex

# Whom a referral goes to: the list consents name too, so it lives in people (re-exported).
from waypoint.people.recipients import RecipientKind as RecipientKind
from waypoint.places.models import Area, AreaLevel, Site
from waypoint.protection.screening import (
    Answer,
    Question,
    ScreeningTemplate,
    category_label,
    template_for,
)


class Screening(models.Model):
    """One vulnerability screening of one person, with the template version it followed."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="screenings", verbose_name=_("person")
    )
    version = models.CharField(_("template version"), max_length=32)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    flags = models.JSONField(_("vulnerability categories"), default=list, blank=True)
    follow_up = models.BooleanField(
        _("protection follow-up needed"),
        default=False,
        help_text=_("True when any category applies; the only fact shown outside protection."),
    )
    notes = crypto.EncryptedTextField(_("notes"), max_length=4000, blank=True)
    site = models.ForeignKey(
        Site, on_delete=models.PROTECT, related_name="+", verbose_name=_("site")
    )
    screened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("screened by"),
    )
    screened_at = models.DateTimeField(_("screened at"), default=timezone.now)

    class Meta:
        ordering = ["-screened_at", "-id"]
        verbose_name = _("vulnerability screening")
        verbose_name_plural = _("vulnerability screenings")
        indexes = [models.Index(fields=["person", "-screened_at"])]

    def __str__(self) -> str:
        return f"{self.version} {self.screened_at:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("protection:screening", args=[self.pk])

    @property
    def template(self) -> ScreeningTemplate | None:
        try:
            return template_for(self.version)
        except LookupError:
            return None

    def answered_questions(self) -> list[tuple[Question, str]]:
        """Each question of this screening's version that the person was asked, with the
        label of its answer (questions that did not apply are counted by ``not_asked``)."""
        if self.template is None:
            return []
        labels = dict(Answer.choices)
        return [
            (question, str(labels.get(self.answers.get(question.code, ""), "—")))
            for question in self.template.questions
            if self.answers.get(question.code) != Answer.NOT_ASKED
        ]

    @property
    def not_asked(self) -> int:
        """How many questions of the version did not apply to the person's age or sex."""
        return sum(1 for answer in self.answers.values() if answer == Answer.NOT_ASKED)

    def flag_labels(self) -> list[str]:
        return [category_label(code) for code in self.flags]


crypto.register_encrypted_field(Screening, "notes")


class ReferralStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ACCEPTED = "accepted", _("Accepted")
    COMPLETED = "completed", _("Completed")
    DECLINED = "declined", _("Declined")


# The only moves a referral may make; completed and declined are final.
REFERRAL_TRANSITIONS: dict[str, frozenset[str]] = {
    ReferralStatus.PROPOSED: frozenset({ReferralStatus.ACCEPTED, ReferralStatus.DECLINED}),
    ReferralStatus.ACCEPTED: frozenset({ReferralStatus.COMPLETED}),
    ReferralStatus.COMPLETED: frozenset(),
    ReferralStatus.DECLINED: frozenset(),
}


class Referral(models.Model):
    """A referral of one person to a service, made under the person's consent."""

    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        related_name="protection_referrals",
        verbose_name=_("person"),
    )
    recipient = models.CharField(_("referred to"), max_length=40, choices=RecipientKind.choices)
    recipient_name = models.CharField(_("organisation or contact"), max_length=120, blank=True)
    note = crypto.EncryptedTextField(_("reason for the referral"), max_length=1000, blank=True)
    screening = models.ForeignKey(
        Screening,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referrals",
        verbose_name=_("screening"),
    )
    consent = models.ForeignKey(
        Consent,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("consent relied on"),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ReferralStatus.choices,
        default=ReferralStatus.PROPOSED,
    )
    site = models.ForeignKey(
        Site, on_delete=models.PROTECT, related_name="+", verbose_name=_("site")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("referred by"),
    )
    created_at = models.DateTimeField(_("referred at"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        indexes = [models.Index(fields=["status", "person"])]

    def __str__(self) -> str:
        return f"{self.get_recipient_display()} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse("protection:referral", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in (ReferralStatus.PROPOSED, ReferralStatus.ACCEPTED)

    def next_statuses(self) -> list[str]:
        return [status for status in ReferralStatus.values if self.can_become(status)]

    def can_become(self, status: str) -> bool:
        return status in REFERRAL_TRANSITIONS.get(self.status, frozenset())


crypto.register_encrypted_field(Referral, "note")


class ReferralStatusChange(models.Model):
    """Each status a referral took (including the first), who set it and when."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="changes")
    status = models.CharField(_("status"), max_length=16, choices=ReferralStatus.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("changed by"),
    )
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)
    note = crypto.EncryptedTextField(_("note"), max_length=500, blank=True)

    class Meta:
        ordering = ["changed_at", "id"]
        verbose_name = _("referral status change")
        verbose_name_plural = _("referral status changes")

    def __str__(self) -> str:
        return f"{self.get_status_display()} {self.changed_at:%Y-%m-%d}"


crypto.register_encrypted_field(ReferralStatusChange, "note")


class IncidentKind(models.TextChoices):
    PHYSICAL_VIOLENCE = "physical_violence", _("Physical violence")
    GENDER_BASED_VIOLENCE = "gbv", _("Sexual or gender-based violence")
    CHILD_PROTECTION = "child_protection", _("Child protection concern")
    TRAFFICKING = "trafficking", _("Trafficking or exploitation")
    SELF_HARM = "self_harm", _("Self-harm or risk of suicide")
    MISSING_PERSON = "missing_person", _("Missing person")
    HARASSMENT = "harassment", _("Threats or harassment")
    ABUSE_BY_STAFF = (
        "sexual_exploitation_by_staff",
        _("Sexual exploitation or abuse by staff or partners"),
    )
    COMPLAINT_SERVICE = "complaint_service", _("Complaint about a service")
    COMPLAINT_STAFF = "complaint_staff", _("Complaint about staff conduct")
    OTHER = "other", _("Other")


class IncidentStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_FOLLOW_UP = "in_follow_up", _("In follow-up")
    CLOSED = "closed", _("Closed")


class Incident(models.Model):
    """A confidential protection incident or complaint. The narrative is encrypted at rest."""

    kind = models.CharField(_("kind"), max_length=40, choices=IncidentKind.choices)
    occurred_on = models.DateField(_("date of the incident"))
    site = models.ForeignKey(
        Site, on_delete=models.PROTECT, related_name="+", verbose_name=_("site")
    )
    person = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("person concerned"),
    )
    narrative_token = models.TextField(editable=False)
    status = models.CharField(
        _("status"), max_length=16, choices=IncidentStatus.choices, default=IncidentStatus.OPEN
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        ordering = ["-occurred_on", "-id"]
        verbose_name = _("protection incident")
        verbose_name_plural = _("protection incidents")
        indexes = [models.Index(fields=["site", "-occurred_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.occurred_on:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("protection:incident", args=[self.pk])

    @property
    def narrative(self) -> str:
        """The decrypted narrative (raises ``crypto.FieldUnreadable`` with a wrong key)."""
        return crypto.decrypt(self.narrative_token)


crypto.register_encrypted_field(Incident, "narrative_token")


class AgeGroup(models.TextChoices):
    UNDER_5 = "0-4", _("0 to 4")
    FROM_5 = "5-11", _("5 to 11")
    FROM_12 = "12-17", _("12 to 17")
    FROM_18 = "18-59", _("18 to 59")
    FROM_60 = "60+", _("60 or over")
    UNKNOWN = "unknown", _("Unknown")


def age_group_of(age: int | None) -> str:
    if age is None or age < 0:
        return AgeGroup.UNKNOWN
    for bound, group in ((5, AgeGroup.UNDER_5), (12, AgeGroup.FROM_5), (18, AgeGroup.FROM_12)):
        if age < bound:
            return group
    return AgeGroup.FROM_18 if age < 60 else AgeGroup.FROM_60


class Need(models.TextChoices):
    FOOD = "food", _("Food")
    WATER = "water", _("Drinking water")
    SHELTER = "shelter", _("Shelter")
    CLOTHING = "clothing", _("Clothing and footwear")
    HYGIENE = "hygiene", _("Hygiene")
    HEALTH = "health", _("Health care")
    PSYCHOSOCIAL = "psychosocial", _("Psychosocial support")
    INFORMATION = "information", _("Information")
    LEGAL = "legal", _("Legal assistance")
    PROTECTION = "protection", _("Protection")


class OutreachService(models.TextChoices):
    FOOD = "food", _("Food")
    WATER = "water", _("Drinking water")
    CLOTHING = "clothing", _("Clothing or footwear")
    HYGIENE_KIT = "hygiene_kit", _("Hygiene kit")
    FIRST_AID = "first_aid", _("First aid")
    PSYCHOLOGICAL_FIRST_AID = "psychological_first_aid", _("Psychological first aid")
    INFORMATION = "information", _("Information and counselling")
    TRANSPORT = "transport", _("Transport to a centre")


class OutreachContact(models.Model):
    """A mobile team's contact with someone outside the centres; may stay anonymous."""

    contacted_on = models.DateField(_("date"))
    municipality = models.ForeignKey(
        Area,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": AreaLevel.MUNICIPALITY},
        verbose_name=_("municipality"),
    )
    location = models.CharField(_("location"), max_length=200, blank=True)
    person = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("registered person"),
    )
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, default=Sex.UNKNOWN)
    age_group = models.CharField(
        _("age group"), max_length=8, choices=AgeGroup.choices, default=AgeGroup.UNKNOWN
    )
    nationality = models.CharField(_("nationality"), max_length=3, blank=True)
    needs = models.JSONField(_("needs"), default=list, blank=True)
    services = models.JSONField(_("services given"), default=list, blank=True)
    referral_made = models.BooleanField(_("referral made"), default=False)
    notes = crypto.EncryptedTextField(_("notes"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        ordering = ["-contacted_on", "-id"]
        verbose_name = _("outreach contact")
        verbose_name_plural = _("outreach contacts")

    def __str__(self) -> str:
        return f"{self.contacted_on:%Y-%m-%d} {self.location or self.municipality or ''}".strip()

    def need_labels(self) -> list[str]:
        labels = dict(Need.choices)
        return [str(labels.get(code, code)) for code in self.needs]

    def service_labels(self) -> list[str]:
        labels = dict(OutreachService.choices)
        return [str(labels.get(code, code)) for code in self.services]


crypto.register_encrypted_field(OutreachContact, "notes")
