"""Staff accounts, their roles, and where each role applies."""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models, router, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device

from waypoint.core import crypto
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
        new_password: str | None = getattr(self, "_password", None)
        password_changed = new_password is not None and self.pk is not None
        adding = self._state.adding
        update_fields = kwargs.get("update_fields")
        using = kwargs.get("using") or router.db_for_write(type(self), instance=self)
        with transaction.atomic(using=using):
            super().save(*args, **kwargs)
            if password_changed:
                ApiToken.objects.filter(user=self, revoked_at__isnull=True).update(
                    revoked_at=timezone.now()
                )
            # The Digest secret follows the password and the email (accounts.digest).
            if getattr(self, "_digest_secret_drop", False):
                DigestSecret.objects.using(using).filter(user=self).delete()
            elif new_password is not None:
                DigestSecret.derive(user=self, password=new_password, using=using)
            elif not adding and (update_fields is None or "email" in update_fields):
                DigestSecret.objects.using(using).filter(user=self).exclude(
                    username=self.email.lower()
                ).delete()
        self._digest_secret_drop = False

    def set_password(self, raw_password: str | None) -> None:
        # Django keeps the raw password in ``_password`` until ``save``, which derives the
        # Digest secret from it; ``None`` makes the password unusable, so no secret.
        super().set_password(raw_password)
        self._digest_secret_drop = raw_password is None

    def set_unusable_password(self) -> None:
        super().set_unusable_password()
        self._digest_secret_drop = True

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


class DigestSecret(models.Model):
    """What HTTP Digest authentication (``accounts.digest``) checks a phone's answer against:
    HA1 = H(email ":" realm ":" password), with MD5 and with SHA-256, the email lower-cased.

    Derived by ``User.save`` whenever a password is set, never from anything else: the
    password itself is not kept. HA1 is a password equivalent for this realm (whoever holds
    it can answer any Digest challenge as this user), hence encrypted at rest. Deleted when
    the password becomes unusable or the email changes (the email is part of HA1 and the
    password is not known then): Digest comes back at the next password set.
    """

    REALM = "Waypoint"

    user = models.OneToOneField(
        User,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="digest_secret",
        verbose_name=_("user"),
    )
    # The lower-cased email the secret was derived with: a secret whose username no longer
    # matches the account's email is never used, however the email was changed.
    username = models.CharField(_("username"), max_length=254, editable=False)
    ha1_md5 = crypto.EncryptedTextField(editable=False)
    ha1_sha256 = crypto.EncryptedTextField(editable=False)
    derived_at = models.DateTimeField(_("derived at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("Digest secret")
        verbose_name_plural = _("Digest secrets")

    def __str__(self) -> str:
        return self.username

    @classmethod
    def ha1(cls, hash_name: str, username: str, password: str) -> str:
        """H(username ":" realm ":" password) in lower-case hex, UTF-8 (RFC 7616, 3.4.2)."""
        text = f"{username}:{cls.REALM}:{password}".encode()
        # MD5 is what the protocol and older phones need, not our choice of hash.
        return hashlib.new(hash_name, text, usedforsecurity=False).hexdigest()

    @staticmethod
    def enabled() -> bool:
        """Whether secrets are derived at all (``WAYPOINT_OPENROSA_DIGEST``, default on): a
        deployment reached only over HTTPS can turn Digest off and keep no HA1 anywhere."""
        return bool(getattr(settings, "WAYPOINT_OPENROSA_DIGEST", True))

    @classmethod
    def derive(cls, *, user: User, password: str, using: str | None = None) -> DigestSecret | None:
        """Replace ``user``'s secret with one derived from ``password`` and the current email
        (or, with Digest turned off, remove it)."""
        if not cls.enabled():
            cls.objects.using(using).filter(user=user).delete()
            return None
        username = user.email.lower()
        secret, _created = cls.objects.using(using).update_or_create(
            user=user,
            defaults={
                "username": username,
                "ha1_md5": cls.ha1("md5", username, password),
                "ha1_sha256": cls.ha1("sha256", username, password),
                "derived_at": timezone.now(),
            },
        )
        return secret

    def ha1_for(self, hash_name: str) -> str:
        """The stored HA1 for ``"md5"`` or ``"sha256"``."""
        return str(self.ha1_md5 if hash_name == "md5" else self.ha1_sha256)


crypto.register_encrypted_field(DigestSecret, "ha1_md5")
crypto.register_encrypted_field(DigestSecret, "ha1_sha256")
