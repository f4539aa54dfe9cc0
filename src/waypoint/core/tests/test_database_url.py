import pytest
from django.core.exceptions import ImproperlyConfigured

from waypoint.core.env import database_from_url


def test_a_postgres_url_becomes_a_postgresql_database():
    database = database_from_url("postgres://wp:s%40cret@db.local:5433/waypoint?sslmode=require")
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["NAME"], database["USER"], database["PASSWORD"]) == (
        "waypoint",
        "wp",
        "s@cret",
    )
    assert (database["HOST"], database["PORT"]) == ("db.local", "5433")
    assert database["OPTIONS"] == {"sslmode": "require"}


def test_a_sqlite_url_keeps_wal_and_immediate_transactions():
    database = database_from_url("sqlite:////tmp/x.sqlite3")
    assert database["NAME"] == "/tmp/x.sqlite3"
    assert "journal_mode=WAL" in database["OPTIONS"]["init_command"]
    assert "synchronous=FULL" in database["OPTIONS"]["init_command"]
    assert database["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


@pytest.mark.parametrize(
    "url, words",
    [
        ("mysql://root@localhost/db", "unsupported scheme 'mysql'"),
        ("postgres://user@host:99999/db", "malformed"),
        ("postgres://user@host/", "needs one database name"),
        ("sqlite://", "needs a file path"),
        ("just words", "unsupported scheme"),
    ],
)
def test_a_malformed_url_names_what_is_wrong(url, words):
    with pytest.raises(ImproperlyConfigured, match=words):
        database_from_url(url)


def test_the_password_never_appears_in_an_error():
    with pytest.raises(ImproperlyConfigured) as error:
        database_from_url("postgres://user:hunter2@host:notaport/db")
    assert "hunter2" not in str(error.value)
