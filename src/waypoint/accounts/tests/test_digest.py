"""HTTP Digest authentication for phones on a plain-HTTP address: real answers computed as
Collect's okhttp-digest computes them, checked against real accounts."""

import hashlib
import re
import time

import pytest
from axes.models import AccessAttempt
from django.db import connection
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from waypoint.accounts import digest
from waypoint.accounts.digest import (
    NONCE_SECONDS,
    OPAQUE,
    Refusal,
    challenge,
    digest_check,
    digest_nonce_stale,
    digest_user,
    parse_credentials,
)
from waypoint.accounts.models import DigestSecret
from waypoint.accounts.services import user_set_password
from waypoint.conftest import PASSWORD
from waypoint.core.tests.strategies import FUZZ, TEXT

pytestmark = pytest.mark.django_db

EMAIL = "enumerator@waypoint.test"
FORM_LIST = "/openrosa/formList?formID=dtm_flow"
HASHES = {"MD5": "md5", "MD5-sess": "md5", "SHA-256": "sha256", "SHA-256-sess": "sha256"}


@pytest.fixture(autouse=True)
def digest_on(settings):
    """Digest on, whatever the deployment default (before the personas get passwords)."""
    settings.WAYPOINT_OPENROSA_DIGEST = True


def nonce_of(value):
    return re.search(r'nonce="([^"]+)"', value).group(1)


def fresh_nonce(rf):
    return nonce_of(challenge(rf.get("/openrosa/formList")))


def authorization(
    *,
    nonce,
    uri=FORM_LIST,
    method="GET",
    email=EMAIL,
    password=PASSWORD,
    algorithm="SHA-256",
    nc=1,
    cnonce="0a4f113b6c7d",
    qop="auth",
):
    """What okhttp-digest sends: HA1 = H(user:realm:password), HA2 = H(method:uri),
    response = H(HA1:nonce:nc:cnonce:qop:HA2)."""

    def hashed(text):
        return hashlib.new(HASHES[algorithm], text.encode()).hexdigest()

    ha1 = hashed(f"{email}:Waypoint:{password}")
    if algorithm.endswith("-sess"):
        ha1 = hashed(f"{ha1}:{nonce}:{cnonce}")
    ha2 = hashed(f"{method}:{uri}")
    response = hashed(f"{ha1}:{nonce}:{nc:08x}:{cnonce}:{qop}:{ha2}")
    return (
        f'Digest username="{email}", realm="Waypoint", nonce="{nonce}", uri="{uri}", '
        f'response="{response}", algorithm={algorithm}, qop={qop}, nc={nc:08x}, '
        f'cnonce="{cnonce}", opaque="{OPAQUE}"'
    )


def phone_request(rf, header, *, path=FORM_LIST, method="get"):
    return getattr(rf, method)(path, HTTP_AUTHORIZATION=header)


def failures_recorded(email=EMAIL):
    return sum(
        AccessAttempt.objects.filter(username=email).values_list("failures_since_start", flat=True)
    )


@pytest.mark.parametrize("algorithm", ["SHA-256", "MD5", "SHA-256-sess", "MD5-sess"])
def test_a_right_answer_signs_in_the_enumerator(rf, personas, algorithm):
    header = authorization(nonce=fresh_nonce(rf), algorithm=algorithm)
    assert digest_user(phone_request(rf, header)) == personas["enumerator"]


def test_a_submission_answer_covers_the_post_method_and_an_absolute_uri(rf, personas):
    uri = "http://testserver/openrosa/submission"
    header = authorization(nonce=fresh_nonce(rf), uri=uri, method="POST", algorithm="MD5")
    request = phone_request(rf, header, path="/openrosa/submission", method="post")
    assert digest_user(request) == personas["enumerator"]


def test_the_challenge_offers_sha256_first_then_md5_with_one_nonce(rf):
    value = challenge(rf.get("/openrosa/formList"))
    assert value.startswith("Digest ")
    assert re.findall(r"algorithm=([\w-]+)", value) == ["SHA-256", "MD5"]
    assert len(set(re.findall(r'nonce="([^"]+)"', value))) == 1
    assert value.count('realm="Waypoint"') == 2
    assert value.count('qop="auth"') == 2
    assert value.count(f'opaque="{OPAQUE}"') == 2
    assert "stale" not in value
    assert challenge(rf.get("/"), stale=True).count("stale=true") == 2
    assert "\n" not in value


def test_each_challenge_has_a_new_nonce(rf):
    assert fresh_nonce(rf) != fresh_nonce(rf)


def test_a_wrong_password_is_refused_and_counted_as_a_failed_sign_in(rf, personas):
    header = authorization(nonce=fresh_nonce(rf), password="not-the-password")
    request = phone_request(rf, header)
    assert digest_user(request) is None
    assert digest_check(request).refusal == Refusal.WRONG_CREDENTIALS
    assert not digest_nonce_stale(request)
    assert failures_recorded() == 1


def test_an_unknown_account_is_refused_and_counted_like_a_known_one(rf, personas):
    header = authorization(nonce=fresh_nonce(rf), email="nobody@waypoint.test")
    assert digest_user(phone_request(rf, header)) is None
    assert failures_recorded("nobody@waypoint.test") == 1


def test_an_inactive_account_is_refused(rf, personas):
    enumerator = personas["enumerator"]
    enumerator.is_active = False
    enumerator.save(update_fields=["is_active"])
    assert digest_user(phone_request(rf, authorization(nonce=fresh_nonce(rf)))) is None


def test_the_email_is_matched_whatever_its_case_but_the_answer_must_be_for_it(rf, personas):
    nonce = fresh_nonce(rf)
    typed = "Enumerator@Waypoint.TEST"
    # The phone hashes what was typed; the secret was derived from the lower-cased email.
    assert digest_user(phone_request(rf, authorization(nonce=nonce, email=typed))) is None
    assert failures_recorded() == 1


def test_a_replayed_nonce_count_is_refused_and_reported_stale(rf, personas):
    nonce = fresh_nonce(rf)
    first = authorization(nonce=nonce, nc=1)
    assert digest_user(phone_request(rf, first)) == personas["enumerator"]
    replay = phone_request(rf, first)
    assert digest_user(replay) is None
    assert digest_check(replay).refusal == Refusal.REPLAYED
    assert digest_nonce_stale(replay)
    assert digest_user(phone_request(rf, authorization(nonce=nonce, nc=3))) is not None
    # A count below the highest seen is a replay too, even if never used itself.
    assert digest_user(phone_request(rf, authorization(nonce=nonce, nc=2))) is None
    assert failures_recorded() == 0


def test_checking_one_request_twice_is_not_a_replay(rf, personas):
    request = phone_request(rf, authorization(nonce=fresh_nonce(rf)))
    assert digest_user(request) == personas["enumerator"]
    assert digest_user(request) == personas["enumerator"]


def test_an_expired_nonce_is_refused_and_reported_stale(rf, personas, monkeypatch):
    real_time = time.time
    with monkeypatch.context() as patched:
        patched.setattr(time, "time", lambda: real_time() - NONCE_SECONDS - 5)
        old_nonce = fresh_nonce(rf)
    request = phone_request(rf, authorization(nonce=old_nonce))
    assert digest_user(request) is None
    assert digest_check(request).refusal == Refusal.STALE_NONCE
    assert digest_nonce_stale(request)
    assert failures_recorded() == 0
    # A wrong password stays a failure, not a stale nonce.
    wrong = phone_request(rf, authorization(nonce=old_nonce, password="not-the-password"))
    assert digest_user(wrong) is None
    assert not digest_nonce_stale(wrong)
    assert failures_recorded() == 1


def test_a_nonce_still_young_is_accepted(rf, personas, monkeypatch):
    real_time = time.time
    with monkeypatch.context() as patched:
        patched.setattr(time, "time", lambda: real_time() - NONCE_SECONDS + 30)
        nonce = fresh_nonce(rf)
    assert digest_user(phone_request(rf, authorization(nonce=nonce))) is not None


def test_a_nonce_we_did_not_make_is_refused(rf, personas, settings):
    made_elsewhere = "A" * 54
    tampered = fresh_nonce(rf)
    tampered = tampered[:10] + ("B" if tampered[10] != "B" else "C") + tampered[11:]
    settings.SECRET_KEY = "another-server-entirely"
    other_server = fresh_nonce(rf)
    settings.SECRET_KEY = "insecure-test-key"
    for nonce in (made_elsewhere, tampered, other_server, "abc", ""):
        request = phone_request(rf, authorization(nonce=nonce))
        assert digest_user(request) is None
        assert not digest_nonce_stale(request)


def test_a_nonce_made_before_the_secret_key_was_rotated_still_works(rf, personas, settings):
    settings.SECRET_KEY = "the-old-key"
    nonce = fresh_nonce(rf)
    settings.SECRET_KEY = "the-new-key"
    settings.SECRET_KEY_FALLBACKS = ["the-old-key"]
    assert digest_user(phone_request(rf, authorization(nonce=nonce))) is not None


def test_an_answer_for_another_uri_is_refused(rf, personas):
    header = authorization(nonce=fresh_nonce(rf), uri="/openrosa/formList")
    assert digest_user(phone_request(rf, header, path=FORM_LIST)) is None
    header = authorization(nonce=fresh_nonce(rf), uri="/openrosa/submission")
    request = phone_request(rf, header, path=FORM_LIST)
    assert digest_user(request) is None
    assert digest_check(request).refusal == Refusal.WRONG_URI


def test_an_answer_for_another_method_is_refused(rf, personas):
    header = authorization(nonce=fresh_nonce(rf), method="GET", uri="/openrosa/submission")
    request = phone_request(rf, header, path="/openrosa/submission", method="post")
    assert digest_user(request) is None


def test_no_digest_header_is_no_credentials_and_no_failure(rf, personas):
    for request in (
        rf.get(FORM_LIST),
        rf.get(FORM_LIST, HTTP_AUTHORIZATION="Basic ZW51bWVyYXRvcjpwYXNz"),
        rf.get(FORM_LIST, HTTP_AUTHORIZATION='Digestusername="enumerator@waypoint.test"'),
    ):
        assert digest_user(request) is None
        assert digest_check(request).refusal == Refusal.NO_CREDENTIALS
    assert AccessAttempt.objects.count() == 0


def _valid_header(rf):
    return authorization(nonce=fresh_nonce(rf))


@pytest.mark.parametrize(
    "mangle",
    [
        lambda h: h.replace("Digest ", "Digest ="),
        lambda h: h.replace('realm="Waypoint"', 'realm="Elsewhere"'),
        lambda h: h.replace("qop=auth", "qop=auth-int"),
        lambda h: h.replace(", qop=auth", ""),
        lambda h: h.replace("nc=00000001", "nc=1"),
        lambda h: h.replace("nc=00000001", "nc=00000000"),
        lambda h: h.replace("nc=00000001", "nc=0000000g"),
        lambda h: h.replace('cnonce="0a4f113b6c7d"', 'cnonce=""'),
        lambda h: h.replace("algorithm=SHA-256", "algorithm=SHA-512-256"),
        lambda h: h.replace(f'opaque="{OPAQUE}"', 'opaque="someone-else"'),
        lambda h: h + ", userhash=true",
        lambda h: h + ", username*=UTF-8''enumerator%40waypoint.test",
        lambda h: h + ', realm="Waypoint"',  # a repeated parameter
        lambda h: h + ', padding="' + "x" * 5000 + '"',
        lambda h: h.replace('response="', 'response="0'),
        lambda h: h.replace('response="', 'response="zz'),
        lambda h: h.replace('", ', '" ', 1),
        lambda h: h.replace('uri="', "uri=", 1),
        lambda h: h[:-1],  # an unterminated quoted string
        lambda h: h.replace('username="enumerator@waypoint.test", ', ""),
    ],
)
def test_a_malformed_header_is_refused_without_an_error(rf, personas, mangle):
    original = _valid_header(rf)
    header = mangle(original)
    assert header != original
    request = phone_request(rf, header)
    assert digest_user(request) is None
    assert digest_check(request).refusal == Refusal.MALFORMED


def test_spacing_case_order_and_escapes_are_understood(rf, personas):
    nonce = fresh_nonce(rf)
    header = authorization(nonce=nonce)
    parts = header.removeprefix("Digest ").split(", ")
    escaped_cnonce = 'cnonce="0a4f\\113b6c7d"'  # a quoted-pair stands for its character
    parts = [escaped_cnonce if part.startswith("cnonce=") else part for part in parts]
    reordered = "dIgEsT   " + " ,\t".join(reversed(parts)).replace("qop=auth", 'QOP="auth"')
    assert digest_user(phone_request(rf, reordered)) == personas["enumerator"]


def test_parsing_unescapes_quoted_strings():
    parsed = parse_credentials(r'Digest username="a\"b\\c", realm=Waypoint, nc=00000001')
    assert parsed == {"username": 'a"b\\c', "realm": "Waypoint", "nc": "00000001"}
    assert parse_credentials("Digest ") is None
    assert parse_credentials('Digest a="1",, b=2') == {"a": "1", "b": "2"}
    assert parse_credentials('Digest a="1" b=2') is None


@FUZZ
@given(text=st.one_of(TEXT, st.text(alphabet=st.characters(codec="latin-1"), max_size=400)))
def test_any_text_after_digest_never_raises(rf, personas, text):
    request = rf.get(FORM_LIST, HTTP_AUTHORIZATION="Digest " + text)
    assert digest_user(request) is None


PARAMETER_NAMES = st.sampled_from(
    ["username", "realm", "nonce", "uri", "response", "qop", "nc", "cnonce", "algorithm", "x"]
)


@FUZZ
@given(
    parameters=st.dictionaries(PARAMETER_NAMES, TEXT, max_size=10),
    quote=st.booleans(),
)
def test_any_parameters_never_raise(rf, personas, parameters, quote):
    def rendered(value):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"' if quote else value

    header = "Digest " + ", ".join(f"{name}={rendered(v)}" for name, v in parameters.items())
    assert digest_user(rf.get(FORM_LIST, HTTP_AUTHORIZATION=header)) is None


def test_after_five_failures_even_the_right_answer_is_refused(rf, personas, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        wrong = authorization(nonce=fresh_nonce(rf), password="guess-again")
        assert digest_user(phone_request(rf, wrong)) is None
    request = phone_request(rf, authorization(nonce=fresh_nonce(rf)))
    assert digest_user(request) is None
    assert digest_check(request).refusal == Refusal.LOCKED_OUT
    # Someone else's account is not locked by it.
    other = authorization(nonce=fresh_nonce(rf), email="analyst@waypoint.test")
    assert digest_user(phone_request(rf, other)) == personas["analyst"]


def test_failures_on_the_sign_in_page_lock_digest_too(client, rf, personas):
    for _attempt in range(5):
        client.post(reverse("accounts:login"), {"username": EMAIL, "password": "wrong"})
    assert digest_user(phone_request(rf, authorization(nonce=fresh_nonce(rf)))) is None


def test_a_new_password_replaces_the_secret(rf, personas):
    enumerator = personas["enumerator"]
    user_set_password(actor=None, user=enumerator, password="a-brand-new-passphrase")
    old = authorization(nonce=fresh_nonce(rf))
    assert digest_user(phone_request(rf, old)) is None
    new = authorization(nonce=fresh_nonce(rf), password="a-brand-new-passphrase")
    assert digest_user(phone_request(rf, new)) == enumerator


def test_a_password_in_any_script_is_hashed_as_utf8(rf, personas):
    user_set_password(actor=None, user=personas["enumerator"], password="šifra-čćžđ-пасворд")
    header = authorization(nonce=fresh_nonce(rf), password="šifra-čćžđ-пасворд")
    assert digest_user(phone_request(rf, header)) == personas["enumerator"]


def test_a_new_email_removes_the_secret_until_the_next_password(rf, personas):
    enumerator = personas["enumerator"]
    enumerator.email = "edin@waypoint.test"
    enumerator.save()
    assert not DigestSecret.objects.filter(user=enumerator).exists()
    header = authorization(nonce=fresh_nonce(rf), email="edin@waypoint.test")
    assert digest_user(phone_request(rf, header)) is None
    user_set_password(actor=None, user=enumerator, password=PASSWORD)
    header = authorization(nonce=fresh_nonce(rf), email="edin@waypoint.test")
    assert digest_user(phone_request(rf, header)) == enumerator


def test_an_email_changed_behind_the_models_back_disables_the_secret(rf, personas):
    enumerator = personas["enumerator"]
    type(enumerator).objects.filter(pk=enumerator.pk).update(email="edin@waypoint.test")
    header = authorization(nonce=fresh_nonce(rf), email="edin@waypoint.test")
    assert digest_user(phone_request(rf, header)) is None


def test_saving_other_fields_keeps_the_secret(rf, personas):
    enumerator = personas["enumerator"]
    enumerator.full_name = "Edin E."
    enumerator.save()
    enumerator.save(update_fields=["last_login"])
    assert digest_user(phone_request(rf, authorization(nonce=fresh_nonce(rf)))) == enumerator


def test_an_unusable_password_removes_the_secret(rf, personas):
    enumerator = personas["enumerator"]
    enumerator.set_unusable_password()
    enumerator.save()
    assert not DigestSecret.objects.filter(user=enumerator).exists()
    assert digest_user(phone_request(rf, authorization(nonce=fresh_nonce(rf)))) is None


def test_an_unusable_password_set_last_wins_over_a_password_set_first(personas):
    enumerator = personas["enumerator"]
    enumerator.set_password("a-brand-new-passphrase")
    enumerator.set_unusable_password()
    enumerator.save()
    assert not DigestSecret.objects.filter(user=enumerator).exists()


def test_with_digest_turned_off_no_secret_is_kept_and_nothing_is_accepted(rf, personas, settings):
    enumerator = personas["enumerator"]
    header = authorization(nonce=fresh_nonce(rf))
    settings.WAYPOINT_OPENROSA_DIGEST = False
    request = phone_request(rf, header)
    assert digest_user(request) is None
    assert digest_check(request).refusal == Refusal.DISABLED
    user_set_password(actor=None, user=enumerator, password="a-brand-new-passphrase")
    assert not DigestSecret.objects.filter(user=enumerator).exists()


def test_the_secrets_are_derived_from_the_lower_cased_email_and_the_password(personas):
    secret = DigestSecret.objects.get(user=personas["enumerator"])
    text = f"{EMAIL}:Waypoint:{PASSWORD}".encode()
    assert secret.username == EMAIL
    assert secret.ha1_md5 == hashlib.md5(text).hexdigest()  # noqa: S324 (what Digest uses)
    assert secret.ha1_sha256 == hashlib.sha256(text).hexdigest()


def test_the_database_never_holds_the_password_or_the_secrets_in_clear(personas):
    text = f"{EMAIL}:Waypoint:{PASSWORD}".encode()
    clear = [PASSWORD, hashlib.md5(text).hexdigest(), hashlib.sha256(text).hexdigest()]  # noqa: S324
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT ha1_md5, ha1_sha256 FROM accounts_digestsecret WHERE user_id = %s",
            [personas["enumerator"].pk],
        )
        stored = cursor.fetchone()
        assert all(value.startswith("gAAAAA") for value in stored)
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            dump = repr(cursor.fetchall())
            assert not any(value in dump for value in clear), table


def test_the_module_offers_one_realm_for_both_algorithms():
    assert digest.REALM == DigestSecret.REALM == "Waypoint"
    assert set(digest.ALGORITHMS) == {"sha-256", "sha-256-sess", "md5", "md5-sess"}
