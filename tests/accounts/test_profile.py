"""The profile: name and language, password (ends other sessions), email (confirmed by link)."""

from __future__ import annotations

from partizipation.accounts.models import User
from tests.conftest import TEST_PASSWORD, create_user, login
from tests.helpers import page_text

from .helpers import link_in, outbox, send_form

NEW_PASSWORD = "another long password"


def _signed_in(client, db_session, **fields):
    fields.setdefault("email", "maria@example.org")
    user = create_user(db_session, **fields)
    login(client, user.email)
    return user


def test_my_area_links_to_the_profile(client, db_session):
    _signed_in(client, db_session)
    html = client.get("/mein-bereich").get_data(as_text=True)
    assert 'href="/mein-bereich/profil"' in html
    assert 'href="/verwaltung/benutzer"' not in html  # members do not manage users


def test_profile_needs_sign_in(client):
    assert client.get("/mein-bereich/profil").status_code == 302
    assert client.get("/mein-bereich/profil/passwort").status_code == 302
    assert client.get("/mein-bereich/profil/email").status_code == 302


def test_profile_shows_the_account(client, db_session):
    _signed_in(client, db_session, display_name="Maria Schmidt", role="editor")
    text = page_text(client.get("/mein-bereich/profil"))
    assert "maria@example.org" in text and "Redaktion (Pressestelle)" in text
    assert text.count("Mein Profil") >= 1


def test_change_name_and_language_takes_effect_at_once(client, db_session):
    user = _signed_in(client, db_session)
    response = send_form(
        client, "/mein-bereich/profil", {"display_name": "Maria S.", "locale": "en"}
    )
    assert response.status_code == 302
    page = client.get("/mein-bereich/profil")
    assert 'lang="en"' in page.get_data(as_text=True)
    assert "Your profile is saved." in page_text(page)
    db_session.expire_all()
    saved = db_session.get(User, user.id)
    assert (saved.display_name, saved.locale) == ("Maria S.", "en")


def test_profile_errors_keep_the_input(client, db_session):
    user = _signed_in(client, db_session, display_name="Maria")
    response = send_form(client, "/mein-bereich/profil", {"display_name": "", "locale": "fr"})
    assert response.status_code == 200
    text = page_text(response)
    assert "Geben Sie den Namen ein, der angezeigt wird" in text
    assert "Wählen Sie Deutsch oder Englisch." in text
    response = send_form(
        client, "/mein-bereich/profil", {"display_name": "M" * 121, "locale": "de"}
    )
    assert "höchstens 120 Zeichen" in page_text(response)
    assert 'value="' + "M" * 121 + '"' in response.get_data(as_text=True)
    db_session.expire_all()
    assert db_session.get(User, user.id).display_name == "Maria"


def test_profile_error_in_english(client, db_session):
    _signed_in(client, db_session, locale="en")
    response = send_form(client, "/mein-bereich/profil", {"display_name": "", "locale": "en"})
    assert "Enter the name to show, for example Maria Schmidt." in page_text(response)


def test_password_change_ends_the_other_session_and_keeps_this_one(app, client, db_session):
    user = _signed_in(client, db_session)
    other = app.test_client()
    login(other, "maria@example.org")
    assert other.get("/mein-bereich").status_code == 200
    response = send_form(
        client,
        "/mein-bereich/profil/passwort",
        {"current_password": TEST_PASSWORD, "new_password": NEW_PASSWORD, "confirm": NEW_PASSWORD},
    )
    assert response.status_code == 302
    page = client.get("/mein-bereich/profil")
    assert page.status_code == 200  # this session goes on
    assert "Überall sonst wurden Sie abgemeldet" in page_text(page)
    assert other.get("/mein-bereich").status_code == 302  # the other one has ended
    db_session.expire_all()
    assert db_session.get(User, user.id).session_version == 2
    assert login(app.test_client(), "maria@example.org", NEW_PASSWORD).status_code == 302


def test_password_change_needs_the_current_password(client, db_session):
    user = _signed_in(client, db_session)
    response = send_form(
        client,
        "/mein-bereich/profil/passwort",
        {
            "current_password": "not my password",
            "new_password": NEW_PASSWORD,
            "confirm": NEW_PASSWORD,
        },
    )
    assert response.status_code == 200
    assert "Das aktuelle Passwort ist falsch." in page_text(response)
    assert 'href="#current_password"' in response.get_data(as_text=True)
    db_session.expire_all()
    assert db_session.get(User, user.id).session_version == 1


def test_password_change_errors_in_english(client, db_session):
    _signed_in(client, db_session, locale="en")
    response = send_form(
        client,
        "/mein-bereich/profil/passwort",
        {"current_password": "", "new_password": "short", "confirm": "short"},
    )
    text = page_text(response)
    assert "Enter your current password." in text
    assert "The password needs at least 10 characters. Enter a longer one." in text


def test_email_change_is_confirmed_from_the_new_address(app, client, db_session):
    user = _signed_in(client, db_session)
    response = send_form(
        client,
        "/mein-bereich/profil/email",
        {"email": "maria.neu@example.org", "current_password": TEST_PASSWORD},
    )
    assert response.status_code == 302
    assert "Wir haben einen Link an maria.neu@example.org geschickt" in page_text(
        client.get("/mein-bereich/profil")
    )
    db_session.expire_all()
    assert db_session.get(User, user.id).email == "maria@example.org"  # not yet
    (confirm,) = outbox(db_session, "maria.neu@example.org")
    link = link_in(confirm)
    # Opening the link shows a button; a mail scanner following it changes nothing.
    page = client.get(link)
    assert "maria.neu@example.org" in page_text(page)
    db_session.expire_all()
    assert db_session.get(User, user.id).email == "maria@example.org"
    assert send_form(client, link, {}).status_code == 302
    db_session.expire_all()
    assert db_session.get(User, user.id).email == "maria.neu@example.org"
    (notice,) = outbox(db_session, "maria@example.org")
    assert "maria.neu@example.org" in notice.body_text
    assert "inklusion@example.org" in notice.body_text
    # Sign in with the new address; the link is used up.
    assert login(app.test_client(), "maria.neu@example.org").status_code == 302
    assert app.test_client().get(link).status_code == 410


def test_email_change_errors(client, db_session):
    create_user(db_session, email="taken@example.org")
    _signed_in(client, db_session)
    cases = [
        (
            {"email": "", "current_password": TEST_PASSWORD},
            "Geben Sie Ihre neue E-Mail-Adresse ein.",
        ),
        ({"email": "nope", "current_password": TEST_PASSWORD}, "richtigen Format"),
        (
            {"email": "taken@example.org", "current_password": TEST_PASSWORD},
            "Ein anderes Konto nutzt diese E-Mail-Adresse.",
        ),
        (
            {"email": "maria@example.org", "current_password": TEST_PASSWORD},
            "Das ist schon Ihre E-Mail-Adresse.",
        ),
        (
            {"email": "neu@example.org", "current_password": "wrong"},
            "Das aktuelle Passwort ist falsch.",
        ),
    ]
    for data, message in cases:
        response = send_form(client, "/mein-bereich/profil/email", data)
        assert response.status_code == 200, data
        assert message in page_text(response), data
        if data["email"]:
            assert f'value="{data["email"]}"' in response.get_data(as_text=True)
    assert len(outbox(db_session)) == 0


def test_email_taken_in_the_meantime_is_refused_at_confirmation(app, client, db_session):
    user = _signed_in(client, db_session)
    send_form(
        client,
        "/mein-bereich/profil/email",
        {"email": "maria.neu@example.org", "current_password": TEST_PASSWORD},
    )
    link = link_in(outbox(db_session, "maria.neu@example.org")[0])
    create_user(db_session, email="maria.neu@example.org")
    response = send_form(client, link, {})
    assert response.status_code == 200
    assert "Inzwischen nutzt ein anderes Konto diese E-Mail-Adresse" in page_text(response)
    db_session.expire_all()
    assert db_session.get(User, user.id).email == "maria@example.org"


def test_email_change_message_in_english(client, db_session):
    _signed_in(client, db_session, locale="en")
    response = send_form(
        client,
        "/mein-bereich/profil/email",
        {"email": "maria@example.org", "current_password": TEST_PASSWORD},
    )
    assert "This is already your email address. Enter a new one." in page_text(response)


def test_confirming_while_signed_out_leads_to_sign_in(app, client, db_session):
    _signed_in(client, db_session)
    send_form(client, "/mein-bereich/profil/email",
              {"email": "maria.neu@example.org", "current_password": TEST_PASSWORD})
    link = link_in(outbox(db_session, "maria.neu@example.org")[0])
    phone = app.test_client()
    response = send_form(phone, link, {})
    assert response.headers["Location"] == "/anmelden"
    assert "Ihre neue E-Mail-Adresse ist bestätigt" in page_text(phone.get("/anmelden"))


def test_an_expired_email_link_says_how_to_get_a_new_one(app, client, db_session):
    _signed_in(client, db_session, locale="en")
    send_form(client, "/mein-bereich/profil/email",
              {"email": "maria.neu@example.org", "current_password": TEST_PASSWORD})
    app.config["RESET_TOKEN_MAX_AGE"] = -1  # every link is older than that
    response = client.get(link_in(outbox(db_session, "maria.neu@example.org")[0]))
    assert response.status_code == 410
    text = page_text(response)
    assert "This link has expired" in text
    assert "Change your email address again in your profile to get a new link." in text
