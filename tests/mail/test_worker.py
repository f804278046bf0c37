"""The outbox worker against a real local SMTP server (tests/smtp.py)."""

from __future__ import annotations

import os
import signal
import threading
from datetime import timedelta

import pytest
from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from partizipation import clock
from partizipation.db import db, utcnow
from partizipation.mail.models import OutboxMessage
from partizipation.mail.worker import MAX_ATTEMPTS, claim, deliver_due, run_worker

from .factories import create_outbox_message


@pytest.fixture()
def app_config(smtp_server):
    return smtp_server.config


def run_round(app, now=None):
    with app.app_context():
        return deliver_due(db.session, app.config, now=now or utcnow())


def reload(db_session, message):
    db_session.expire_all()
    return db_session.get(OutboxMessage, message.id)


def test_a_due_message_is_delivered_as_plain_text_with_its_own_message_id(
    app, db_session, smtp_server
):
    row = create_outbox_message(
        db_session, to_address="anna@example.org", subject="Neue Barriere-Meldung",
        body_text="Bitte antworten Sie bis zum 21.12.2026.\nGrüße aus Unna\n",
        reply_to="melder@example.org",
        locale="de",
    )
    counts = run_round(app)

    assert (counts.sent, counts.retrying, counts.failed) == (1, 0, 0)
    [received] = smtp_server.messages
    assert received["Subject"] == "Neue Barriere-Meldung"
    assert received["To"] == "anna@example.org"
    assert received["From"] == "partizipation@example.org"
    assert received["Reply-To"] == "melder@example.org"
    assert received["Message-ID"] == row.message_id
    assert received["Content-Language"] == "de"
    assert received.get_content_type() == "text/plain"
    assert received.get_content_charset() == "utf-8"
    body = received.get_content().replace("\r\n", "\n")
    assert body == "Bitte antworten Sie bis zum 21.12.2026.\nGrüße aus Unna\n"
    assert smtp_server.envelopes == [("partizipation@example.org", ["anna@example.org"])]
    stored = reload(db_session, row)
    assert stored.status == "sent" and stored.sent_at is not None and stored.attempts == 1


def test_mail_server_down_keeps_the_message_and_retries_it_after_the_back_off(
    app, db_session, smtp_server
):
    row = create_outbox_message(db_session)
    smtp_server.stop()
    start = utcnow()

    with clock.freeze(start):
        counts = run_round(app, now=start)
    assert counts.retrying == 1
    stored = reload(db_session, row)
    assert stored.status == "pending" and stored.attempts == 1
    assert "Connection" in stored.last_error or "refused" in stored.last_error.lower()
    assert stored.next_attempt_at == start + timedelta(minutes=1)

    # Still down a bit later, but not yet due: not even tried.
    assert run_round(app, now=start + timedelta(seconds=30)).retrying == 0
    assert reload(db_session, row).attempts == 1

    # Second failure doubles the wait.
    run_round(app, now=start + timedelta(minutes=1, seconds=1))
    stored = reload(db_session, row)
    assert stored.attempts == 2
    assert stored.next_attempt_at == start + timedelta(minutes=1, seconds=1) + timedelta(minutes=2)

    smtp_server.start()
    counts = run_round(app, now=start + timedelta(minutes=4))
    assert counts.sent == 1
    assert [m["Message-ID"] for m in smtp_server.messages] == [row.message_id]
    stored = reload(db_session, row)
    assert stored.status == "sent" and stored.attempts == 3


def test_after_the_last_attempt_the_message_is_marked_failed_with_the_error(
    app, db_session, smtp_server
):
    row = create_outbox_message(db_session)
    smtp_server.stop()
    now = utcnow()
    for _ in range(MAX_ATTEMPTS):
        run_round(app, now=now)
        now = reload(db_session, row).next_attempt_at + timedelta(seconds=1)

    stored = reload(db_session, row)
    assert stored.status == "failed"
    assert stored.attempts == MAX_ATTEMPTS
    assert stored.last_error

    smtp_server.start()
    assert run_round(app, now=now + timedelta(days=1)).sent == 0
    assert smtp_server.messages == []


def test_a_refused_recipient_fails_at_once_and_other_messages_still_go(
    app, db_session, smtp_server
):
    refused = create_outbox_message(db_session, to_address="unknown@example.org")
    smtp_server.reject_recipients(550)
    counts = run_round(app)
    assert counts.failed == 1
    stored = reload(db_session, refused)
    assert stored.status == "failed" and "550" in stored.last_error


def test_a_message_claimed_by_another_worker_is_not_sent_again(app, db_session, smtp_server):
    row = create_outbox_message(db_session)
    now = utcnow()
    with app.app_context():
        assert claim(db.session, row.id, now=now) is True
        assert claim(db.session, row.id, now=now) is False

    counts = run_round(app, now=now + timedelta(seconds=1))
    assert counts.sent == 0
    assert smtp_server.messages == []
    assert reload(db_session, row).status == "sending"


def test_an_expired_claim_of_a_killed_worker_is_taken_over(app, db_session, smtp_server):
    now = utcnow()
    row = create_outbox_message(
        db_session, status="sending", attempts=1, locked_until=now - timedelta(seconds=1)
    )
    counts = run_round(app, now=now)
    assert counts.sent == 1
    assert [m["Message-ID"] for m in smtp_server.messages] == [row.message_id]
    stored = reload(db_session, row)
    assert stored.status == "sent" and stored.attempts == 2


def test_a_claim_runs_from_the_moment_it_is_taken_not_from_the_start_of_the_round(
    app, db_session, smtp_server, monkeypatch
):
    """A slow round (here: one that started ten minutes ago) must not hand out a claim that has
    already run out, or a second worker would send the same message at the same time."""
    from partizipation.mail.transport import SMTPConnection

    row = create_outbox_message(db_session, next_attempt_at=utcnow() - timedelta(minutes=20))
    leases = []
    send = SMTPConnection.send

    def send_and_look(self, message):  # type: ignore[no-untyped-def]
        leases.append(reload(db_session, row).locked_until)
        return send(self, message)

    monkeypatch.setattr(SMTPConnection, "send", send_and_look)
    counts = run_round(app, now=utcnow() - timedelta(minutes=10))
    assert counts.sent == 1
    assert leases[0] > utcnow() + timedelta(minutes=4)


def test_two_workers_racing_for_the_same_messages_each_get_different_ones(engine):
    """Real concurrent transactions on separate connections (PostgreSQL in CI)."""
    now = utcnow()
    with engine.begin() as conn:
        ids = [
            conn.execute(
                insert(OutboxMessage).values(
                    message_id=f"<race-{n}-{now.timestamp()}@example.org>",
                    to_address="race@example.org", subject="race", body_text="race",
                    locale="de", status="pending", attempts=0, next_attempt_at=now,
                    created_at=now,
                ).returning(OutboxMessage.id)
            ).scalar_one()
            for n in range(10)
        ]
    won: list[list[int]] = [[], []]
    barrier = threading.Barrier(2)

    def worker(index: int) -> None:
        with Session(engine) as session:
            for message_id in ids:
                barrier.wait()
                if claim(session, message_id, now=now):
                    won[index].append(message_id)

    try:
        threads = [threading.Thread(target=worker, args=(i,)) for i in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert sorted(won[0] + won[1]) == sorted(ids)
        assert not set(won[0]) & set(won[1])
    finally:
        with engine.begin() as conn:
            conn.execute(delete(OutboxMessage).where(OutboxMessage.id.in_(ids)))


def test_send_mail_command_delivers_the_outbox(app, db_session, smtp_server):
    create_outbox_message(db_session)
    create_outbox_message(db_session)
    with app.app_context():
        result = app.test_cli_runner().invoke(args=["send-mail"])
    assert result.exit_code == 0, result.output
    assert "sent 2" in result.output
    assert len(smtp_server.messages) == 2
    assert db_session.scalars(select(OutboxMessage.status)).all() == ["sent", "sent"]


def test_the_loop_stops_cleanly_on_sigterm(app, db_session, smtp_server):
    create_outbox_message(db_session)
    timer = threading.Timer(0.5, os.kill, args=(os.getpid(), signal.SIGTERM))
    lines: list[str] = []
    timer.start()
    try:
        with app.app_context():
            total = run_worker(loop=True, interval=0.05, echo=lines.append)
    finally:
        timer.cancel()
    assert total.sent == 1
    assert lines[-1] == "Mail worker stopped."
    assert signal.getsignal(signal.SIGTERM) is not None


def test_a_message_that_cannot_be_built_fails_without_stopping_the_others(
    app, db_session, smtp_server
):
    broken = create_outbox_message(db_session, to_address="a@example.org\nBcc: x@example.org")
    good = create_outbox_message(db_session)
    counts = run_round(app)
    assert (counts.sent, counts.failed) == (1, 1)
    assert [m["Message-ID"] for m in smtp_server.messages] == [good.message_id]
    stored = reload(db_session, broken)
    assert stored.status == "failed" and "ValueError" in stored.last_error
