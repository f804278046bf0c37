"""Issue 12.5: the relayed contact form is no relay for spam: besides the limit per address,
a cap per recipient and an overall cap; the facilitator's mail says how to report abuse."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from partizipation.mail.models import OutboxMessage
from tests.facilitators.factories import create_facilitator
from tests.helpers import csrf_token, page_text

MESSAGE = {"sender_name": "Fritz Flut", "message": "Kaufen Sie jetzt!"}


@pytest.fixture()
def app_config():
    return {"CONTACT_LIMIT": "5 per hour", "CONTACT_RECIPIENT_LIMIT": "3 per day",
            "CONTACT_TOTAL_LIMIT": "5 per hour"}


def _send(client, facilitator_id, number):
    url = f"/kommunen/begleitung/{facilitator_id}/kontakt"
    environ = {"REMOTE_ADDR": f"192.0.2.{number}"}
    token = csrf_token(client.get(url, environ_base=environ))
    return client.post(url, data={**MESSAGE, "sender_email": f"s{number}@example.org",
                                  "csrf_token": token}, environ_base=environ)


def _sent(db_session, to=None):
    db_session.expire_all()
    query = select(func.count()).select_from(OutboxMessage)
    if to:
        query = query.where(OutboxMessage.to_address == to)
    return db_session.scalar(query)


def test_ten_addresses_cannot_send_ten_messages_to_one_facilitator(client, db_session, cast):
    facilitator = cast.own_facilitator
    codes = [_send(client, facilitator.id, number).status_code for number in range(10)]
    assert codes[:3] == [302, 302, 302]
    assert set(codes[3:]) == {429}
    assert _sent(db_session, facilitator.person.email) == 3
    response = _send(client, facilitator.id, 50)
    assert "Kaufen Sie jetzt!" in response.get_data(as_text=True)  # the text is kept
    assert "Inklusionsbeauftragte" in page_text(response)


def test_an_overall_cap_across_facilitators(client, db_session, cast):
    others = [create_facilitator(db_session, cast.kamen, "active", name=f"Ada {n}",
                                 email=f"ada{n}@example.org") for n in range(3)]
    codes = [_send(client, others[number % 3].id, number).status_code for number in range(9)]
    assert codes.count(302) == 5
    assert _sent(db_session) == 5


def test_the_facilitator_is_told_how_to_report_abuse(client, db_session, cast):
    assert _send(client, cast.own_facilitator.id, 1).status_code == 302
    db_session.expire_all()
    body = db_session.scalars(select(OutboxMessage)).one().body_text
    assert "inklusion@example.org" in body
    assert "Missbrauch" in body
