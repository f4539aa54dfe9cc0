"""OpenRosa endpoints for KoboCollect, ODK Collect and Enketo: form list, form download,
submission. CSRF-exempt because phones authenticate with HTTP Basic, not a session."""

from __future__ import annotations

from xml.sax.saxutils import escape

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from waypoint.presence import access
from waypoint.presence.models.submissions import MAX_ATTACHMENT_BYTES
from waypoint.presence.openrosa_auth import authenticated_user, transport_allowed
from waypoint.presence.services import SubmissionRefused, submission_receive
from waypoint.presence.services.submissions import Attachment
from waypoint.presence.xforms import FORM_IDS, all_xforms, xform

XML = "text/xml; charset=utf-8"
# What a phone may send in one request: the instance and its photos.
ACCEPT_CONTENT_LENGTH = 5 * MAX_ATTACHMENT_BYTES


def _openrosa(response: HttpResponse) -> HttpResponse:
    response["X-OpenRosa-Version"] = "1.0"
    response["X-OpenRosa-Accept-Content-Length"] = str(ACCEPT_CONTENT_LENGTH)
    return response


def _message(status: int, text: str, nature: str = "") -> HttpResponse:
    attribute = f' nature="{nature}"' if nature else ""
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<OpenRosaResponse xmlns="http://openrosa.org/http/response">'
        f"<message{attribute}>{escape(text)}</message></OpenRosaResponse>"
    )
    return _openrosa(HttpResponse(body, status=status, content_type=XML))


def _challenge(request: HttpRequest) -> HttpResponse | None:
    """None when the request carries a good enumerator's credentials, else the refusal."""
    if not transport_allowed(request):
        return _message(403, _("Use HTTPS to send credentials."))
    user = authenticated_user(request)
    if user is None:
        response = _message(401, _("Sign in with your Waypoint account."))
        response["WWW-Authenticate"] = 'Basic realm="Waypoint", charset="UTF-8"'
        return response
    if not access.may_enter(user):
        return _message(403, _("This account may not send presence forms."))
    request.user = user
    return None


@csrf_exempt
def form_list(request: HttpRequest) -> HttpResponse:
    if request.method not in {"GET", "HEAD"}:
        return _message(405, _("Use GET."))
    refused = _challenge(request)
    if refused is not None:
        return refused
    wanted = request.GET.get("formID", "")
    items = []
    for form in all_xforms():
        if wanted and form.form_id != wanted:
            continue
        url = request.build_absolute_uri(reverse("openrosa:form", args=[form.form_id]))
        items.append(
            "<xform>"
            f"<formID>{escape(form.form_id)}</formID>"
            f"<name>{escape(form.title)}</name>"
            f"<version>{escape(form.version)}</version>"
            f"<hash>{form.md5_hash}</hash>"
            f"<downloadUrl>{escape(url)}</downloadUrl>"
            "</xform>"
        )
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xforms xmlns="http://openrosa.org/xforms/xformsList">' + "".join(items) + "</xforms>"
    )
    return _openrosa(HttpResponse(body, content_type=XML))


@csrf_exempt
def form_download(request: HttpRequest, form_id: str) -> HttpResponse:
    if request.method not in {"GET", "HEAD"}:
        return _message(405, _("Use GET."))
    refused = _challenge(request)
    if refused is not None:
        return refused
    if form_id not in FORM_IDS:
        return _message(404, _("This server has no form with this id."))
    return _openrosa(HttpResponse(xform(form_id).xml, content_type=XML))


@csrf_exempt
def submission(request: HttpRequest) -> HttpResponse:
    if request.method not in {"HEAD", "POST"}:
        return _message(405, _("Use HEAD or POST."))
    refused = _challenge(request)
    if refused is not None:
        return refused
    if request.method == "HEAD":
        return _openrosa(HttpResponse(status=204))
    try:
        files = request.FILES
    except Exception:  # a broken multipart body: Django raises several kinds
        return _message(400, _("The request is not a readable multipart form."))
    main = files.get("xml_submission_file")
    if main is None:
        return _message(400, _("The submission has no xml_submission_file part."))
    if main.size is not None and main.size > ACCEPT_CONTENT_LENGTH:
        return _message(413, _("The submission is too large."))
    attachments = [
        Attachment(
            (upload.name or name).replace("\x00", ""),
            (upload.content_type or "").replace("\x00", ""),
            upload.read(),
        )
        for name in files
        if name != "xml_submission_file"
        for upload in files.getlist(name)
    ]
    try:
        _stored, created = submission_receive(
            actor=request.user, document=main.read(), attachments=attachments
        )
    except SubmissionRefused as error:
        return _message(error.status, error.message, "submit_error")
    if not created:
        return _message(202, _("This form was received already."), "submit_success")
    return _message(201, _("Form received. Thank you."), "submit_success")
