"""Roles are visible: the invitation mail and the set-password page say what a person is
invited as ("contact person for Kamen"), the user list shows the scoped roles."""

from __future__ import annotations

import re

from sqlalchemy import select

from partizipation.mail.models import OutboxMessage
from partizipation.municipalities import services
from tests.helpers import page_text


def _invite(app, db_session, cast, locale):
    with app.test_request_context():
        return services.add_contact(db_session, cast.kamen, email="nina@example.org",
                                    display_name="Nina Neu", locale=locale,
                                    actor=cast.user("officer"))


def _link(db_session) -> str:
    mail = db_session.scalars(select(OutboxMessage).where(
        OutboxMessage.to_address == "nina@example.org")).one()
    return mail.body_text, re.search(r"http://[^/]+(/einladung/\S+)", mail.body_text).group(1)


def test_invitation_mail_and_page_name_the_municipality_in_german(app, client, db_session, cast):
    _invite(app, db_session, cast, "de")
    body, path = _link(db_session)
    assert "Sie sind als Ansprechperson für Kamen eingeladen." in body
    text = page_text(client.get(path))
    assert "Ansprechperson für Kamen" in text and "Mitglied" in text


def test_invitation_mail_and_page_name_the_municipality_in_english(app, client, db_session,
                                                                    cast):
    _invite(app, db_session, cast, "en")
    body, path = _link(db_session)
    assert "You are invited as contact person for Kamen." in body
    client.get("/sprache/en")
    text = page_text(client.get(path))
    assert "Contact person for Kamen" in text


def test_user_list_shows_contacts_with_their_municipality(app, client, db_session, cast):
    _invite(app, db_session, cast, "de")
    from tests.conftest import login

    login(client, cast.user("admin").email)
    text = page_text(client.get("/verwaltung/benutzer?q=nina"))
    assert "Ansprechperson für Kamen" in text
