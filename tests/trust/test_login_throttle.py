"""Issue 12.2: nobody can lock the officer out with wrong passwords.

Failures count per account and address (and per address). A much higher count per account stops
passwords for that account from everywhere, and then mails the owner a one-time sign-in link.
"""

from __future__ import annotations

import pytest

from tests.accounts.helpers import link_in, outbox, send_form
from tests.conftest import TEST_PASSWORD, create_user
from tests.helpers import page_text


@pytest.fixture()
def app_config():
    return {"LOGIN_LIMIT": "5 per 15 minutes", "ACCOUNT_LOGIN_LIMIT": "8 per hour"}


def _login_from(client, address, email, password="wrong password"):
    return send_form(client, "/anmelden", {"email": email, "password": password},
                     environ_base={"REMOTE_ADDR": address})


def test_five_wrong_passwords_from_one_address_do_not_stop_the_officer(client, db_session):
    create_user(db_session, role="officer", email="officer@example.org")
    for _ in range(5):
        assert _login_from(client, "203.0.113.9", "officer@example.org").status_code == 200
    # The attacker's address now waits ...
    assert _login_from(client, "203.0.113.9", "officer@example.org").status_code == 429
    # ... the officer, from their own address, signs in.
    response = _login_from(client, "10.1.1.1", "officer@example.org", TEST_PASSWORD)
    assert response.status_code == 302
    assert client.get("/mein-bereich").status_code == 200


def test_many_addresses_trip_the_account_limit_and_the_owner_gets_a_link(client, db_session):
    create_user(db_session, role="officer", email="officer@example.org")
    for number in range(8):
        _login_from(client, f"198.51.100.{number}", "officer@example.org")
    # Passwords for this account wait now, from every address, even the right one ...
    response = _login_from(client, "10.1.1.1", "officer@example.org", TEST_PASSWORD)
    assert response.status_code == 429
    assert "Anmelde-Link" in page_text(response)
    assert client.get("/mein-bereich").status_code == 302
    # ... but the owner got one sign-in link by mail (once, not on every attempt).
    _login_from(client, "198.51.100.99", "officer@example.org")
    mails = outbox(db_session, "officer@example.org")
    assert len(mails) == 1
    link = link_in(mails[0])
    page = client.get(link)
    assert page.status_code == 200
    assert page.headers["Cache-Control"] == "no-store"
    # Opening the link changes nothing (mail scanners); the button signs in.
    assert client.get("/mein-bereich").status_code == 302
    response = send_form(client, link, {})
    assert response.status_code == 302
    assert client.get("/mein-bereich").status_code == 200
    # The link works once.
    other = client.application.test_client()
    assert other.get(link).status_code == 410


def test_no_link_for_an_address_without_account(client, db_session):
    for number in range(9):
        _login_from(client, f"198.51.100.{number}", "nobody@example.org")
    assert outbox(db_session) == []


def test_the_account_limit_in_english(client, db_session):
    create_user(db_session, email="maria@example.org")
    client.get("/sprache/en")
    for number in range(8):
        _login_from(client, f"198.51.100.{number}", "maria@example.org")
    response = _login_from(client, "10.1.1.2", "maria@example.org", TEST_PASSWORD)
    assert response.status_code == 429
    assert "sign-in link" in page_text(response)
