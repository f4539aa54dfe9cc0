"""The form library's pages: the forms, one form with its versions, files, submitters and
submissions, one submission, and the export."""

from __future__ import annotations

import tempfile

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from waypoint.audit.pages import audited_page
from waypoint.collect import access, exporting, queries, services
from waypoint.collect.access import Work
from waypoint.collect.forms import ExportForm, MediaForm, StateForm, SubmittersForm, UploadForm
from waypoint.collect.models import Form
from waypoint.collect.xlsform import XLSFormError

PAGE_SIZE = 50


@login_required
def forms(request: HttpRequest) -> HttpResponse:
    """The library; analysts and administrators upload XLSForms here."""
    access.require(request.user, Work.READ)
    services.builtin_forms_ensure()
    upload = UploadForm()
    problems: list = []
    if request.method == "POST":
        access.require(request.user, Work.MANAGE)
        upload = UploadForm(request.POST, request.FILES)
        if upload.is_valid():
            file = upload.cleaned_data["file"]
            try:
                version = services.form_upload(
                    actor=request.user, name=file.name, content=file.read()
                )
            except XLSFormError as error:
                problems = error.problems
            except ValidationError as error:
                upload.add_error("file", error)
            else:
                messages.success(
                    request,
                    _("Version %(version)s of %(title)s uploaded. Check it and publish it.")
                    % {"version": version.version, "title": version.title},
                )
                return redirect("collect:form", form_pk=version.form_id)
    retired = request.GET.get("retired") == "1"
    context = {
        "forms": queries.forms_visible_to(request.user, retired=retired),
        "upload": upload if access.may(request.user, Work.MANAGE) else None,
        "problems": problems,
        "retired": retired,
    }
    return render(request, "collect/forms.html", context, status=400 if problems else 200)


def _form_context(request: HttpRequest, form: Form) -> dict:
    may = access.allowed_work(request.user, form)
    submissions = queries.submissions_listed(request.user, form)
    page = audited_page(request, submissions, size=PAGE_SIZE, purpose="form submissions", query={})
    return {
        "form": form,
        "may": may,
        "versions": [queries.version_summary(version) for version in form.versions.all()],
        "current": form.current_version(),
        "page": page,
        "states": services.TRANSITIONS.get(form.state, frozenset()),
        "submitters": SubmittersForm(
            initial={"roles": form.submit_roles, "area": form.area_id}, prefix="who"
        ),
        "media_form": MediaForm(),
        "export": ExportForm(),
    }


@login_required
def form(request: HttpRequest, form_pk: int) -> HttpResponse:
    """One form: versions and their files, state, who submits, submissions, export."""
    found = queries.form_for(request.user, form_pk)
    return render(request, "collect/form.html", _form_context(request, found))


def _refused(request: HttpRequest, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


@login_required
@require_POST
def version_publish(request: HttpRequest, form_pk: int, version_pk: int) -> HttpResponse:
    found = queries.form_for(request.user, form_pk)
    version = queries.version_for(request.user, found, version_pk)
    try:
        services.version_publish(actor=request.user, version=version)
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(
            request, _("Version %(version)s is on phones now.") % {"version": version.version}
        )
    return redirect("collect:form", form_pk=found.pk)


@login_required
@require_POST
def media_upload(request: HttpRequest, form_pk: int, version_pk: int) -> HttpResponse:
    found = queries.form_for(request.user, form_pk)
    version = queries.version_for(request.user, found, version_pk)
    upload = MediaForm(request.POST, request.FILES)
    if not upload.is_valid():
        messages.error(request, " ".join(str(e) for e in upload.errors.get("file", [])))
        return redirect("collect:form", form_pk=found.pk)
    file = upload.cleaned_data["file"]
    try:
        services.media_upload(
            actor=request.user,
            version=version,
            name=file.name,
            content_type=file.content_type or "application/octet-stream",
            content=file.read(),
        )
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, _("%(name)s added to the form.") % {"name": file.name})
    return redirect("collect:form", form_pk=found.pk)


@login_required
@require_POST
def form_state(request: HttpRequest, form_pk: int) -> HttpResponse:
    found = queries.form_for(request.user, form_pk)
    change = StateForm(request.POST)
    if change.is_valid():
        try:
            services.form_state_set(
                actor=request.user, form=found, state=change.cleaned_data["state"]
            )
        except ValidationError as error:
            _refused(request, error)
        else:
            messages.success(
                request, _("The form is now: %(state)s.") % {"state": found.get_state_display()}
            )
    return redirect("collect:form", form_pk=found.pk)


@login_required
@require_POST
def form_submitters(request: HttpRequest, form_pk: int) -> HttpResponse:
    found = queries.form_for(request.user, form_pk)
    access.require(request.user, Work.MANAGE, found)
    who = SubmittersForm(request.POST, prefix="who")
    if who.is_valid():
        try:
            services.form_submitters_set(
                actor=request.user,
                form=found,
                roles=who.cleaned_data["roles"],
                area=who.cleaned_data["area"],
            )
        except ValidationError as error:
            _refused(request, error)
        else:
            messages.success(request, _("Who may submit is saved."))
            return redirect("collect:form", form_pk=found.pk)
    else:
        messages.error(request, _("Choose at least one role that may submit."))
    return redirect("collect:form", form_pk=found.pk)


@login_required
def submission(request: HttpRequest, form_pk: int, submission_pk: int) -> HttpResponse:
    found = queries.form_for(request.user, form_pk)
    record = queries.submission_for(request.user, found, submission_pk)
    context = {
        "form": found,
        "submission": record,
        "values": exporting.submission_values(record),
        "attachments": record.attachments.all(),
    }
    return render(request, "collect/submission.html", context)


@login_required
def attachment(request: HttpRequest, form_pk: int, submission_pk: int, name: str) -> HttpResponse:
    found = queries.form_for(request.user, form_pk)
    record = queries.submission_for(request.user, found, submission_pk)
    file = queries.attachment_for(request.user, record, name)
    response = HttpResponse(bytes(file.content), content_type="application/octet-stream")
    response["Content-Disposition"] = f'attachment; filename="{file.pk}-{file.name[-80:]}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def export(request: HttpRequest, form_pk: int) -> HttpResponseBase:
    """The form's submissions as an XLSX workbook or a zip of CSVs, written to a temporary
    file as they are read (constant memory) and sent from there."""
    found = queries.form_for(request.user, form_pk)
    access.require(request.user, Work.EXPORT, found)
    asked = ExportForm(request.POST, request.FILES)
    if not asked.is_valid():
        messages.error(request, _("Check the export settings."))
        return redirect("collect:form", form_pk=found.pk)
    out = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it once sent)
    try:
        done = exporting.submissions_export(
            actor=request.user,
            form=found,
            out=out,
            format=asked.cleaned_data["format"],
            private_key=asked.cleaned_data["private_key"],
            passphrase=asked.cleaned_data["passphrase"] or None,
        )
    except exporting.ExportRefused as error:
        out.close()
        messages.error(request, error.message)
        return redirect("collect:form", form_pk=found.pk)
    out.seek(0)
    return FileResponse(out, as_attachment=True, filename=done.filename)
