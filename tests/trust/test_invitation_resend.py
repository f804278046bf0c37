"""Issue 12.7: re-sending an invitation makes the earlier links unusable."""

from __future__ import annotations

from sqlalchemy import select

from partizipation.accounts.models import User
from tests.accounts.helpers import link_in, outbox, send_form
from tests.conftest import login
from tests.factories import create_user


def test_only_the_newest_invitation_link_works(app, client, db_session):
    officer = create_user(db_session, role="officer")
    login(client, officer.email)
    send_form(client, "/verwaltung/benutzer/einladen", {
        "display_name": "Neu", "email": "neu@example.org", "role": "member", "locale": "de"})
    first = link_in(outbox(db_session, "neu@example.org")[0])
    user = db_session.scalar(select(User).where(User.email == "neu@example.org"))
    send_form(client, f"/verwaltung/benutzer/{user.id}/einladung-erneut", {},
              page_url=f"/verwaltung/benutzer/{user.id}")
    mails = outbox(db_session, "neu@example.org")
    assert len(mails) == 2
    newest = link_in(mails[1])
    visitor = app.test_client()
    assert visitor.get(first).status_code == 410
    assert visitor.get(newest).status_code == 200
