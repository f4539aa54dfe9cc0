from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "waypoint.audit"
    verbose_name = _("Audit")

    def ready(self) -> None:
        # core sits left of audit and may not import it: audit lends core its recorder, so
        # `waypoint keys` (core) writes an event for each field-key change, with the
        # columns it touched and never a key.
        from waypoint.audit.models import Action
        from waypoint.audit.services import audit_record
        from waypoint.core import crypto

        def record_key_change(summary: str, columns: list[str]) -> None:
            audit_record(
                actor=None,
                actor_label="waypoint keys",
                action=Action.UPDATE,
                object_type="core.field_key",
                purpose=summary,
                changed_fields=columns,
            )

        crypto.register_key_change_recorder(record_key_change)
