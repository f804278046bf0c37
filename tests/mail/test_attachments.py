"""A message may carry attachments: queued with it in the outbox, sent by SMTP as parts of one
multipart message, deleted with it."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, func, select

from partizipation.db import db
from partizipation.mail.models import OutboxAttachment, OutboxMessage
from partizipation.mail.services import Attachment, queue_mail
from partizipation.mail.worker import deliver_due

from .factories import create_outbox_message

ICS = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//DE\r\nEND:VCALENDAR\r\n"


@pytest.fixture()
def app_config(smtp_server):
    return smtp_server.config


def test_queue_mail_stores_the_attachments_with_the_message(app, db_session):
    with app.test_request_context():
        message = queue_mail(db.session, to="reader@example.org", subject="Termin",
                             template="meetings/mail/cancelled.txt", locale="de",
                             attachments=[Attachment("absage.ics",
                                                     "text/calendar; method=CANCEL", ICS)],
                             name="Lea", title="Beirat", date="1. Dezember", reason="Krank")
        db.session.commit()
    row = db_session.get(OutboxMessage, message.id)
    (attachment,) = row.attachments
    assert (attachment.filename, attachment.content) == ("absage.ics", ICS)


def test_attachments_are_sent_as_parts_of_one_message(app, db_session, smtp_server):
    create_outbox_message(db_session, body_text="Hallo", locale="en", attachments=[
        OutboxAttachment(filename="termin.ics", content_type="text/calendar; method=REQUEST",
                         content=ICS),
        OutboxAttachment(filename="plan.pdf", content_type="application/pdf",
                         content=b"%PDF-1.4 x")])
    with app.app_context():
        assert deliver_due(db.session, app.config).sent == 1
    (message,) = smtp_server.messages
    assert message.get_content_type() == "multipart/mixed"
    assert message["Content-Language"] == "en"
    body, calendar, pdf = message.iter_parts()
    assert body.get_content().strip() == "Hallo"
    assert calendar.get_content_type() == "text/calendar"
    assert calendar.get_param("method") == "REQUEST"
    assert calendar.get_filename() == "termin.ics"
    assert calendar.get_payload(decode=True) == ICS
    assert pdf.get_filename() == "plan.pdf" and pdf.get_payload(decode=True) == b"%PDF-1.4 x"


def test_a_message_without_attachments_stays_plain_text(app, db_session, smtp_server):
    create_outbox_message(db_session, locale="de")
    with app.app_context():
        deliver_due(db.session, app.config)
    (message,) = smtp_server.messages
    assert message.get_content_type() == "text/plain"
    assert message["Content-Language"] == "de"


def test_deleting_a_message_deletes_its_attachments(db_session):
    create_outbox_message(db_session, attachments=[
        OutboxAttachment(filename="a.ics", content_type="text/calendar", content=ICS)])
    assert db_session.scalar(select(func.count()).select_from(OutboxAttachment)) == 1
    db_session.execute(delete(OutboxMessage))
    assert db_session.scalar(select(func.count()).select_from(OutboxAttachment)) == 0
