from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout as logout_user
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from waypoint.accounts import mfa, queries, services, tokens
from waypoint.accounts.forms import (
    AssignmentForm,
    CodeForm,
    LoginForm,
    TokenForm,
    UserCreateForm,
    UserSearchForm,
    UserUpdateForm,
)
from waypoint.accounts.models import User
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
    if not request.user.has_perm(queries.MANAGE_USERS):
        raise PermissionDenied


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
    context = {
        "password_form": password_form,
        "token_form": token_form,
        "new_token": new_token,
        "tokens": queries.tokens_of(user),
        "two_step_on": mfa.is_on(user),
        "two_step_required": mfa.required_for(user),
        "recovery_left": mfa.recovery_codes_left(user),
    }
    return render(request, "accounts/account.html", context)


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
    return render(request, "accounts/two_step.html", {"form": form, "next": _next(request)})


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
    messages.success(request, _("Two-step sign-in is off."))
    return redirect("accounts:account")


@login_required
@require_POST
def user_two_step_reset(request: HttpRequest, user_id: int) -> HttpResponse:
    """An administrator removes the app of someone who lost their phone."""
    _require_manager(request)
    account = queries.user_for(request.user, user_id)
    mfa.two_step_off(actor=request.user, user=account)
    services.sessions_end_everywhere(user=account)
    messages.success(
        request,
        _("Two-step sign-in of %(name)s is reset: they set it up again when they next sign in.")
        % {"name": account.full_name},
    )
    return redirect("accounts:user", user_id=account.pk)
