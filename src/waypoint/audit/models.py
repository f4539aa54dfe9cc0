"""Append-only audit events, each carrying the hash of its predecessor."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    CREATE = "create", _("Created")
    UPDATE = "update", _("Changed")
    DELETE = "delete", _("Deleted")
    VIEW = "view", _("Viewed")
    VIEW_PROTECTION = "view_protection", _("Viewed protection record")
    READ_LIST = "read_list", _("Read a list")
    SEARCH = "search", _("Searched")
    EXPORT = "export", _("Exported")
    IMPORT = "import", _("Imported")
    LOGIN = "login", _("Logged in")
    LOGOUT = "logout", _("Logged out")
    LOGIN_FAILED = "login_failed", _("Failed login")
    TOKEN = "token", _("Obtained API token")
    MERGE = "merge", _("Merged")
    SPLIT = "split", _("Split")
    TRANSFER = "transfer", _("Shared with a recipient")


class AppendOnlyQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> int:
        raise PermissionError("audit events are append-only")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise PermissionError("audit events are append-only")


class AuditEvent(models.Model):
    """Who did what to which record, when, from where and why.

    Never holds the values of personal fields: only the names of the fields that changed.
    ``object_ids`` holds the ids of the rows a list or a search showed (``READ_LIST``,
    ``SEARCH``); a single-record event keeps its id in ``object_id``.
    ``sequence`` numbers events without gaps; ``hash`` covers this event's fields and the
    previous event's hash, so a changed, removed or inserted row breaks the chain.
    """

    sequence = models.PositiveBigIntegerField(unique=True, editable=False)
    occurred_at = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    actor_label = models.CharField(max_length=254, blank=True)
    action = models.CharField(max_length=32, choices=Action.choices, db_index=True)
    object_type = models.CharField(max_length=64, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    person_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    request_id = models.CharField(max_length=64, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    purpose = models.CharField(max_length=255, blank=True)
    changed_fields = models.JSONField(default=list, blank=True)
    object_ids = models.JSONField(default=list, blank=True)
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-sequence"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"#{self.sequence} {self.action} {self.object_type}:{self.object_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise PermissionError("audit events are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise PermissionError("audit events are append-only")

    def canonical(self) -> str:
        """The text the hash covers: every field but the hash itself, in a fixed form.

        ``object_ids`` joins the text only when it holds ids, so events written before the
        field existed keep their hashes and the chain stays verifiable.
        """
        covered: dict[str, Any] = {
            "sequence": self.sequence,
            "occurred_at": self.occurred_at.isoformat(timespec="microseconds"),
            "actor": self.actor_id,
            "actor_label": self.actor_label,
            "action": self.action,
            "object_type": self.object_type,
            "object_id": self.object_id,
            "person_id": self.person_id,
            "request_id": self.request_id,
            "ip_address": self.ip_address,
            "purpose": self.purpose,
            "changed_fields": list(self.changed_fields),
            "previous_hash": self.previous_hash,
        }
        if self.object_ids:
            covered["object_ids"] = list(self.object_ids)
        return json.dumps(
            covered,
            sort_keys=True,
            ensure_ascii=False,
            separators=(",", ":"),
        )

    def compute_hash(self) -> str:
        return hashlib.sha256(self.canonical().encode()).hexdigest()


class ChainHead(models.Model):
    """One row: the last sequence number and hash. Locking it serialises writers."""

    last_sequence = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default="0" * 64)
    # HMAC of "sequence:hash" under a key the database does not hold (core.signing).
    signature = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("audit chain head")

    def __str__(self) -> str:
        return f"audit head #{self.last_sequence}"

    def signed_text(self) -> str:
        return f"{self.last_sequence}:{self.last_hash}"
