"""Reading the form library. Every function takes the acting user.

Forms and their submissions are read within the reader's area (``access``); a phone reads
the open forms it may submit to. Lists of submissions and each submission opened are
audited: a library form's answers can be about people.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Max, Q, QuerySet
from django.http import Http404

from waypoint.accounts.access import Actor
from waypoint.accounts.scoping import scope_for
from waypoint.audit.models import Action
from waypoint.audit.services import audit_record
from waypoint.collect import access, registry
from waypoint.collect.access import Work
from waypoint.collect.models import (
    Form,
    FormMedia,
    FormState,
    FormVersion,
    Submission,
    SubmissionAttachment,
)
from waypoint.collect.xlsform import media_references
from waypoint.core.lookups import one_in_scope


def _in_area(user: Actor, work: Work) -> Q:
    scope = scope_for(user, access.ROLES[work])
    if scope.national:
        return Q()
    condition = Q(pk__in=[])
    for path in sorted(scope.area_paths):
        condition |= Q(area__path=path) | Q(area__path__startswith=path + "/")
    return condition


def forms_visible_to(user: Actor, *, retired: bool = False) -> QuerySet[Form]:
    """The library as the user may read it, with submission counts; retired forms only
    when asked for."""
    if not access.may(user, Work.READ):
        return Form.objects.none()
    forms = Form.objects.filter(_in_area(user, Work.READ)).select_related("area")
    if not retired:
        forms = forms.exclude(state=FormState.RETIRED)
    return forms.annotate(
        submission_count=Count("submissions"), last_received=Max("submissions__received_at")
    ).order_by("title", "form_id")


def form_for(user: Actor, form_pk: Any) -> Form:
    """One form the user may read; ``Http404`` otherwise."""
    return one_in_scope(forms_visible_to(user, retired=True), form_pk, "form")


def version_for(user: Actor, form: Form, version_pk: Any) -> FormVersion:
    return one_in_scope(form.versions.all(), version_pk, "version")


def forms_for_phone(user: Actor) -> list[tuple[Form, FormVersion]]:
    """The open forms the user may submit to, each with the version phones download."""
    if not access.may(user, Work.SUBMIT):
        return []
    found = []
    for form in Form.objects.filter(state=FormState.OPEN).select_related("area"):
        version = form.current_version()
        if version is not None and access.may(user, Work.SUBMIT, form):
            found.append((form, version))
    return found


def phone_form(user: Actor, form_id: str) -> tuple[Form, FormVersion]:
    """One form a phone may download; ``Http404`` for any other."""
    for form, version in forms_for_phone(user):
        if form.form_id == form_id:
            return form, version
    raise Http404("No such form.")


def phone_media(user: Actor, version: FormVersion) -> list[tuple[str, str, bytes]]:
    """(name, content type, content) of every file the version needs on this user's phone:
    uploaded ones, then those an app makes for the user (``registry.register_media``)."""
    files = {
        media.name: (media.name, media.content_type, bytes(media.content))
        for media in FormMedia.objects.filter(version=version)
    }
    for name in media_references(version.xml):
        made = registry.generated_media(name)
        if name not in files and made is not None:
            content_type, content = made.provide(user)
            files[name] = (name, content_type, content)
    return [files[name] for name in sorted(files)]


def submissions_of(user: Actor, form: Form) -> QuerySet[Submission]:
    """Submissions to a form the user may read (``form_for`` first), newest first."""
    if not access.may(user, Work.READ, form):
        return Submission.objects.none()
    return (
        Submission.objects.filter(form=form)
        .select_related("submitted_by")
        .order_by("-received_at", "-pk")
    )


def submissions_listed(user: Actor, form: Form) -> QuerySet[Submission]:
    """``submissions_of`` with each one's ``attachment_count``, for the form's page."""
    return submissions_of(user, form).annotate(attachment_count=Count("attachments"))


def submission_for(user: Actor, form: Form, submission_pk: Any) -> Submission:
    """One submission, audited as a view; ``Http404`` when out of reach."""
    submission = one_in_scope(submissions_of(user, form), submission_pk, "submission")
    audit_record(actor=user, action=Action.VIEW, target=submission, purpose="form submission")
    return submission


def attachment_for(user: Actor, submission: Submission, name: str) -> SubmissionAttachment:
    try:
        return submission.attachments.get(name=name)
    except SubmissionAttachment.DoesNotExist:
        raise Http404("No such file.") from None


def version_summary(version: FormVersion) -> dict[str, Any]:
    """What the form page says of a version: its files, uploaded, made or missing."""
    uploaded = set(version.media.values_list("name", flat=True))
    files = []
    for name in media_references(version.xml):
        if name in uploaded:
            state = "uploaded"
        elif registry.generated_media(name) is not None:
            state = "generated"
        else:
            state = "missing"
        files.append({"name": name, "state": state})
    return {"version": version, "files": files}
