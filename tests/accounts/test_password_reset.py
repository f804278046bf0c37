"""Forgotten password: no enumeration, a mail only for a real account, a single-use link."""

from __future__ import annotations

import time

import itsdangerous.timed
import pytest

from partizipation.accounts.models import User
from tests.conftest import TEST_PASSWORD, create_user, login
from tests.helpers import page_text

from .helpers import link_in, outbox, send_form

NEW_PASSWORD = "a brand new long password"


def _request(client, email):
    return send_form(client, "/passwort-vergessen", {"email": email})


def _reset_link(client, db_session, email="maria@example.org"):
    _request(client, email)
    (message,) = outbox(db_session, email)
    return link_in(message)


def _set(client, link, password=NEW_PASSWORD, confirm=None, page_url=None):
    return send_form(
        client,
        link,
        {"new_password": password, "confirm": password if confirm is None else confirm},
        page_url=page_url,
    )


def test_known_and_unknown_email_get_the_same_page_and_only_the_known_one_a_mail(
    client, db_session
):
    create_user(db_session, email="maria@example.org", locale="de")
    before = len(outbox(db_session))
    known = _request(client, "maria@example.org")
    unknown = _request(client, "nobody@example.org")
    assert known.status_code == unknown.status_code == 200
    strip = lambda r, e: page_text(r).replace(e, "EMAIL")  # noqa: E731
    assert strip(known, "maria@example.org") == strip(unknown, "nobody@example.org")
    assert "Bitte sehen Sie in Ihrem E-Mail-Postfach nach" in page_text(known)
    messages = outbox(db_session)
    assert len(messages) == before + 1
    assert messages[-1].to_address == "maria@example.org"
    assert "/passwort-neu/" in messages[-1].body_text
    assert "Passwort" in messages[-1].subject  # German, the account's language


def test_the_mail_is_in_the_account_language(client, db_session):
    create_user(db_session, email="john@example.org", locale="en")
    _request(client, "john@example.org")
    (message,) = outbox(db_session, "john@example.org")
    assert message.subject.startswith("Set a new password")
    assert "The link works once" in message.body_text


def test_a_deactivated_account_gets_no_mail(client, db_session):
    create_user(db_session, email="old@example.org", is_active=False)
    assert _request(client, "old@example.org").status_code == 200
    assert outbox(db_session, "old@example.org") == []


def test_empty_and_invalid_email_say_what_to_do(client):
    assert "Geben Sie die E-Mail-Adresse ein, mit der Sie sich anmelden." in page_text(
        _request(client, "")
    )
    response = _request(client, "maria@")
    assert "richtigen Format" in page_text(response)
    assert 'value="maria@"' in response.get_data(as_text=True)


def test_reset_sets_the_password_signs_in_and_ends_other_sessions(app, client, db_session):
    user = create_user(db_session, email="maria@example.org")
    other = app.test_client()
    login(other, "maria@example.org")
    assert other.get("/mein-bereich").status_code == 200
    link = _reset_link(client, db_session)
    page = client.get(link)
    assert page.status_code == 200
    assert page.headers["Referrer-Policy"] == "no-referrer"
    response = _set(client, link)
    assert response.status_code == 302
    assert "Ihr neues Passwort ist gespeichert" in page_text(client.get("/mein-bereich"))
    assert other.get("/mein-bereich").status_code == 302  # the other session ended
    db_session.expire_all()
    assert db_session.get(User, user.id).session_version == 2
    fresh = app.test_client()
    assert login(fresh, "maria@example.org", NEW_PASSWORD).status_code == 302
    assert login(app.test_client(), "maria@example.org", TEST_PASSWORD).status_code == 200


def test_a_used_link_cannot_be_used_again(app, client, db_session):
    create_user(db_session, email="maria@example.org")
    link = _reset_link(client, db_session)
    assert _set(client, link).status_code == 302
    again = app.test_client().get(link)
    assert again.status_code == 410
    text = page_text(again)
    assert "Dieser Link kann nicht verwendet werden" in text
    assert "bereits verwendet" in text
    other = app.test_client()
    # Posting to it (with a valid form token from another page) does nothing either.
    other_try = _set(other, link, "yet another password!", page_url="/passwort-vergessen")
    assert other_try.status_code == 410


def test_used_link_message_in_english(app, client, db_session):
    create_user(db_session, email="maria@example.org")
    link = _reset_link(client, db_session)
    _set(client, link)
    english = app.test_client()
    english.get("/sprache/en")
    text = page_text(english.get(link))
    assert "This link cannot be used" in text and "already used" in text


def test_an_expired_link_says_so_and_offers_a_new_one(client, db_session, monkeypatch):
    create_user(db_session, email="maria@example.org")
    three_hours_ago = int(time.time()) - 3 * 3600
    monkeypatch.setattr(
        itsdangerous.timed.TimestampSigner, "get_timestamp", lambda self: three_hours_ago
    )
    link = _reset_link(client, db_session)
    monkeypatch.undo()
    response = client.get(link)
    assert response.status_code == 410
    assert "Dieser Link ist abgelaufen" in page_text(response)
    assert 'href="/passwort-vergessen"' in response.get_data(as_text=True)
    assert _set(client, link, page_url="/passwort-vergessen").status_code == 410


@pytest.fixture()
def expired_english(monkeypatch):
    monkeypatch.setattr(
        itsdangerous.timed.TimestampSigner,
        "get_timestamp",
        lambda self: int(time.time()) - 3 * 3600,
    )


def test_expired_link_message_in_english(client, db_session, expired_english, monkeypatch):
    create_user(db_session, email="maria@example.org")
    link = _reset_link(client, db_session)
    monkeypatch.undo()
    client.get("/sprache/en")
    assert "This link has expired" in page_text(client.get(link))


def test_a_garbled_link_is_refused_kindly(client):
    response = client.get("/passwort-neu/not-a-token")
    assert response.status_code == 410
    assert "Dieser Link kann nicht verwendet werden" in page_text(response)


def test_a_newer_reset_makes_an_older_link_unusable_once_used(client, app, db_session):
    create_user(db_session, email="maria@example.org")
    _request(client, "maria@example.org")
    _request(client, "maria@example.org")
    first, second = (link_in(m) for m in outbox(db_session, "maria@example.org"))
    assert _set(client, second).status_code == 302
    assert app.test_client().get(first).status_code == 410


@pytest.mark.parametrize(
    ("password", "confirm", "message"),
    [
        ("", "", "Geben Sie ein neues Passwort ein."),
        ("short", "short", "mindestens 10 Zeichen"),
        ("long enough password", "long enough passw0rd", "nicht gleich"),
        ("p" * 201, "p" * 201, "höchstens 200 Zeichen"),
    ],
)
def test_bad_new_passwords_say_what_to_do(client, db_session, password, confirm, message):
    user = create_user(db_session, email="maria@example.org")
    link = _reset_link(client, db_session)
    response = _set(client, link, password, confirm)
    assert response.status_code == 200
    assert message in page_text(response)
    assert password not in response.get_data(as_text=True) or not password
    db_session.expire_all()
    assert db_session.get(User, user.id).session_version == 1  # nothing saved
    # The link still works after a mistake.
    assert _set(client, link).status_code == 302


def test_password_fields_allow_paste_and_say_they_are_new(client, db_session):
    create_user(db_session, email="maria@example.org")
    html = client.get(_reset_link(client, db_session)).get_data(as_text=True)
    assert 'autocomplete="new-password"' in html
    assert "onpaste" not in html
