"""Writing audit events. Every service that touches personal data calls ``audit_record``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from waypoint.audit.context import current_request
from waypoint.audit.models import Action, AuditEvent, ChainHead
from waypoint.core import signing


def audit_record(
    *,
    actor: Any,
    action: Action | str,
    target: models.Model | None = None,
    object_type: str = "",
    object_id: str | int = "",
    person_id: int | None = None,
    purpose: str = "",
    changed_fields: Iterable[str] = (),
    actor_label: str = "",
    object_ids: Iterable[int | str] = (),
) -> AuditEvent:
    """Append one event to the chain, inside the caller's transaction.

    ``target`` fills ``object_type``/``object_id`` from a model instance. ``changed_fields``
    takes field names only: the caller must never pass values. ``object_ids`` takes the ids
    of the rows a list or search showed, in the order shown. Writers are serialised by
    locking the chain head, so the chain stays linear on SQLite and PostgreSQL alike.
    """
    if target is not None:
        object_type = object_type or target._meta.label_lower
        object_id = object_id or str(target.pk)
    user = actor if getattr(actor, "is_authenticated", False) else None
    context = current_request.get()
    with transaction.atomic():
        head, _created = ChainHead.objects.select_for_update().get_or_create(pk=1)
        event = AuditEvent(
            sequence=head.last_sequence + 1,
            occurred_at=timezone.now(),
            actor=user,
            actor_label=actor_label or (user.get_username() if user else ""),
            action=str(action),
            object_type=object_type,
            object_id=str(object_id),
            person_id=person_id,
            request_id=context.request_id,
            ip_address=context.ip_address,
            purpose=purpose[:255],
            changed_fields=sorted(set(changed_fields)),
            object_ids=[str(object_id) for object_id in object_ids],
            previous_hash=head.last_hash,
        )
        event.hash = event.compute_hash()
        event.save()
        # Only an unsigned chain may make the signing key; a signed one needs its own key.
        first_signature = not head.signature
        head.last_sequence = event.sequence
        head.last_hash = event.hash
        head.signature = signing.sign(head.signed_text(), create=first_signature)
        head.save(update_fields=["last_sequence", "last_hash", "signature"])
    return event


# Filter values that mean "not filtered"; False and 0 are filters (``open=false``).
_EMPTY: tuple[object, ...] = (None, "", [], (), {})


def audit_list_read(
    *,
    actor: Any,
    object_type: str,
    ids: Iterable[int | str],
    purpose: str,
    page: int | None = None,
    query: Mapping[str, object] | None = None,
) -> AuditEvent:
    """Record that ``actor`` was shown one page of a list of personal data: ONE event.

    The event (``Action.READ_LIST``) names the rows' ``object_type`` (``"people.person"``)
    and holds their ids in ``object_ids``, in the order shown. ``changed_fields`` holds
    ``page:<n>`` and ``filter:<name>`` for each filter in ``query`` that has a value: the
    names only, never the values, since a search text is itself personal data. Pass the
    cleaned filters (a form's ``cleaned_data``, a serializer's ``validated_data`` or a dict
    of the declared filter names), never the raw query string, whose names the client picks.

    A page with no rows still writes its event, with no ids: that a list was read (and
    that a search found nobody) is part of the trail. Called by the view or API endpoint
    once the page is materialised; the queries stay pure reads.
    """
    described = [f"filter:{name}" for name, value in (query or {}).items() if value not in _EMPTY]
    if page is not None:
        described.append(f"page:{page}")
    return audit_record(
        actor=actor,
        action=Action.READ_LIST,
        object_type=object_type,
        purpose=purpose,
        changed_fields=described,
        object_ids=ids,
    )


@dataclass(frozen=True)
class ChainReport:
    checked: int
    broken_at: int | None = None
    reason: str = ""

    @property
    def intact(self) -> bool:
        return self.broken_at is None


def audit_chain_verify(*, batch_size: int = 5000) -> ChainReport:
    """Walk the whole chain in order; report the first event whose link does not hold.

    Detects a changed row (its hash no longer matches), a removed or inserted row (a gap in
    the sequence or a previous-hash that does not match) and a removed tail (the head
    names a later event than the last one found).
    """
    expected_previous = "0" * 64
    expected_sequence = 1
    checked = 0
    for event in AuditEvent.objects.order_by("sequence").iterator(chunk_size=batch_size):
        if event.sequence != expected_sequence:
            return ChainReport(checked, event.sequence, f"expected event #{expected_sequence} next")
        if event.previous_hash != expected_previous:
            return ChainReport(checked, event.sequence, "link to the previous event is broken")
        if event.compute_hash() != event.hash:
            return ChainReport(checked, event.sequence, "contents do not match the stored hash")
        expected_previous = event.hash
        expected_sequence += 1
        checked += 1
    head = ChainHead.objects.filter(pk=1).first()
    if head is not None and (head.last_sequence, head.last_hash) != (checked, expected_previous):
        return ChainReport(checked, checked + 1, "events after the last one found are missing")
    if (
        head is not None
        and head.last_sequence
        and not signing.signature_holds(head.signed_text(), head.signature)
    ):
        return ChainReport(
            checked,
            head.last_sequence,
            "the head's signature does not match: the chain was rewritten, or the audit "
            "signing key is not the one it was signed with",
        )
    return ChainReport(checked)
