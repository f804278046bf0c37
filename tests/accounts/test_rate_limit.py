"""Sign-in and reset requests are rate-limited per account and per address, with a clear message."""

from __future__ import annotations

import pytest

from tests.conftest import TEST_PASSWORD, create_user
from tests.helpers import page_text

from .helpers import outbox, send_form

LIMITED_DE = "Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie 15 Minuten"


@pytest.fixture()
def app_config():
    return {"LOGIN_LIMIT": "2 per 15 minutes", "RESET_LIMIT": "2 per hour"}


def _login_from(client, address, email, password="wrong password"):
    return send_form(
        client,
        "/anmelden",
        {"email": email, "password": password},
        environ_base={"REMOTE_ADDR": address},
    )


def test_failures_count_per_account_and_address(client, db_session):
    """Issue 12.2: failures from one address never lock the owner out from another."""
    create_user(db_session, email="maria@example.org")
    assert _login_from(client, "10.0.0.1", "maria@example.org").status_code == 200
    assert _login_from(client, "10.0.0.1", "maria@example.org").status_code == 200
    response = _login_from(client, "10.0.0.1", "maria@example.org", TEST_PASSWORD)
    assert response.status_code == 429
    assert LIMITED_DE in page_text(response)
    assert 'value="maria@example.org"' in response.get_data(as_text=True)
    assert client.get("/mein-bereich").status_code == 302
    # The owner, from another address, signs in.
    assert _login_from(client, "10.0.0.3", "maria@example.org", TEST_PASSWORD).status_code == 302


def test_too_many_failures_from_one_address_for_several_accounts(client):
    assert _login_from(client, "10.0.0.9", "a@example.org").status_code == 200
    assert _login_from(client, "10.0.0.9", "b@example.org").status_code == 200
    response = _login_from(client, "10.0.0.9", "c@example.org")
    assert response.status_code == 429
    assert LIMITED_DE in page_text(response)


def test_limit_message_in_english(client):
    client.get("/sprache/en")
    for _ in range(2):
        _login_from(client, "10.0.0.7", "a@example.org")
    response = _login_from(client, "10.0.0.7", "a@example.org")
    assert response.status_code == 429
    assert "Too many failed sign-in attempts. Please wait 15 minutes" in page_text(response)


def test_successful_sign_ins_do_not_count(client, db_session):
    create_user(db_session, email="maria@example.org")
    for _ in range(3):
        assert (
            _login_from(client, "10.0.0.5", "maria@example.org", TEST_PASSWORD).status_code == 302
        )
        send_form(
            client,
            "/abmelden",
            {},
            page_url="/mein-bereich",
            environ_base={"REMOTE_ADDR": "10.0.0.5"},
        )


def test_reset_requests_are_limited_per_address_asked_for(client, db_session):
    create_user(db_session, email="maria@example.org")
    for address in ("10.0.1.1", "10.0.1.2"):
        response = send_form(
            client,
            "/passwort-vergessen",
            {"email": "maria@example.org"},
            environ_base={"REMOTE_ADDR": address},
        )
        assert response.status_code == 200
    response = send_form(
        client,
        "/passwort-vergessen",
        {"email": "maria@example.org"},
        environ_base={"REMOTE_ADDR": "10.0.1.3"},
    )
    assert response.status_code == 429
    assert "Zu viele Anfragen für ein neues Passwort" in page_text(response)
    assert len(outbox(db_session, "maria@example.org")) == 2


def test_reset_limit_message_in_english(client, db_session):
    client.get("/sprache/en")
    for address in ("10.0.2.1", "10.0.2.2", "10.0.2.3"):
        response = send_form(client, "/passwort-vergessen", {"email": "x@example.org"},
                             environ_base={"REMOTE_ADDR": address})
    assert response.status_code == 429
    text = page_text(response)
    assert "Too many requests for a new password. Please wait an hour" in text
    assert 'value="x@example.org"' in response.get_data(as_text=True)
