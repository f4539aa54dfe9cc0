"""Identity groups: which registrations are the same individual, and why.

A ``CandidatePair`` is two registrations the model scored as possibly the same person, with
each field's contribution to the score. Pairs scoring at or above the run's threshold join
automatically; pairs in the band below it wait for a reviewer, who decides same, different
or unsure. Every decision is a ``PairDecision`` row, so any merge or split can be undone.

Groups are the connected components of joining pairs (automatic or decided "same"), never
crossing a pair decided "different". ``IdentityLink`` stores each grouped registration's
canonical registration (the group's lowest id); a registration without a link is a group
of its own, so counting unique people is counting distinct canonical ids.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from waypoint.people.models import Person


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class LinkageRun(models.Model):
    """One deduplication of the whole registry, run as a background task."""

    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=RunStatus.choices, default=RunStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    step = models.CharField(_("step"), max_length=80, blank=True)
    threshold = models.FloatField(_("match threshold"))
    review_floor = models.FloatField(_("lowest probability reviewed"))
    records = models.PositiveIntegerField(_("registrations"), default=0)
    pairs = models.PositiveIntegerField(_("pairs found"), default=0)
    linked = models.PositiveIntegerField(_("pairs linked automatically"), default=0)
    queued = models.PositiveIntegerField(_("pairs for review"), default=0)
    groups = models.PositiveIntegerField(_("unique people"), default=0)
    # The count at a stricter and a looser cut-off when the run finished (see
    # ``queries.unique_people_range``); 0 for runs made before they were kept.
    groups_high = models.PositiveIntegerField(_("unique people at the strict cut-off"), default=0)
    groups_low = models.PositiveIntegerField(_("unique people at the loose cut-off"), default=0)
    strict_cutoff = models.FloatField(_("strict cut-off"), null=True, blank=True)
    loose_cutoff = models.FloatField(_("loose cut-off"), null=True, blank=True)
    model = models.JSONField(_("trained model"), default=dict, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("linkage run")
        verbose_name_plural = _("linkage runs")

    def __str__(self) -> str:
        return f"run {self.pk} ({self.status})"

    @property
    def is_active(self) -> bool:
        return self.status in (RunStatus.QUEUED, RunStatus.RUNNING)

    @property
    def has_range(self) -> bool:
        return self.status == RunStatus.DONE and self.strict_cutoff is not None


class PairStatus(models.TextChoices):
    AUTO = "auto", _("Linked automatically")
    PENDING = "pending", _("Waiting for review")
    SAME = "same", _("Same person")
    DIFFERENT = "different", _("Different people")
    UNSURE = "unsure", _("Unsure")


# A pair with one of these statuses puts its two registrations in one group.
JOINING = (PairStatus.AUTO, PairStatus.SAME)
# Statuses a reviewer may give.
DECISIONS = (PairStatus.SAME, PairStatus.DIFFERENT, PairStatus.UNSURE)


class CandidatePair(models.Model):
    """Two registrations that may be the same person; ``left`` has the lower id."""

    left = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    right = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    probability = models.FloatField(_("match probability"))
    contributions = models.JSONField(
        _("contributions"),
        default=list,
        blank=True,
        help_text="[field, level, log2 Bayes factor] per comparison; never field values.",
    )
    status = models.CharField(_("status"), max_length=10, choices=PairStatus.choices)
    run = models.ForeignKey(
        LinkageRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-probability", "pk"]
        verbose_name = _("candidate pair")
        verbose_name_plural = _("candidate pairs")
        constraints = [
            models.UniqueConstraint(fields=["left", "right"], name="linkage_pair_once"),
            models.CheckConstraint(condition=Q(left__lt=F("right")), name="linkage_pair_ordered"),
        ]
        indexes = [
            models.Index(fields=["status", "-probability"], name="linkage_pair_queue"),
            models.Index(fields=["right"], name="linkage_pair_right"),
        ]

    def __str__(self) -> str:
        return f"pair {self.left_id}-{self.right_id} ({self.status})"

    @property
    def joins(self) -> bool:
        return self.status in JOINING


class PairDecision(models.Model):
    """A reviewer's decision on a pair; undoing it is another decision pointing at it."""

    pair = models.ForeignKey(CandidatePair, on_delete=models.CASCADE, related_name="decisions")
    before = models.CharField(_("before"), max_length=10, choices=PairStatus.choices)
    after = models.CharField(_("after"), max_length=10, choices=PairStatus.choices)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), auto_now_add=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    undoes = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="undone_by"
    )

    class Meta:
        ordering = ["-decided_at", "-pk"]
        verbose_name = _("pair decision")
        verbose_name_plural = _("pair decisions")

    def __str__(self) -> str:
        return f"{self.before} -> {self.after} on pair {self.pair_id}"


class IdentityLink(models.Model):
    """A registration that belongs to a group of two or more: its group's canonical record."""

    person = models.OneToOneField(
        Person, primary_key=True, on_delete=models.CASCADE, related_name="identity"
    )
    canonical = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("identity link")
        verbose_name_plural = _("identity links")
        indexes = [models.Index(fields=["canonical"], name="linkage_identity_canonical")]

    def __str__(self) -> str:
        return f"{self.person_id} -> {self.canonical_id}"


class IdentityGroup(models.Model):
    """A group of two or more registrations, named by its canonical (lowest) registration.

    ``weakest_link`` is the probability of the lowest edge that holds the group together:
    an automatic link's match probability, or 1.0 for a reviewer's "same person". Below it
    as a cut-off the group would still be one person; above it, it would come apart.
    """

    canonical = models.OneToOneField(
        Person, primary_key=True, on_delete=models.CASCADE, related_name="identity_group"
    )
    size = models.PositiveIntegerField(_("registrations"))
    weakest_link = models.FloatField(_("weakest link"))
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("identity group")
        verbose_name_plural = _("identity groups")
        indexes = [models.Index(fields=["weakest_link"], name="linkage_group_weakest")]

    def __str__(self) -> str:
        return f"group {self.canonical_id} ({self.size}, weakest {self.weakest_link:.3f})"
