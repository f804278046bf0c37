"""Invitations: invite_user (used by other domains), the accept page, and signing in after."""

from __future__ import annotations

import time

import itsdangerous.timed
import pytest

from partizipation.accounts.models import User
from partizipation.accounts.services import invite_link, invite_user
from partizipation.domain import DomainError
from tests.conftest import create_user, login
from tests.helpers import page_text

from .helpers import link_in, outbox, send_form

PASSWORD = "my own good password"


def _invite(app, db_session, **fields):
    officer = fields.pop("actor", None) or create_user(
        db_session, role="officer", display_name="Petra Beispiel"
    )
    fields.setdefault("email", "new@example.org")
    fields.setdefault("display_name", "Neue Person")
    with app.test_request_context():
        return invite_user(db_session, actor=officer, **fields)


def test_invite_user_creates_an_account_without_password_and_queues_the_mail(app, db_session):
    user = _invite(app, db_session, email="New@Example.org ", role="editor", locale="en")
    assert user.id is not None and user.password_hash is None
    assert (user.email, user.role, user.locale) == ("new@example.org", "editor", "en")
    (message,) = outbox(db_session, "new@example.org")
    assert message.subject == "Your invitation to Partizipation Kreis Unna"
    assert "Petra Beispiel has invited you" in message.body_text
    assert "http://127.0.0.1:5000/einladung/" in message.body_text
    assert "14 days" in message.body_text


def test_invitation_mail_in_german(app, db_session):
    _invite(app, db_session)
    (message,) = outbox(db_session, "new@example.org")
    assert message.subject == "Ihre Einladung zu Partizipation Kreis Unna"
    assert "hat Sie zu Partizipation Kreis Unna eingeladen" in message.body_text


def test_invite_link_is_absolute_and_built_from_base_url(app, db_session):
    user = _invite(app, db_session)
    with app.app_context():  # also works outside a request, e.g. from a command
        link = invite_link(user)
    assert link.startswith("http://127.0.0.1:5000/einladung/")


def test_inviting_again_reuses_the_account_without_password(app, db_session):
    first = _invite(app, db_session, display_name="Alter Name")
    second = _invite(app, db_session, display_name="Neuer Name", email="NEW@example.org")
    assert second.id == first.id
    assert second.display_name == "Neuer Name"
    assert len(outbox(db_session, "new@example.org")) == 2


def test_inviting_again_never_lowers_the_role(app, db_session):
    first = _invite(app, db_session, role="editor")
    again = _invite(app, db_session, role="member")
    assert again.id == first.id and again.role == "editor"


def test_inviting_an_account_with_a_password_is_an_email_error(app, db_session):
    create_user(db_session, email="maria@example.org")
    with pytest.raises(DomainError) as error:
        _invite(app, db_session, email="maria@example.org")
    assert error.value.field == "email"
    assert outbox(db_session, "maria@example.org") == []


def test_an_officer_cannot_invite_an_admin(app, db_session):
    with pytest.raises(DomainError) as error:
        _invite(app, db_session, role="admin")
    assert error.value.field == "role"


def test_a_member_actor_may_invite_members(app, db_session):
    # Municipality contacts (members) invite facilitators through other domains.
    contact = create_user(db_session, role="member")
    assert _invite(app, db_session, actor=contact).role == "member"


def test_accept_sets_name_and_password_and_signs_in(app, client, db_session):
    user = _invite(app, db_session)
    link = link_in(outbox(db_session, "new@example.org")[0])
    page = client.get(link)
    assert page.status_code == 200
    assert 'value="Neue Person"' in page.get_data(as_text=True)
    assert "new@example.org" in page_text(page)
    response = send_form(
        client,
        link,
        {"display_name": "Neue Person Korrigiert", "new_password": PASSWORD, "confirm": PASSWORD},
    )
    assert response.status_code == 302
    text = page_text(client.get("/mein-bereich"))
    assert "Willkommen! Ihr Passwort ist gespeichert" in text
    assert "Neue Person Korrigiert" in text
    db_session.expire_all()
    assert db_session.get(User, user.id).password_hash is not None
    # Later: a normal sign-in with the chosen password.
    assert login(app.test_client(), "new@example.org", PASSWORD).status_code == 302


def test_an_accepted_invitation_cannot_be_used_again(app, client, db_session):
    _invite(app, db_session)
    link = link_in(outbox(db_session, "new@example.org")[0])
    send_form(client, link, {"display_name": "X", "new_password": PASSWORD, "confirm": PASSWORD})
    response = app.test_client().get(link)
    assert response.status_code == 410
    assert "Haben Sie mit dieser Einladung schon Ihr Passwort gesetzt?" in page_text(response)


def test_an_expired_invitation_says_to_ask_for_a_new_one(app, client, db_session, monkeypatch):
    monkeypatch.setattr(
        itsdangerous.timed.TimestampSigner,
        "get_timestamp",
        lambda self: int(time.time()) - 15 * 24 * 3600,
    )
    _invite(app, db_session)
    monkeypatch.undo()
    response = client.get(link_in(outbox(db_session, "new@example.org")[0]))
    assert response.status_code == 410
    text = page_text(response)
    assert "Dieser Link ist abgelaufen" in text
    assert "Bitten Sie die Inklusionsbeauftragte um eine neue Einladung." in text


def test_accept_form_errors_keep_the_name(app, client, db_session):
    _invite(app, db_session)
    link = link_in(outbox(db_session, "new@example.org")[0])
    response = send_form(
        client, link, {"display_name": "Maria", "new_password": "short", "confirm": "short"}
    )
    assert response.status_code == 200
    assert "Das Passwort braucht mindestens 10 Zeichen" in page_text(response)
    assert 'value="Maria"' in response.get_data(as_text=True)
    response = send_form(
        client, link, {"display_name": "", "new_password": PASSWORD, "confirm": PASSWORD}
    )
    assert "Geben Sie den Namen ein" in page_text(response)


def test_accept_page_in_english(app, client, db_session):
    _invite(app, db_session)
    link = link_in(outbox(db_session, "new@example.org")[0])
    client.get("/sprache/en")
    response = send_form(
        client,
        link,
        {"display_name": "N" * 121, "new_password": PASSWORD, "confirm": PASSWORD + "x"},
    )
    text = page_text(response)
    assert "The name can have at most 120 characters." in text
    assert "The two passwords are not the same. Enter the same password twice." in text


def test_a_deactivated_invited_account_cannot_accept(app, client, db_session):
    user = _invite(app, db_session)
    link = link_in(outbox(db_session, "new@example.org")[0])
    user.is_active = False
    db_session.flush()
    assert client.get(link).status_code == 410
