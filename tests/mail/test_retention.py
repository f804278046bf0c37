"""Sent mail is deleted after the retention time; pending mail never is."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from partizipation.db import utcnow
from partizipation.mail.models import OutboxMessage

from .factories import create_outbox_message


def test_purge_deletes_old_sent_and_failed_mail_and_keeps_the_rest(app, db_session):
    now = utcnow()
    old_sent = create_outbox_message(db_session, status="sent",
                                     sent_at=now - timedelta(days=31))
    new_sent = create_outbox_message(db_session, status="sent", sent_at=now - timedelta(days=29))
    old_failed = create_outbox_message(db_session, status="failed",
                                       created_at=now - timedelta(days=40))
    old_pending = create_outbox_message(db_session, created_at=now - timedelta(days=90))
    gone, kept = {old_sent.id, old_failed.id}, {new_sent.id, old_pending.id}
    result = app.test_cli_runner().invoke(args=["purge-outbox"])
    assert result.exit_code == 0, result.output
    assert "Deleted 2 old messages" in result.output
    db_session.expire_all()
    left = set(db_session.scalars(select(OutboxMessage.id)))
    assert not gone & left and kept <= left


def test_the_retention_time_can_be_chosen(app, db_session):
    row_id = create_outbox_message(db_session, status="sent",
                                   sent_at=utcnow() - timedelta(days=8)).id
    result = app.test_cli_runner().invoke(args=["purge-outbox", "--days", "7"])
    assert "Deleted 1 old messages" in result.output
    db_session.expire_all()
    assert db_session.get(OutboxMessage, row_id) is None
