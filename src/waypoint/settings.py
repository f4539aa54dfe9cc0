"""Waypoint's one settings module: everything that differs between machines comes from env.

WAYPOINT_SECRET_KEY   signing key; when unset, one is made once and kept in var/secret_key
WAYPOINT_DEBUG        1 for development (make run sets it)
WAYPOINT_ALLOWED_HOSTS comma-separated host names
WAYPOINT_VAR_DIR      where the SQLite database and private files live (default ./var)
DATABASE_URL          postgres://user:password@host:port/name; SQLite under var/ when unset
WAYPOINT_LOG_LEVEL    INFO by default
"""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from waypoint.core.env import (
    database_from_url,
    env_bool,
    env_list,
    env_str,
    read_or_create_secret,
    sqlite_database,
)

PACKAGE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(env_str("WAYPOINT_VAR_DIR", str(Path.cwd() / "var"))).resolve()

DEBUG = env_bool("WAYPOINT_DEBUG", False)
TESTING = env_bool("WAYPOINT_TESTING", "pytest" in sys.modules)
SECRET_KEY = env_str("WAYPOINT_SECRET_KEY") or (
    "insecure-test-key" if TESTING else read_or_create_secret(VAR_DIR / "secret_key")
)

ALLOWED_HOSTS = env_list("WAYPOINT_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("WAYPOINT_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "django_htmx",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
    "waypoint.core",
    "waypoint.audit",
    "waypoint.places",
    "waypoint.accounts",
    "waypoint.collect",
    "waypoint.people",
    "waypoint.linkage",
    "waypoint.reception",
    "waypoint.protection",
    "waypoint.presence",
    "waypoint.returns",
    "waypoint.estimation",
    "waypoint.privacy",
    "waypoint.reports",
    "waypoint.portal",
    "waypoint.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "waypoint.audit.middleware.RequestContextMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "waypoint.core.languages.StaffLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "waypoint.accounts.middleware.SessionLifetimeMiddleware",
    "waypoint.accounts.middleware.TwoStepMiddleware",
    "waypoint.accounts.break_glass.BreakGlassMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "waypoint.urls"
WSGI_APPLICATION = "waypoint.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "waypoint.core.context_processors.layout",
            ],
        },
    }
]

_database_url = env_str("DATABASE_URL").strip()
DATABASES = {
    "default": database_from_url(_database_url)
    if _database_url
    else sqlite_database(VAR_DIR / "waypoint.sqlite3")
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "waypoint.accounts.backends.RoleBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "accounts:login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    # Hashing is the slowest thing in the suite; tests check behaviour, not hash strength.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Lockout: the sixth failed sign-in for one account from one address within 15 minutes is
# refused. Per account *and* address: someone elsewhere cannot lock the owner out.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Throttle per address, whatever the accounts tried: a centre's whole office shares one NAT
# address, so the limit is well above what its staff mistype (accounts.throttle).
WAYPOINT_ADDRESS_FAILURE_LIMIT = int(env_str("WAYPOINT_ADDRESS_FAILURE_LIMIT", "50") or 50)
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "username"  # the sign-in form and the token API both send it so
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
AXES_SENSITIVE_PARAMETERS = ["password"]

# Sessions: idle timeout of 30 minutes, renewed on every request.
SESSION_COOKIE_AGE = 30 * 60
# However busy, a session ends this long after sign-in (accounts.middleware).
WAYPOINT_SESSION_MAX_HOURS = int(env_str("WAYPOINT_SESSION_MAX_HOURS", "10") or 10)
# Idle timeout for protection officers and case workers.
WAYPOINT_PROTECTION_IDLE_MINUTES = int(env_str("WAYPOINT_PROTECTION_IDLE_MINUTES", "15") or 15)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_HTTPS = env_bool("WAYPOINT_HTTPS", False)
SESSION_COOKIE_SECURE = SECURE_HTTPS
CSRF_COOKIE_SECURE = SECURE_HTTPS
LANGUAGE_COOKIE_SECURE = SECURE_HTTPS
if SECURE_HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31536000
    # Waypoint on a host of its own (waypoint.example.ba) has no subdomains to break, so
    # HSTS covers them and may be preloaded; on a shared domain set both to 0.
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("WAYPOINT_HSTS_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("WAYPOINT_HSTS_PRELOAD", True)
    # Behind the TLS proxy Django redirects too, so a request that reached it over plain
    # HTTP is never answered; health checks from the machine itself stay on HTTP.
    SECURE_SSL_REDIRECT = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("bs", _("Bosnian")),
    ("ar", _("Arabic")),
    ("fa", _("Farsi/Dari")),
    ("ps", _("Pashto")),
    ("ur", _("Urdu")),
    ("bn", _("Bengali")),
    ("fr", _("French")),
]
LANGUAGES_BIDI = ["ar", "fa", "ps", "ur", "he"]
STAFF_LANGUAGES = ["en", "bs"]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Sarajevo"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
PRIVATE_FILES_DIR = VAR_DIR / "private"

# Two-step sign-in (TOTP from an authenticator app, or a one-time recovery code).
OTP_TOTP_ISSUER = "Waypoint"
OTP_TOTP_THROTTLE_FACTOR = 1

# API tokens expire after this many days (their owner can revoke them sooner).
WAYPOINT_TOKEN_DAYS = int(env_str("WAYPOINT_TOKEN_DAYS", "90") or 90)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "waypoint.accounts.tokens.HashedTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_THROTTLE_RATES": {"token": env_str("WAYPOINT_TOKEN_RATE", "10/minute")},
    "EXCEPTION_HANDLER": "waypoint.core.api.exception_handler",
    # How many proxies in front set X-Forwarded-For; 0 trusts only the socket address, so a
    # client cannot dodge throttles by inventing the header.
    "NUM_PROXIES": int(env_str("WAYPOINT_NUM_PROXIES", "0") or 0),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Waypoint API",
    "DESCRIPTION": "Scoped, audited access to Waypoint for partners and tools.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1/",
    # One name for the AVRR stages wherever they appear (stage, from_stage, to_stage).
    "ENUM_NAME_OVERRIDES": {"CaseStageEnum": "waypoint.returns.models.Stage"},
}

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "filters": {"client_errors_in_one_line": {"()": "waypoint.core.logs.ClientErrorsInOneLine"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["client_errors_in_one_line"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("WAYPOINT_LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's own console handler (in DEBUG) would print each line a second time.
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        # Request bodies and query parameters can carry personal data: never log them.
        "django.db.backends": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        # WeasyPrint narrates every step of every PDF at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# Published figures: rounded to a multiple of this base (5 is Eurostat's rule for asylum
# tables) after suppression when set; 0 publishes exact values of the cells shown.
REPORTS_ROUND_BASE = int(env_str("WAYPOINT_ROUND_PUBLISHED_TO", "0") or 0) or None

# Long jobs (deduplication, imports): django-tasks with its database backend, so the
# embedded default needs no broker. `waypoint db_worker` runs them.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
