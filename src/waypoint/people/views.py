from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from waypoint.audit.pages import audited_page
from waypoint.core.navigation import fragments_for
from waypoint.people import access, imports, queries, services, timeline
from waypoint.people.access import Work
from waypoint.people.forms import (
    ConsentForm,
    DocumentForm,
    GuardianForm,
    IdentifyForm,
    ImportForm,
    RegisterForm,
    SearchForm,
)
from waypoint.people.models import Consent
from waypoint.people.photos import MAX_PHOTO_BYTES

NAME_FIELDS = (
    "given_name",
    "family_name",
    "father_name",
    "given_name_original",
    "family_name_original",
)


@login_required
def person_list(request: HttpRequest) -> HttpResponse:
    access.require(request.user, Work.READ)
    form = SearchForm(request.GET or None)
    text = form.cleaned_data["q"] if form.is_valid() else ""
    people = queries.persons_search(request.user, text)
    page = audited_page(request, people, size=50, purpose="people list", query={"q": text})
    return render(request, "people/person_list.html", {"form": form, "page": page})


@login_required
def identify(request: HttpRequest) -> HttpResponse:
    """Search before register: likely existing records across all centres (htmx fragment)."""
    access.require(request.user, Work.IDENTIFY)
    params = request.GET.copy()
    if not params.get("name"):
        # Sent by the registration form as the officer types: join its name fields.
        params["name"] = " ".join(params.get(field, "") for field in NAME_FIELDS).strip()[:200]
    form = IdentifyForm(params if request.GET else None)
    hits = (
        queries.identification_search(request.user, **form.cleaned_data)
        if (form.is_valid())
        else []
    )
    template = (
        "people/partials/hits.html"
        if request.headers.get("HX-Request")
        else ("people/identify.html")
    )
    return render(request, template, {"form": form, "hits": hits, "searched": form.is_bound})


@login_required
def register(request: HttpRequest) -> HttpResponse:
    access.require(request.user, Work.REGISTER)
    sites = queries.registration_sites_for(request.user)
    household = request.GET.get("household") or request.POST.get("household")
    initial: dict[str, object] = {"household": household, "birth_date_precision": "exact"}
    if len(sites) == 1:
        initial["site"] = sites[0]  # most officers register at one centre
    if household and request.method == "GET":
        # A family arrives together: the member's form starts from what the family shares
        # (never the birth country, names or the asylum declaration, which are each person's).
        household_id = int(household) if household.isdecimal() else 0  # not a number: 404
        head_id = queries.household_head_for(request.user, household_id).pk
        head = queries.person_view(request.user, head_id, purpose="family member registration")
        shared = ("nationality", "arrived_on", "entry_point", "languages")
        initial |= {field: getattr(head, field) for field in shared}
        centre = head.last_seen_at or head.registered_at
        initial["site"] = centre if centre in sites else initial.get("site")
    form = RegisterForm(request.POST or None, sites=sites, initial=initial)
    if not household:
        del form.fields["relationship"]
    likely: list[queries.IdentificationHit] = []
    different = request.POST.get("different_person") == "yes"
    reason = request.POST.get("different_reason", "").strip()[:300]
    if request.method == "POST" and form.is_valid():
        likely = queries.likely_duplicates(request.user, form.cleaned_data)
        if likely and different and not reason:
            form.add_error(None, _("Say why this is a different person."))
        elif not likely or different:
            try:
                person = _register(request.user, form.cleaned_data)
                if likely:
                    services.registration_despite_match(
                        actor=request.user, person=person, matches=likely, reason=reason
                    )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request, _("Registered %(number)s.") % {"number": person.registration_number}
                )
                return redirect("people:person", person_id=person.pk)
    typed = " ".join(request.POST.get(field, "") for field in NAME_FIELDS).strip()[:200]
    hits = likely or (queries.identification_search(request.user, name=typed) if typed else [])
    # A likely match stops the registration: the officer opens it, or says why not.
    status = 409 if likely and form.is_valid() else 400 if form.is_bound else 200
    context = {"form": form, "hits": hits, "likely": likely, "reason": reason}
    return render(request, "people/register.html", context, status=status)


@transaction.atomic
def _register(user: Any, data: dict[str, Any]) -> Any:
    household_id, relationship = data.pop("household", None), data.pop("relationship", "")
    household = None
    if household_id:
        head = queries.household_head_for(user, household_id)
        household = head.membership.household
    person = services.person_register(actor=user, **data)
    if household is not None:
        services.household_member_add(
            actor=user, household=household, person=person, relationship=relationship
        )
    return person


@login_required
def person_detail(request: HttpRequest, person_id: int) -> HttpResponse:
    person = queries.person_view(request.user, person_id)
    return render(
        request,
        "people/person_detail.html",
        {
            "person": person,
            "documents": person.documents.all(),
            "consents": person.consents.all(),
            "household": queries.household_of(request.user, person),
            "can_change": access.may(request.user, Work.EDIT, person),
            "document_form": DocumentForm(),
            "consent_form": ConsentForm(person=person),
            "guardian_form": GuardianForm(),
            "fragments": fragments_for("person", request.user, person),
            "timeline": timeline.timeline_of(
                request.user, person, kinds=request.GET.getlist("kind")
            ),
            "timeline_kinds": timeline.Kind.choices,
            "printing": request.GET.get("print") == "1",
        },
    )


def _changeable(request: HttpRequest, person_id: int) -> Any:
    """A person the user may change: 404 out of reading scope, 403 in it but not editable."""
    person = queries.person_for(request.user, person_id)
    access.require(request.user, Work.EDIT, person)
    return person


def _invalid(request: HttpRequest, person: Any, form: Any) -> HttpResponse:
    messages.error(
        request,
        "; ".join(
            f"{form.fields[name].label if name in form.fields else ''}: {' '.join(errors)}".strip(
                ": "
            )
            for name, errors in form.errors.items()
        ),
    )
    return redirect("people:person", person_id=person.pk)


@login_required
@require_POST
def document_add(request: HttpRequest, person_id: int) -> HttpResponse:
    person = _changeable(request, person_id)
    form = DocumentForm(request.POST)
    if not form.is_valid():
        return _invalid(request, person, form)
    services.document_add(actor=request.user, person=person, **form.cleaned_data)
    messages.success(request, _("Document added."))
    return redirect("people:person", person_id=person.pk)


@login_required
@require_POST
def consent_add(request: HttpRequest, person_id: int) -> HttpResponse:
    person = queries.person_for(request.user, person_id)
    access.require(request.user, Work.CONSENT, person)
    form = ConsentForm(request.POST, person=person)
    if not form.is_valid():
        return _invalid(request, person, form)
    try:
        services.consent_record(actor=request.user, person=person, **form.cleaned_data)
    except ValidationError as error:  # a method that does not fit the person's age
        form.add_error(None, error)
        return _invalid(request, person, form)
    messages.success(request, _("Consent recorded."))
    return redirect("people:person", person_id=person.pk)


@login_required
@require_POST
def consent_withdraw(request: HttpRequest, person_id: int, consent_id: int) -> HttpResponse:
    person = queries.person_for(request.user, person_id)
    consent = get_object_or_404(Consent, pk=consent_id, person=person)
    access.require(request.user, Work.CONSENT, person)
    services.consent_withdraw(actor=request.user, consent=consent)
    messages.success(request, _("Consent withdrawn; processing that needs it is now blocked."))
    return redirect("people:person", person_id=person.pk)


@login_required
@require_POST
def guardian_set(request: HttpRequest, person_id: int) -> HttpResponse:
    person = _changeable(request, person_id)
    form = GuardianForm(request.POST)
    if not form.is_valid():
        return _invalid(request, person, form)
    services.guardian_appoint(actor=request.user, child=person, **form.cleaned_data)
    messages.success(request, _("Guardian recorded."))
    return redirect("people:person", person_id=person.pk)


@login_required
@require_POST
def household_start(request: HttpRequest, person_id: int) -> HttpResponse:
    person = _changeable(request, person_id)
    if queries.household_of(request.user, person) is None:
        household = services.household_register(actor=request.user, head=person)
    else:
        household = person.membership.household
    return redirect(f"/people/register/?household={household.pk}")


@login_required
@require_POST
def photo_upload(request: HttpRequest, person_id: int) -> HttpResponse:
    person = _changeable(request, person_id)
    photo = request.FILES.get("photo")
    # The declared name and content type are not trusted: the service decodes the file.
    if photo is None or (photo.size or 0) > MAX_PHOTO_BYTES:
        messages.error(request, _("Choose an image file of at most 2 MB."))
        return redirect("people:person", person_id=person.pk)
    try:
        services.person_photo_set(actor=request.user, person=person, photo=photo)
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    else:
        messages.success(request, _("Photo saved."))
    return redirect("people:person", person_id=person.pk)


@login_required
def photo(request: HttpRequest, person_id: int) -> FileResponse:
    person = queries.person_for(request.user, person_id)
    if not person.photo:
        raise Http404("No photo.")
    response = FileResponse(person.photo.open("rb"), content_type="image/jpeg")
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def import_people(request: HttpRequest) -> HttpResponse:
    """Bulk registration from CSV or XLSX: all rows checked first, nothing saved on any error."""
    access.require(request.user, Work.IMPORT)
    sites = queries.registration_sites_for(request.user)
    form = ImportForm(request.POST or None, request.FILES or None, sites=sites)
    errors: list[Any] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            rows, errors = imports.validate_rows(imports.read_rows(upload.name, upload))
            if not errors:
                people = services.persons_import(
                    actor=request.user,
                    rows=rows,
                    sites={site.code: site for site in sites},
                    default_site=form.cleaned_data["site"],
                )
                messages.success(
                    request, _("Imported %(count)s registrations.") % {"count": len(people)}
                )
                return redirect("people:list")
        except imports.ImportFileError as error:
            form.add_error("file", str(error))
        except ValidationError as error:
            form.add_error(None, error)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "people/import.html",
        {"form": form, "errors": errors[:500], "error_count": len(errors)},
        status=status,
    )
