"""OpenRosa endpoints for ODK Collect, KoboCollect and Enketo: form list with manifests,
form download, form media, submission. CSRF-exempt: phones sign in per request with
Digest or Basic credentials, not a session (``collect.openrosa.auth``)."""

from __future__ import annotations

from xml.sax.saxutils import escape

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from waypoint.collect import access, queries, services
from waypoint.collect.models import MAX_ATTACHMENT_BYTES, FormVersion
from waypoint.collect.openrosa.auth import authenticated_user, challenge, transport_allowed
from waypoint.collect.services import Attachment, SubmissionRefused

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


def _refusal(request: HttpRequest) -> HttpResponse | None:
    """None when the request carries good credentials of an account that may submit."""
    user = authenticated_user(request)
    if user is None:
        if (
            not transport_allowed(request)
            and request.META.get("HTTP_AUTHORIZATION", "")[:6].lower() == "basic "
        ):
            return _message(403, _("Use HTTPS to send a password, or let the app use Digest."))
        response = _message(401, _("Sign in with your Waypoint account."))
        response["WWW-Authenticate"] = challenge(request)
        return response
    if not access.may(user, access.Work.SUBMIT):
        return _message(403, _("This account may not send forms."))
    request.user = user
    return None


def _phone_get(request: HttpRequest) -> HttpResponse | None:
    if request.method not in {"GET", "HEAD"}:
        return _message(405, _("Use GET."))
    refused = _refusal(request)
    if refused is None:
        services.builtin_forms_ensure()
    return refused


def _media_hashes(request: HttpRequest, version: FormVersion) -> list[tuple[str, str]]:
    return [
        (name, FormVersion.md5_of_bytes(content))
        for name, _type, content in queries.phone_media(request.user, version)
    ]


@csrf_exempt
def form_list(request: HttpRequest) -> HttpResponse:
    refused = _phone_get(request)
    if refused is not None:
        return refused
    wanted = request.GET.get("formID", "")
    items = []
    for form, version in queries.forms_for_phone(request.user):
        if wanted and form.form_id != wanted:
            continue
        url = request.build_absolute_uri(reverse("openrosa:form", args=[form.form_id]))
        manifest = ""
        if _media_hashes(request, version):
            address = reverse("openrosa:manifest", args=[form.form_id])
            manifest = f"<manifestUrl>{escape(request.build_absolute_uri(address))}</manifestUrl>"
        items.append(
            "<xform>"
            f"<formID>{escape(form.form_id)}</formID>"
            f"<name>{escape(version.title)}</name>"
            f"<version>{escape(version.version)}</version>"
            f"<hash>{version.md5_hash}</hash>"
            f"<downloadUrl>{escape(url)}</downloadUrl>"
            f"{manifest}"
            "</xform>"
        )
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xforms xmlns="http://openrosa.org/xforms/xformsList">' + "".join(items) + "</xforms>"
    )
    return _openrosa(HttpResponse(body, content_type=XML))


def _phone_form(request: HttpRequest, form_id: str) -> FormVersion | HttpResponse:
    """The version of ``form_id`` this phone downloads, or the answer refusing it."""
    refused = _phone_get(request)
    if refused is not None:
        return refused
    try:
        return queries.phone_form(request.user, form_id)[1]
    except Http404:
        return _message(404, _("This server has no form with this id."))


@csrf_exempt
def form_download(request: HttpRequest, form_id: str) -> HttpResponse:
    version = _phone_form(request, form_id)
    if isinstance(version, HttpResponse):
        return version
    return _openrosa(HttpResponse(version.xml, content_type=XML))


@csrf_exempt
def manifest(request: HttpRequest, form_id: str) -> HttpResponse:
    """The form's media files with their MD5 hashes, so the phone fetches only changes."""
    version = _phone_form(request, form_id)
    if isinstance(version, HttpResponse):
        return version
    files = []
    for name, md5 in _media_hashes(request, version):
        url = request.build_absolute_uri(reverse("openrosa:media", args=[form_id, name]))
        files.append(
            "<mediaFile>"
            f"<filename>{escape(name)}</filename>"
            f"<hash>md5:{md5}</hash>"
            f"<downloadUrl>{escape(url)}</downloadUrl>"
            "</mediaFile>"
        )
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<manifest xmlns="http://openrosa.org/xforms/xformsManifest">'
        + "".join(files)
        + "</manifest>"
    )
    return _openrosa(HttpResponse(body, content_type=XML))


@csrf_exempt
def media(request: HttpRequest, form_id: str, name: str) -> HttpResponse:
    version = _phone_form(request, form_id)
    if isinstance(version, HttpResponse):
        return version
    for filename, content_type, content in queries.phone_media(request.user, version):
        if filename == name:
            response = HttpResponse(
                content, content_type=content_type or "application/octet-stream"
            )
            response["Content-Disposition"] = f'attachment; filename="{filename}"'
            return _openrosa(response)
    return _message(404, _("This form has no file with this name."))


@csrf_exempt
def submission(request: HttpRequest) -> HttpResponse:
    if request.method not in {"HEAD", "POST"}:
        return _message(405, _("Use HEAD or POST."))
    refused = _refusal(request)
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
    services.builtin_forms_ensure()
    try:
        _stored, created = services.submission_receive(
            actor=request.user, document=main.read(), attachments=attachments
        )
    except SubmissionRefused as error:
        return _message(error.status, error.message, "submit_error")
    if not created:
        return _message(202, _("This form was received already."), "submit_success")
    return _message(201, _("Form received. Thank you."), "submit_success")
