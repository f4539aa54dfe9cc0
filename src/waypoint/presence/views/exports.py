"""CSV and XLSX of a published round's figures by municipality, with an HXL hashtag row."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse

from waypoint.audit.models import Action
from waypoint.audit.services import audit_record
from waypoint.presence import dtm, queries

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@login_required
def round_export(request: HttpRequest, number: int, extension: str) -> HttpResponse:
    round_ = queries.round_for(request.user, number)
    if not round_.is_published or extension not in CONTENT_TYPES:
        raise Http404
    rows = queries.published_dtm_rows(
        request.user, level="admin2", from_round=round_.number, to_round=round_.number
    )
    body = dtm.csv_bytes(rows) if extension == "csv" else dtm.xlsx_bytes(rows)
    audit_record(
        actor=request.user,
        action=Action.EXPORT,
        target=round_,
        purpose=f"presence figures export ({extension})",
    )
    response = HttpResponse(body, content_type=CONTENT_TYPES[extension])
    filename = f"waypoint-presence-round-{round_.number}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
