from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import logout as logout_user
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from waypoint.accounts import access, break_glass, digest, mfa, passkeys, queries, services, tokens
from waypoint.accounts.access import Work
from waypoint.accounts.forms import (
    AssignmentForm,
    BreakGlassForm,
    CodeForm,
    LoginForm,
    PasskeyForm,
    TokenForm,
    UserCreateForm,
    UserSearchForm,
    UserUpdateForm,
)
from waypoint.accounts.models import BreakGlass, Passkey, User
from waypoint.accounts.scoping import scope_for
from waypoint.accounts.tokens import token_issue
from waypoint.audit.models import Action
from waypoint.audit.services import audit_record
from waypoint.core.navigation import panels_for


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_valid(form)
        user = form.get_user()
        audit_record(actor=user, action=Action.LOGIN, target=user)
        digest.secret_ensure(user, form.cleaned_data.get("password") or "")
        return response


@require_POST
def logout(request: HttpRequest) -> HttpResponseBase:
    if request.user.is_authenticated:
        audit_record(actor=request.user, action=Action.LOGOUT, target=request.user)
    return auth_views.LogoutView.as_view()(request)


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The landing page of the user's main role: what they do here and where to start."""
    user = signed_in(request)
    role = user.primary_role
    roles = user.role_names()
    context = {
        "role": role,
        "role_template": f"accounts/landing/{role or 'none'}.html",
        "assignments": user.assignments.select_related("site", "area"),
        "scope_sites": scope_for(user, roles).sites() if roles else [],
        "panels": panels_for(user, roles),
    }
    return render(request, "accounts/home.html", context)


def signed_in(request: HttpRequest) -> User:
    """The signed-in user (views behind ``login_required`` only)."""
    if not isinstance(request.user, User):
        raise PermissionDenied
    return request.user


def _require_manager(request: HttpRequest) -> None:
    access.require(request.user, Work.MANAGE_USERS)


@login_required
def users(request: HttpRequest) -> HttpResponse:
    _require_manager(request)
    search = UserSearchForm(request.GET or None)
    term = search.cleaned_data["q"] if search.is_valid() else ""
    page = Paginator(queries.users_visible_to(request.user, search=term), 50).get_page(
        request.GET.get("page")
    )
    return render(request, "accounts/users.html", {"search": search, "page": page})


@login_required
def user_new(request: HttpRequest) -> HttpResponse:
    _require_manager(request)
    form = UserCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.user_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            password = services.password_generate()
            services.user_set_password(actor=request.user, user=user, password=password)
            messages.success(
                request,
                _("Account created. One-time password: %(password)s") % {"password": password},
            )
            return redirect("accounts:user", user_id=user.pk)
    return render(request, "accounts/user_new.html", {"form": form})


@login_required
def user_detail(request: HttpRequest, user_id: int) -> HttpResponse:
    _require_manager(request)
    account = queries.user_for(request.user, user_id)
    form = UserUpdateForm(
        request.POST or None,
        initial={
            "full_name": account.full_name,
            "preferred_language": account.preferred_language,
            "is_active": account.is_active,
        },
    )
    if request.method == "POST" and form.is_valid():
        services.user_update(actor=request.user, user=account, **form.cleaned_data)
        messages.success(request, _("Changes saved."))
        return redirect("accounts:user", user_id=account.pk)
    return render(
        request,
        "accounts/user_detail.html",
        {
            "account": account,
            "form": form,
            "assignment_form": AssignmentForm(),
            "assignments": account.assignments.select_related("site", "area"),
        },
    )


@login_required
@require_POST
def assignment_new(request: HttpRequest, user_id: int) -> HttpResponse:
    _require_manager(request)
    account = queries.user_for(request.user, user_id)
    form = AssignmentForm(request.POST)
    if form.is_valid():
        services.assignment_add(actor=request.user, user=account, **form.cleaned_data)
        messages.success(request, _("Role assigned."))
        return redirect("accounts:user", user_id=account.pk)
    return render(
        request,
        "accounts/user_detail.html",
        {
            "account": account,
            "form": UserUpdateForm(
                initial={
                    "full_name": account.full_name,
                    "preferred_language": account.preferred_language,
                    "is_active": account.is_active,
                }
            ),
            "assignment_form": form,
            "assignments": account.assignments.select_related("site", "area"),
        },
        status=400,
    )


@login_required
@require_POST
def assignment_delete(request: HttpRequest, assignment_id: int) -> HttpResponse:
    _require_manager(request)
    assignment = queries.assignment_for(request.user, assignment_id)
    services.assignment_remove(actor=request.user, assignment=assignment)
    messages.success(request, _("Role removed."))
    return redirect("accounts:user", user_id=assignment.user_id)


@login_required
@require_POST
def user_password_reset(request: HttpRequest, user_id: int) -> HttpResponse:
    _require_manager(request)
    account = queries.user_for(request.user, user_id)
    password = services.password_generate()
    services.user_set_password(actor=request.user, user=account, password=password)
    messages.success(request, _("New one-time password: %(password)s") % {"password": password})
    return redirect("accounts:user", user_id=account.pk)


# --- The signed-in user's own account ---------------------------------------------------------


@login_required
def account(request: HttpRequest) -> HttpResponse:
    """Change one's password, see and revoke one's API tokens, sign out everywhere."""
    user = signed_in(request)
    posted = request.POST if request.method == "POST" else None
    changing = posted is not None and "password-old_password" in posted
    password_form = PasswordChangeForm(user, posted if changing else None, prefix="password")
    token_form = TokenForm(posted if posted is not None and not changing else None, prefix="token")
    new_token = ""
    if changing and password_form.is_valid():
        services.user_set_password(
            actor=user, user=user, password=password_form.cleaned_data["new_password1"]
        )
        update_session_auth_hash(request, user)
        messages.success(
            request,
            _("Password changed. Your other sessions have ended and your API tokens are revoked."),
        )
        return redirect("accounts:account")
    if token_form.is_bound and token_form.is_valid():
        _token, new_token = token_issue(
            user=user, name=token_form.cleaned_data["name"], days=token_form.cleaned_data["days"]
        )
        token_form = TokenForm(prefix="token")
    context = _account_context(
        user, password_form=password_form, token_form=token_form, new_token=new_token
    )
    return render(request, "accounts/account.html", context)


def _account_context(user: User, **forms: Any) -> dict[str, Any]:
    return {
        "password_form": PasswordChangeForm(user, prefix="password"),
        "token_form": TokenForm(prefix="token"),
        "new_token": "",
        "tokens": queries.tokens_of(user),
        "two_step_on": mfa.is_on(user),
        "two_step_required": mfa.required_for(user),
        "recovery_left": mfa.recovery_codes_left(user),
        "passkeys": passkeys.passkeys_of(user),
        "passkey_form": PasskeyForm(prefix="passkey"),
        "may_break_glass": break_glass.may_start(user),
        "break_glass_form": BreakGlassForm(prefix="emergency"),
        "grants": break_glass.grants_active(user),
        **forms,
    }


@login_required
@require_POST
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    user = signed_in(request)
    tokens.token_revoke(actor=user, token=queries.token_of(user, token_id))
    messages.success(request, _("The token is revoked."))
    return redirect("accounts:account")


@login_required
@require_POST
def sign_out_everywhere(request: HttpRequest) -> HttpResponse:
    services.sessions_end_everywhere(user=signed_in(request))
    logout_user(request)
    messages.info(request, _("You are signed out on every device."))
    return redirect("accounts:login")


# --- Two-step sign-in ---------------------------------------------------------------------------


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return reverse("accounts:home")
    return target or reverse("accounts:home")


@login_required
def two_step(request: HttpRequest) -> HttpResponse:
    """The second step of signing in: a code from the app, or a recovery code."""
    user = signed_in(request)
    if not mfa.is_on(user):
        return redirect("accounts:two_step_setup")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if mfa.verify(request=request, user=user, code=form.cleaned_data["code"]):
            return redirect(_next(request))
        form.add_error("code", _("This code is wrong or already used. Wait for a new code."))
    context = {
        "form": form,
        "next": _next(request),
        "next_query": urlencode({"next": _next(request)}),
        "has_passkey": passkeys.has_passkey(user),
    }
    return render(request, "accounts/two_step.html", context)


@login_required
def two_step_setup(request: HttpRequest) -> HttpResponse:
    """Set up the authenticator app (or replace it): scan, confirm with a code, keep the
    recovery codes."""
    user = signed_in(request)
    if mfa.is_on(user) and not request.user.is_verified():  # type: ignore[union-attr]
        return redirect("accounts:two_step")
    form = CodeForm(request.POST or None)
    device = mfa.app_device(user, confirmed=False)
    if device is None or request.method == "GET":
        device = mfa.app_begin(user=user)
    if request.method == "POST" and form.is_valid():
        codes = mfa.app_confirm(
            request=request, user=user, device=device, code=form.cleaned_data["code"]
        )
        if codes is not None:
            return render(
                request, "accounts/recovery_codes.html", {"codes": codes, "next": _next(request)}
            )
        form.add_error("code", _("This code does not match; check the app's clock and try again."))
    context = {
        "form": form,
        "secret": mfa.secret_text(device),
        "qr": mfa.qr_svg(device),
        "required": mfa.required_for(user),
        "next": _next(request),
    }
    return render(request, "accounts/two_step_setup.html", context)


@login_required
@require_POST
def recovery_codes_new(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    if not mfa.is_on(user):
        return redirect("accounts:two_step_setup")
    codes = mfa.recovery_codes_make(user=user)
    return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": ""})


@login_required
@require_POST
def two_step_off(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    if mfa.required_for(user):
        raise PermissionDenied(_("Your role requires two-step sign-in."))
    mfa.two_step_off(actor=user, user=user)
    passkeys.passkeys_remove_all(actor=user, user=user)
    messages.success(request, _("Two-step sign-in is off."))
    return redirect("accounts:account")


@login_required
@require_POST
def user_two_step_reset(request: HttpRequest, user_id: int) -> HttpResponse:
    """An administrator removes the app of someone who lost their phone."""
    _require_manager(request)
    account = queries.user_for(request.user, user_id)
    mfa.two_step_off(actor=request.user, user=account)
    passkeys.passkeys_remove_all(actor=signed_in(request), user=account)
    services.sessions_end_everywhere(user=account)
    messages.success(
        request,
        _("Two-step sign-in of %(name)s is reset: they set it up again when they next sign in.")
        % {"name": account.full_name},
    )
    return redirect("accounts:user", user_id=account.pk)


# --- Passkeys (WebAuthn): the JSON endpoints of accounts/static/accounts/passkeys.js --------


def _json_refusal(message: str, status: int = 400) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


@login_required
@require_POST
def passkey_options(request: HttpRequest) -> HttpResponse:
    """Options for adding a passkey (only beside an authenticator app)."""
    user = signed_in(request)
    if not mfa.is_on(user):
        return _json_refusal(_("Set up the authenticator app first."), status=409)
    options = passkeys.registration_options(request=request, user=user)
    return HttpResponse(options, content_type="application/json")


@login_required
@require_POST
def passkey_add(request: HttpRequest) -> JsonResponse:
    user = signed_in(request)
    if not mfa.is_on(user):
        return _json_refusal(_("Set up the authenticator app first."), status=409)
    body = passkeys.parse_body(request.body)
    form = PasskeyForm({"name": body.get("name", "")})
    if not form.is_valid():
        return _json_refusal(" ".join(str(error) for error in form.errors.get("name", [])))
    try:
        passkeys.passkey_add(
            request=request,
            user=user,
            credential=body.get("credential"),
            name=form.cleaned_data["name"],
        )
    except passkeys.PasskeyRefused:
        return _json_refusal(_("The passkey could not be added. Try again."))
    messages.success(request, _("Passkey added."))
    return JsonResponse({"redirect": reverse("accounts:account")})


@login_required
@require_POST
def passkey_remove(request: HttpRequest, passkey_id: int) -> HttpResponse:
    user = signed_in(request)
    passkey = get_object_or_404(Passkey, user=user, pk=passkey_id)
    passkeys.passkey_remove(actor=user, passkey=passkey)
    messages.success(request, _("Passkey removed."))
    return redirect("accounts:account")


@login_required
@require_POST
def two_step_passkey_options(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    if not passkeys.has_passkey(user):
        return _json_refusal(_("This account has no passkey."), status=404)
    options = passkeys.authentication_options(request=request, user=user)
    return HttpResponse(options, content_type="application/json")


@login_required
@require_POST
def two_step_passkey(request: HttpRequest) -> JsonResponse:
    """The second step with a passkey: verified like an app code, then on to ``next``."""
    user = signed_in(request)
    credential = passkeys.parse_body(request.body).get("credential")
    if not passkeys.verify(request=request, user=user, credential=credential):
        return _json_refusal(_("The passkey was not accepted. Try again, or type a code."))
    return JsonResponse({"redirect": _next(request)})


# --- Emergency (break-glass) access -------------------------------------------------------------


@login_required
@require_POST
def break_glass_start(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    if not break_glass.may_start(user):
        raise PermissionDenied(_("Only staff who work with personal records may ask for this."))
    form = BreakGlassForm(request.POST, prefix="emergency")
    if form.is_valid():
        grant = break_glass.break_glass_start(
            actor=user,
            site=form.site(),
            reason=form.cleaned_data["reason"],
            minutes=form.cleaned_data["minutes"],
        )
        messages.warning(
            request,
            _("Emergency access to %(where)s has started. Every record you open is recorded.")
            % {"where": grant.scope_label},
        )
        return redirect("accounts:account")
    context = _account_context(user, break_glass_form=form)
    return render(request, "accounts/account.html", context, status=400)


@login_required
@require_POST
def break_glass_end(request: HttpRequest, grant_id: int) -> HttpResponse:
    user = signed_in(request)
    try:
        grant = break_glass.grant_of(user, grant_id)
    except BreakGlass.DoesNotExist:
        raise Http404 from None
    break_glass.break_glass_end(actor=user, grant=grant)
    messages.success(request, _("Emergency access has ended."))
    return redirect("accounts:account")


@login_required
def break_glass_review(request: HttpRequest) -> HttpResponse:
    """Every emergency access, active and past, with its reason (administrators)."""
    _require_manager(request)
    page = Paginator(break_glass.grants_for_review(), 50).get_page(request.GET.get("page"))
    return render(request, "accounts/break_glass_review.html", {"page": page})
