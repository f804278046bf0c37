"""Signing in and out: the same message for every wrong answer, safe `next=`, CSRF, bad input."""

from __future__ import annotations

import pytest

from tests.conftest import TEST_PASSWORD, create_user, login
from tests.helpers import page_text

from .helpers import send_form

WRONG_DE = "Die E-Mail-Adresse oder das Passwort ist falsch."


def test_login_succeeds_and_shows_my_area(client, db_session):
    user = create_user(db_session, email="maria@example.org", display_name="Maria Schmidt")
    response = login(client, "maria@example.org")
    assert response.status_code == 302
    assert response.headers["Location"] == "/mein-bereich"
    text = page_text(client.get("/mein-bereich"))
    assert "Sie sind angemeldet." in text
    assert "Maria Schmidt" in text
    db_session.expire_all()
    assert user.last_login_at is not None


def test_email_is_matched_without_case_and_spaces(client, db_session):
    create_user(db_session, email="maria@example.org")
    assert login(client, "  Maria@Example.ORG ").status_code == 302


def test_wrong_password_and_unknown_email_give_the_same_message(client, db_session):
    create_user(db_session, email="maria@example.org")
    wrong = login(client, "maria@example.org", "not the password")
    unknown = login(client, "nobody@example.org", "not the password")
    assert wrong.status_code == unknown.status_code == 200
    assert WRONG_DE in page_text(wrong)
    assert WRONG_DE in page_text(unknown)
    # The address typed stays in the field; the password never comes back.
    html = wrong.get_data(as_text=True)
    assert 'value="maria@example.org"' in html
    assert "not the password" not in html
    assert "<title>Fehler:" in html


def test_wrong_password_in_english(client, db_session):
    create_user(db_session, email="maria@example.org")
    client.get("/sprache/en")
    response = login(client, "maria@example.org", "not the password")
    assert "The email address or the password is wrong." in page_text(response)


def test_an_invited_person_without_password_cannot_sign_in(client, db_session):
    create_user(db_session, email="new@example.org", password_hash=None)
    assert "Geben Sie Ihr Passwort ein." in page_text(login(client, "new@example.org", ""))
    assert WRONG_DE in page_text(login(client, "new@example.org", "anything at all"))


def test_deactivated_account_gets_its_own_message(client, db_session):
    create_user(db_session, email="old@example.org", is_active=False)
    response = login(client, "old@example.org")
    assert response.status_code == 200
    assert "Dieses Konto wurde deaktiviert." in page_text(response)
    assert client.get("/mein-bereich").status_code == 302  # still signed out


def test_deactivated_message_in_english(client, db_session):
    create_user(db_session, email="old@example.org", is_active=False)
    client.get("/sprache/en")
    assert "This account has been deactivated." in page_text(login(client, "old@example.org"))


def test_a_wrong_password_for_a_deactivated_account_says_only_wrong(client, db_session):
    create_user(db_session, email="old@example.org", is_active=False)
    text = page_text(login(client, "old@example.org", "guess guess guess"))
    assert WRONG_DE in text and "deaktiviert" not in text


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/", "//evil.example/path", "/\\evil.example", "javascript:alert(1)"],
)
def test_next_to_another_site_is_ignored(client, db_session, target):
    create_user(db_session, email="maria@example.org")
    response = send_form(
        client,
        "/anmelden?next=" + target,
        {"email": "maria@example.org", "password": TEST_PASSWORD},
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/mein-bereich"


def test_a_local_next_is_followed(client, db_session):
    create_user(db_session, email="maria@example.org")
    response = send_form(
        client,
        "/anmelden?next=/mein-bereich/profil",
        {"email": "maria@example.org", "password": TEST_PASSWORD},
    )
    assert response.headers["Location"] == "/mein-bereich/profil"


def test_a_page_that_needs_sign_in_sends_to_login_and_back(client, db_session):
    create_user(db_session, email="maria@example.org")
    response = client.get("/mein-bereich/profil")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/anmelden?next=")
    back = send_form(
        client,
        response.headers["Location"],
        {"email": "maria@example.org", "password": TEST_PASSWORD},
    )
    assert back.headers["Location"] == "/mein-bereich/profil"


@pytest.mark.parametrize("token", [None, "not-a-real-token"])
def test_missing_or_wrong_csrf_token_keeps_the_input_but_not_the_password(
    client, db_session, token
):
    create_user(db_session, email="maria@example.org")
    client.get("/anmelden")
    data = {"email": "maria@example.org", "password": TEST_PASSWORD}
    if token:
        data["csrf_token"] = token
    response = client.post("/anmelden", data=data)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Bitte senden Sie das Formular noch einmal" in page_text(response)
    # Not this session's expired token: the input is shown to copy, never re-posted (12.6).
    assert "maria@example.org" in page_text(response)
    assert 'name="email"' not in html
    assert TEST_PASSWORD not in html
    assert client.get("/mein-bereich").status_code == 302  # not signed in


def test_csrf_page_in_english(client, db_session):
    client.get("/sprache/en")
    response = client.post("/anmelden", data={"email": "maria@example.org", "password": "x"})
    assert response.status_code == 400
    assert "Please send the form again" in page_text(response)


def test_empty_form_says_what_to_enter(client):
    response = send_form(client, "/anmelden", {"email": "", "password": ""})
    text = page_text(response)
    assert "Geben Sie Ihre E-Mail-Adresse ein." in text
    assert "Geben Sie Ihr Passwort ein." in text
    html = response.get_data(as_text=True)
    assert 'href="#email"' in html and 'aria-invalid="true"' in html


def test_invalid_email_says_what_format_is_expected(client):
    response = send_form(client, "/anmelden", {"email": "maria(at)example", "password": "x"})
    assert "im richtigen Format ein, zum Beispiel name@beispiel.de" in page_text(response)
    assert 'value="maria(at)example"' in response.get_data(as_text=True)


def test_overlong_fields_are_refused_with_the_limit_named(client):
    long_email = "a" * 250 + "@example.org"
    response = send_form(client, "/anmelden", {"email": long_email, "password": "p" * 201})
    assert response.status_code == 200
    text = page_text(response)
    assert "höchstens 254 Zeichen" in text
    assert "höchstens 200 Zeichen" in text


def test_overlong_fields_in_english(client):
    client.get("/sprache/en")
    response = send_form(client, "/anmelden", {"email": "x@example.org", "password": "p" * 201})
    assert "The password can have at most 200 characters." in page_text(response)


def test_logout_ends_the_session(client, db_session):
    create_user(db_session, email="maria@example.org")
    login(client, "maria@example.org")
    response = send_form(client, "/abmelden", {}, page_url="/mein-bereich")
    assert response.status_code == 302
    assert "Sie sind abgemeldet." in page_text(client.get("/"))
    assert client.get("/mein-bereich").status_code == 302


def test_signed_in_person_opening_login_goes_to_my_area(client, db_session):
    create_user(db_session, email="maria@example.org")
    login(client, "maria@example.org")
    assert client.get("/anmelden").headers["Location"] == "/mein-bereich"


def test_login_page_links_to_forgotten_password(client):
    html = client.get("/anmelden").get_data(as_text=True)
    assert 'href="/passwort-vergessen"' in html


def test_accounts_at_reserved_demo_domains_can_sign_in(client, db_session):
    # The demo data uses addresses at demo.invalid, which can never receive mail.
    create_user(db_session, email="mitglied@demo.invalid")
    assert login(client, "mitglied@demo.invalid").status_code == 302


def test_invalid_email_in_english(client):
    client.get("/sprache/en")
    response = send_form(client, "/anmelden", {"email": "maria.example.org", "password": "x"})
    assert "Enter an email address in the right format, like name@example.org." in page_text(
        response
    )
