"""HTTP Digest authentication (RFC 7616) of enumerator accounts for the OpenRosa endpoints.

Why Digest beside Basic: ODK Collect and KoboCollect send Basic credentials only over
HTTPS; on an ``http://`` address (a laptop serving Waypoint on a centre's own network) they
answer only a Digest challenge. Digest never sends the password, but it proves nothing
about the server and protects no content: use HTTPS wherever it can be had.

What the server keeps: HA1 = H(email ":" realm ":" password), with MD5 and SHA-256, derived
when a password is set and stored encrypted (``models.DigestSecret``). HA1 is a password
equivalent for this realm; the password itself is never kept. An account whose password
was set before Digest existed, or whose email changed since, has no secret: Digest refuses
it until its password is set again. ``WAYPOINT_OPENROSA_DIGEST=false`` (for a deployment
reached only over HTTPS) derives no secret and refuses every Digest request.

Nonces are stateless: the time they were made and random bytes, signed with a key derived
from ``SECRET_KEY``, valid for ``NONCE_SECONDS``. Replay is refused by remembering, in
Django's cache, the highest nonce count seen for each nonce (a cache shared by every server
process makes that hold across processes). A failed answer is reported to django-axes
exactly as a failed sign-in, so the same lockout covers the sign-in page, Basic and Digest.

The two challenges (SHA-256 preferred, MD5 for older phones) share one nonce and opaque:
some clients (okhttp-digest, used by Collect) merge every parameter of the header into one
map, the last value winning, and still answer consistently.
"""

from __future__ import annotations

import base64
import binascii
import enum
import hashlib
import hmac
import re
import secrets
import time
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_credentials
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.crypto import salted_hmac

from waypoint.accounts.models import DigestSecret, User
from waypoint.accounts.throttle import address_blocked

REALM = DigestSecret.REALM
NONCE_SECONDS = 300
# A nonce dated this far in the future is not ours (clocks of one server do not drift so).
NONCE_FUTURE_SECONDS = 5
# Not a secret: returned by the client unchanged, it only tells our challenge from another's.
OPAQUE = hashlib.sha256(b"waypoint.accounts.digest.opaque").hexdigest()[:32]
MAX_HEADER_LENGTH = 4096
MAX_PARAMETERS = 16

# algorithm parameter (lower-cased) -> (hashlib name, session variant)
ALGORITHMS = {
    "sha-256": ("sha256", False),
    "sha-256-sess": ("sha256", True),
    "md5": ("md5", False),
    "md5-sess": ("md5", True),
}
_HEX_LENGTH = {"sha256": 64, "md5": 32}
_REQUIRED = ("username", "realm", "nonce", "uri", "response", "qop", "nc", "cnonce")

_NONCE_SALT = "waypoint.accounts.digest.nonce"
_NONCE_BODY = 24  # 8 bytes of time, 16 random
_NONCE_MAC = 16
_NONCE_SHAPE = re.compile(r"[A-Za-z0-9_-]{54}")
_REPLAY_KEY = "waypoint.digest.nc."
_OUTCOME_ATTRIBUTE = "_waypoint_digest_outcome"

# RFC 9110: auth-param = token BWS "=" BWS ( token / quoted-string ), comma-separated.
_TCHARS = r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+"
_PARAMETER = re.compile(
    rf'[ \t]*({_TCHARS})[ \t]*=[ \t]*(?:({_TCHARS})|"((?:[^"\\\x00-\x08\x0a-\x1f\x7f]'
    rf'|\\[^\x00-\x08\x0a-\x1f\x7f])*)")[ \t]*(?:,[ \t,]*|\Z)'
)
_SCHEME = re.compile(r"[ \t]*Digest[ \t]+", re.IGNORECASE)
_QUOTED_PAIR = re.compile(r"\\(.)", re.DOTALL)
_NONCE_COUNT = re.compile(r"[0-9A-Fa-f]{8}")


class Refusal(enum.StrEnum):
    """Why Digest credentials were refused."""

    DISABLED = "disabled"  # WAYPOINT_OPENROSA_DIGEST is off
    NO_CREDENTIALS = "no_credentials"  # no Authorization: Digest header
    MALFORMED = "malformed"  # unparseable, oversized, or parameters we do not accept
    FOREIGN_NONCE = "foreign_nonce"  # a nonce we did not make
    WRONG_URI = "wrong_uri"  # answers for another request
    LOCKED_OUT = "locked_out"  # django-axes or the address throttle refuses sign-ins
    WRONG_CREDENTIALS = "wrong_credentials"  # wrong answer, unknown or inactive account
    STALE_NONCE = "stale_nonce"  # right answer, expired nonce
    REPLAYED = "replayed"  # right answer, nonce count already used


# Refusals after which the client may retry with a fresh nonce without asking the user.
STALE_REFUSALS = frozenset({Refusal.STALE_NONCE, Refusal.REPLAYED})


@dataclass(frozen=True)
class DigestOutcome:
    """The result of checking one request's Digest credentials."""

    user: User | None
    refusal: Refusal | None

    @property
    def stale(self) -> bool:
        """Whether the next challenge should say ``stale=true``."""
        return self.refusal in STALE_REFUSALS


def challenge(request: HttpRequest, *, stale: bool = False) -> str:
    """A ``WWW-Authenticate`` value offering Digest with SHA-256, then with MD5, one nonce."""
    nonce = _nonce_new()
    extra = ", stale=true" if stale else ""
    return ", ".join(
        f'Digest realm="{REALM}", qop="auth", algorithm={algorithm}, nonce="{nonce}", '
        f'opaque="{OPAQUE}", charset=UTF-8{extra}'
        for algorithm in ("SHA-256", "MD5")
    )


def digest_enabled() -> bool:
    """Whether Digest is offered at all (``WAYPOINT_OPENROSA_DIGEST``, default on)."""
    return DigestSecret.enabled()


def digest_credentials_sent(request: HttpRequest) -> bool:
    """Whether the request's Authorization header uses the Digest scheme."""
    return _SCHEME.match(request.META.get("HTTP_AUTHORIZATION", "")) is not None


def digest_user(request: HttpRequest) -> User | None:
    """The active account whose valid Digest credentials the request carries, or None.

    Never raises on any header. Checked once per request (the outcome is kept on it), so a
    second call neither counts a failure twice nor refuses its own nonce count as a replay.
    """
    return digest_check(request).user


def digest_nonce_stale(request: HttpRequest) -> bool:
    """Whether the request was refused only for an expired (or already used) nonce, so the
    next challenge should carry ``stale=true`` and the phone retries without asking."""
    return digest_check(request).stale


def digest_check(request: HttpRequest) -> DigestOutcome:
    """Check the request's Digest credentials once; later calls return the same outcome."""
    outcome: DigestOutcome | None = getattr(request, _OUTCOME_ATTRIBUTE, None)
    if outcome is None:
        outcome = _check(request)
        setattr(request, _OUTCOME_ATTRIBUTE, outcome)
    return outcome


def parse_credentials(header: str) -> dict[str, str] | None:
    """The parameters of an ``Authorization: Digest`` value, names lower-cased, quoted
    strings unescaped; None when it is not Digest, malformed, repeats a parameter, or is
    oversized."""
    if len(header) > MAX_HEADER_LENGTH:
        return None
    scheme = _SCHEME.match(header)
    if scheme is None:
        return None
    parameters: dict[str, str] = {}
    position = scheme.end()
    while position < len(header):
        found = _PARAMETER.match(header, position)
        if found is None or found.end() == position:
            return None
        name, token, quoted = found.groups()
        name = name.lower()
        if name in parameters or len(parameters) >= MAX_PARAMETERS:
            return None
        parameters[name] = token if token is not None else _QUOTED_PAIR.sub(r"\1", quoted)
        position = found.end()
    return parameters or None


def _check(request: HttpRequest) -> DigestOutcome:
    if not digest_enabled():
        return DigestOutcome(None, Refusal.DISABLED)
    header = request.META.get("HTTP_AUTHORIZATION", "")
    if not isinstance(header, str) or _SCHEME.match(header) is None:
        return DigestOutcome(None, Refusal.NO_CREDENTIALS)
    parameters = parse_credentials(header)
    if parameters is None or not _well_formed(parameters):
        return DigestOutcome(None, Refusal.MALFORMED)
    issued_at = _nonce_issued_at(parameters["nonce"])
    if issued_at is None:
        return DigestOutcome(None, Refusal.FOREIGN_NONCE)
    if not _uri_matches(request, parameters["uri"]):
        return DigestOutcome(None, Refusal.WRONG_URI)
    username = parameters["username"].lower()
    credentials = get_credentials(username=username)
    if address_blocked(request):
        return DigestOutcome(None, Refusal.LOCKED_OUT)
    if not AxesProxyHandler.is_allowed(request, credentials):
        # As axes' own backend does for a locked-out sign-in: report the attempt (axes'
        # settings decide whether it extends the cool-off) and, when it does not, mark the
        # request so that axes' middleware answers with the lockout page.
        if not getattr(settings, "AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT", True):
            request.axes_locked_out = True  # type: ignore[attr-defined]
        _report_failure(request, credentials)
        return DigestOutcome(None, Refusal.LOCKED_OUT)
    user = User.objects.filter(email__iexact=username, is_active=True).first()
    secret = _secret_of(user)
    if not _response_matches(request, parameters, secret) or user is None:
        _report_failure(request, credentials)
        return DigestOutcome(None, Refusal.WRONG_CREDENTIALS)
    if time.time() - issued_at > NONCE_SECONDS:
        return DigestOutcome(None, Refusal.STALE_NONCE)
    if not _claim_nonce_count(parameters["nonce"], int(parameters["nc"], 16)):
        return DigestOutcome(None, Refusal.REPLAYED)
    return DigestOutcome(user, None)


def _well_formed(parameters: dict[str, str]) -> bool:
    if any(not parameters.get(name) for name in _REQUIRED) or "username*" in parameters:
        return False
    algorithm = ALGORITHMS.get(parameters.get("algorithm", "MD5").lower())
    if algorithm is None or parameters.get("userhash", "false").lower() != "false":
        return False
    response = parameters["response"]
    return (
        parameters["realm"] == REALM
        and parameters["qop"].lower() == "auth"
        and parameters.get("opaque", OPAQUE) == OPAQUE
        and _NONCE_COUNT.fullmatch(parameters["nc"]) is not None
        and int(parameters["nc"], 16) > 0
        and len(parameters["username"]) <= 254
        and len(parameters["cnonce"]) <= 256
        and len(response) == _HEX_LENGTH[algorithm[0]]
        and all(character in "0123456789abcdefABCDEF" for character in response)
    )


def _uri_matches(request: HttpRequest, uri: str) -> bool:
    """Whether ``uri`` (the request-target as the client sent it, or the absolute URL)
    names this request's path and query."""
    try:
        if not uri.startswith("/"):
            parts = urlsplit(uri)
            if parts.scheme not in {"http", "https"} or not parts.netloc:
                return False
            uri = parts.path + (f"?{parts.query}" if parts.query else "")
        return unquote(uri) == unquote(request.get_full_path())
    except ValueError:
        return False


def _secret_of(user: User | None) -> DigestSecret | None:
    if user is None:
        return None
    secret = DigestSecret.objects.filter(user=user).first()
    # A secret derived under an email the account no longer has would never match anyway.
    if secret is None or secret.username != user.email.lower():
        return None
    return secret


def _response_matches(
    request: HttpRequest, parameters: dict[str, str], secret: DigestSecret | None
) -> bool:
    hash_name, session = ALGORITHMS[parameters.get("algorithm", "MD5").lower()]

    def hashed(text: str) -> str:
        return hashlib.new(hash_name, text.encode(), usedforsecurity=False).hexdigest()

    # Without a secret, compare with a random HA1 anyway: the time taken tells nothing.
    ha1 = secret.ha1_for(hash_name) if secret is not None else secrets.token_hex(32)
    nonce, cnonce, count = parameters["nonce"], parameters["cnonce"], parameters["nc"]
    if session:
        ha1 = hashed(f"{ha1}:{nonce}:{cnonce}")
    ha2 = hashed(f"{request.method or 'GET'}:{parameters['uri']}")
    expected = hashed(f"{ha1}:{nonce}:{count}:{cnonce}:{parameters['qop']}:{ha2}")
    answered = parameters["response"].lower()
    return hmac.compare_digest(expected, answered) and secret is not None


def _report_failure(request: HttpRequest, credentials: dict[str, str | None]) -> None:
    # As django.contrib.auth.authenticate does, so django-axes counts it like any sign-in.
    user_login_failed.send(sender=__name__, credentials=credentials, request=request)


def _nonce_new() -> str:
    body = int(time.time()).to_bytes(8, "big") + secrets.token_bytes(16)
    return _base64(body + _nonce_mac(body, settings.SECRET_KEY))


def _nonce_mac(body: bytes, key: str | bytes) -> bytes:
    return salted_hmac(_NONCE_SALT, body, secret=key, algorithm="sha256").digest()[:_NONCE_MAC]


def _nonce_issued_at(nonce: str) -> int | None:
    """When we made ``nonce`` (seconds since the epoch), or None if we did not make it."""
    if _NONCE_SHAPE.fullmatch(nonce) is None:
        return None
    try:
        raw = base64.urlsafe_b64decode(nonce + "==")
    except (binascii.Error, ValueError):
        return None
    # Only the canonical spelling: the last character's spare bits must be zero.
    if _base64(raw) != nonce or len(raw) != _NONCE_BODY + _NONCE_MAC:
        return None
    body, mac = raw[:_NONCE_BODY], raw[_NONCE_BODY:]
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    if not any(hmac.compare_digest(mac, _nonce_mac(body, key)) for key in keys):
        return None
    issued_at = int.from_bytes(body[:8], "big")
    if issued_at > time.time() + NONCE_FUTURE_SECONDS:
        return None
    return issued_at


def _base64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _claim_nonce_count(nonce: str, count: int) -> bool:
    """Record ``count`` as used with ``nonce``; False when it is not above the highest seen.

    ``cache.add`` makes the same count race-free between concurrent requests; counts that
    arrive out of order are refused and the client retries with a fresh nonce (stale)."""
    key = _REPLAY_KEY + hashlib.sha256(nonce.encode()).hexdigest()[:40]
    lifetime = NONCE_SECONDS + 60
    if not cache.add(f"{key}.{count}", True, lifetime):
        return False
    if count <= int(cache.get(key, 0)):
        return False
    cache.set(key, count, lifetime)
    return True


def secret_ensure(user: User, password: str) -> None:
    """Derive ``user``'s Digest secret from a password just checked (a sign-in on the web,
    Basic over HTTPS) when it has none for the current email: accounts whose password was
    set before Digest existed, or whose email changed, get Digest back at their next
    sign-in instead of only at their next password change."""
    if not DigestSecret.enabled() or not password:
        return
    current = DigestSecret.objects.filter(user=user).values_list("username", flat=True).first()
    if current != user.email.lower():
        DigestSecret.derive(user=user, password=password)
