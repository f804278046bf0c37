"""Issue 12.3: a session ends for good at logout; the profile lists the active sessions and
signs out everywhere; the table stays small."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from partizipation.accounts.models import UserSession
from partizipation.db import utcnow
from tests.accounts.helpers import send_form
from tests.conftest import login
from tests.factories import create_user
from tests.helpers import page_text


def _cookie(client):
    return client.get_cookie("session").value


def _replay(app, value):
    thief = app.test_client()
    thief.set_cookie("session", value)
    return thief


def test_a_saved_cookie_gets_the_sign_in_page_after_logout(app, client, db_session):
    user = create_user(db_session)
    login(client, user.email)
    assert client.get("/mein-bereich").status_code == 200
    saved = _cookie(client)
    assert _replay(app, saved).get("/mein-bereich").status_code == 200
    send_form(client, "/abmelden", {}, page_url="/mein-bereich")
    response = _replay(app, saved).get("/mein-bereich")
    assert response.status_code == 302
    assert "/anmelden" in response.headers["Location"]


def test_profile_lists_sessions_and_signs_out_everywhere(app, client, db_session):
    user = create_user(db_session)
    other = app.test_client()
    login(other, user.email, )
    login(client, user.email)
    client.get("/sprache/en")
    page = client.get("/mein-bereich/profil/sitzungen")
    assert page.status_code == 200
    assert page.headers["Cache-Control"] == "no-store"
    text = page_text(page)
    assert "This device" in text
    assert text.count("Signed in at") == 2
    response = send_form(client, "/mein-bereich/profil/sitzungen/ueberall-abmelden", {},
                         page_url="/mein-bereich/profil/sitzungen")
    assert response.status_code == 302
    assert other.get("/mein-bereich").status_code == 302
    assert client.get("/mein-bereich").status_code == 302
    db_session.expire_all()
    assert db_session.scalar(select(func.count()).select_from(UserSession).where(
        UserSession.user_id == user.id)) == 0


def test_sign_out_everywhere_needs_the_csrf_token(client, db_session):
    user = create_user(db_session)
    login(client, user.email)
    response = client.post("/mein-bereich/profil/sitzungen/ueberall-abmelden")
    assert response.status_code == 400
    assert client.get("/mein-bereich").status_code == 200


def test_expired_sessions_are_purged_at_sign_in(client, db_session):
    user = create_user(db_session)
    old = utcnow() - timedelta(days=30)
    for number in range(3):
        db_session.add(UserSession(user_id=user.id, key_hash=f"old{number}", created_at=old,
                                   user_agent=""))
    db_session.flush()
    login(client, user.email)
    db_session.expire_all()
    assert db_session.scalar(select(func.count()).select_from(UserSession)) == 1


def test_purge_command_deletes_expired_sessions(app, db_session):
    user = create_user(db_session)
    db_session.add(UserSession(user_id=user.id, key_hash="old", user_agent="",
                               created_at=utcnow() - timedelta(days=2)))
    db_session.add(UserSession(user_id=user.id, key_hash="new", user_agent=""))
    db_session.flush()
    result = app.test_cli_runner().invoke(args=["purge-outbox"])
    assert "Deleted 1 expired sign-in sessions." in result.output
    db_session.expire_all()
    assert db_session.scalars(select(UserSession.key_hash)).all() == ["new"]
