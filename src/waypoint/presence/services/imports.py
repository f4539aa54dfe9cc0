"""Importing Kobo/ODK exports of the presence forms: all rows or none."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from waypoint.audit.models import Action
from waypoint.audit.services import audit_record
from waypoint.presence.imports import RowError
from waypoint.presence.models import ObservationSource
from waypoint.presence.services.observations import PresenceError
from waypoint.presence.services.submissions import ENTRY_FORMS, entry_record


class ImportRefused(Exception):
    def __init__(self, errors: list[RowError]) -> None:
        super().__init__(f"{len(errors)} problems")
        self.errors = errors


def presence_import(
    *, actor: Any, form_id: str, round_number: int, rows: list[dict[str, str]]
) -> int:
    """Write every row of an export, or none: raises ImportRefused listing each problem.

    Location assessments go into round ``round_number`` whatever the file says, so an
    export of a form filled before the round was numbered still lands where meant.
    """
    if form_id not in ENTRY_FORMS:
        raise ImportRefused([RowError(1, "form", _("Unknown form."))])
    form_class = ENTRY_FORMS[form_id]
    forms = []
    errors: list[RowError] = []
    seen_locations: dict[str, int] = {}
    for index, row in enumerate(rows, start=2):
        data = dict(row)
        data["round_number"] = str(round_number)
        form = form_class(data=data)
        if not form.is_valid():
            for field, messages in form.errors.items():
                errors.append(RowError(index, field, " ".join(str(m) for m in messages)))
            continue
        code = form.cleaned_data.get("location_code")
        if code:
            if code in seen_locations:
                errors.append(
                    RowError(
                        index,
                        "location_code",
                        _("Row %(row)s has the same location.") % {"row": seen_locations[code]},
                    )
                )
            seen_locations[code] = index
        forms.append((index, form))
    if not rows:
        errors.append(RowError(1, "-", _("The file has no rows.")))
    if errors:
        raise ImportRefused(errors)
    with transaction.atomic():
        for index, form in forms:
            try:
                entry_record(
                    actor=actor,
                    form_id=form_id,
                    form=form,
                    source=ObservationSource.IMPORT,
                    round_number=round_number,
                )
            except PresenceError as error:
                errors.append(RowError(index, error.field or "-", error.message))
            except PermissionDenied:
                errors.append(RowError(index, "-", _("Outside the area you are assigned to.")))
        if errors:
            transaction.set_rollback(True)
            raise ImportRefused(errors)
        audit_record(
            actor=actor,
            action=Action.IMPORT,
            object_type="presence.import",
            object_id=form_id,
            purpose=f"presence export import ({len(forms)} rows)",
        )
    return len(forms)
