"""Staff accounts, their roles, and where each role applies."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device

from waypoint.places.models import Area, Site


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", _("Administrator")
    CENTRE_MANAGER = "centre_manager", _("Centre manager")
    REGISTRATION_OFFICER = "registration_officer", _("Registration officer")
    CASE_WORKER = "case_worker", _("Case worker")
    PROTECTION_OFFICER = "protection_officer", _("Protection officer")
    AVRR_COUNSELLOR = "avrr_counsellor", _("AVRR counsellor")
    ENUMERATOR = "enumerator", _("Enumerator")
    ANALYST = "analyst", _("Analyst")
    PARTNER_VIEWER = "partner_viewer", _("Partner viewer")


LANGUAGE_CHOICES = [("en", _("English")), ("bs", _("Bosnian"))]

# The order in which a user's roles decide their landing page when they hold several.
ROLE_PRECEDENCE = list(Role)


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        if not email:
            raise ValueError("an email address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


# The checker cannot type django-otp's (untyped) manager behind ``Passkey.user``.
class User(AbstractBaseUser, PermissionsMixin):  # type: ignore[django-manager-missing]
    """A member of staff or a partner. Signs in with an email address."""

    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        default="en",
        choices=LANGUAGE_CHOICES,
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(
        _("Django admin access"),
        default=False,
        help_text=_("Lets the user open Django's technical admin site."),
    )
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    # Raised by "sign out everywhere": every session signed with the old value ends.
    sessions_epoch = models.PositiveIntegerField(default=0, editable=False)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["email"]
        verbose_name = _("user")
        verbose_name_plural = _("users")
        permissions = [("manage_users", "Can manage users and their assignments")]

    def __str__(self) -> str:
        return self.full_name or self.email

    def save(self, *args: Any, **kwargs: Any) -> None:
        # A new password, however it was set (the change and reset pages, the admin, a
        # command), revokes every API token: a token must not outlive the password it came
        # from. ``_password`` is Django's own mark of a password set on this object.
        password_changed = getattr(self, "_password", None) is not None and self.pk is not None
        super().save(*args, **kwargs)
        if password_changed:
            ApiToken.objects.filter(user=self, revoked_at__isnull=True).update(
                revoked_at=timezone.now()
            )

    def _get_session_auth_hash(self, secret: str | None = None) -> str:
        # Django's hash of the password, with the sessions epoch mixed in: a new password
        # or a new epoch ends every other session of the account.
        key_salt = "waypoint.accounts.User.get_session_auth_hash"
        return salted_hmac(
            key_salt, f"{self.password}:{self.sessions_epoch}", secret=secret, algorithm="sha256"
        ).hexdigest()

    def role_names(self) -> set[str]:
        """The roles this user holds anywhere (cached for the life of this object)."""
        cached: set[str] | None = getattr(self, "_role_names", None)
        if cached is None:
            cached = set(self.assignments.values_list("role", flat=True))
            self._role_names = cached
        return cached

    def has_role(self, *roles: str) -> bool:
        return bool(self.role_names() & set(roles))

    @property
    def primary_role(self) -> Role | None:
        held = self.role_names()
        return next((role for role in ROLE_PRECEDENCE if role in held), None)


class Assignment(models.Model):
    """A role held within one scope: a site, an area (and all inside it), or the whole country."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="assignments", verbose_name=_("user")
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    site = models.ForeignKey(
        Site,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assignments",
        verbose_name=_("site"),
    )
    area = models.ForeignKey(
        Area,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assignments",
        verbose_name=_("area"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["user", "role"]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = [
            models.CheckConstraint(
                condition=Q(site__isnull=True) | Q(area__isnull=True),
                name="assignment_site_or_area_not_both",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()} — {self.scope_label}"

    @property
    def is_national(self) -> bool:
        return self.site_id is None and self.area_id is None

    @property
    def scope_label(self) -> str:
        if self.site is not None:
            return self.site.name
        if self.area is not None:
            return self.area.name
        return str(_("National"))


class ApiToken(models.Model):
    """A token for the API. Only its SHA-256 digest is kept: the token itself is shown once,
    when it is made. It expires, its owner can revoke it, and changing the password revokes
    every token of the account."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("user")
    )
    name = models.CharField(_("name"), max_length=80, blank=True)
    prefix = models.CharField(_("starts with"), max_length=8)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("made at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user_id})"

    @property
    def is_live(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()


class Passkey(Device):
    """A WebAuthn credential (a passkey or a security key) that does the second step of
    signing in. A django-otp device, so a session verified with it is verified exactly as
    with an authenticator-app code; it has no typed token (``verify_token`` is always False)
    and is checked by ``accounts.passkeys`` instead."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="passkeys", verbose_name=_("user")
    )
    # base64url of the credential's raw id, as the browser reports it back.
    credential_id = models.CharField(max_length=1400, unique=True, editable=False)
    public_key = models.BinaryField(editable=False)
    sign_count = models.PositiveBigIntegerField(default=0, editable=False)
    transports = models.JSONField(default=list, blank=True, editable=False)
    created_at = models.DateTimeField(_("added at"), default=timezone.now)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("passkey")
        verbose_name_plural = _("passkeys")

    def __str__(self) -> str:
        return f"{self.name} ({self.user_id})"


class BreakGlassQuerySet(models.QuerySet["BreakGlass"]):
    def active(self, at: Any = None) -> BreakGlassQuerySet:
        """Grants neither ended early nor expired at ``at`` (now)."""
        moment = at or timezone.now()
        return self.filter(started_at__lte=moment, expires_at__gt=moment, ended_at__isnull=True)


class BreakGlass(models.Model):
    """Emergency access: for a stated reason and a short time, the user's own personal-data
    roles reach one more site (or every site). Never a new role; every request made while
    it lasts is audited (``accounts.break_glass``)."""

    user = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="break_glass_grants", verbose_name=_("user")
    )
    site = models.ForeignKey(
        Site,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("site"),
        help_text=_("Empty: every site (national)."),
    )
    reason = models.TextField(_("reason"))
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    ended_at = models.DateTimeField(_("ended early at"), null=True, blank=True)

    objects = BreakGlassQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("emergency access")
        verbose_name_plural = _("emergency accesses")
        indexes = [models.Index(fields=["user", "expires_at"], name="accounts_breakglass_expiry")]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=models.F("started_at")),
                name="break_glass_expires_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.scope_label}"

    @property
    def scope_label(self) -> str:
        return self.site.name if self.site is not None else str(_("every site (national)"))

    def is_active(self, at: Any = None) -> bool:
        moment = at or timezone.now()
        return self.ended_at is None and self.started_at <= moment < self.expires_at
