"""The outbox worker behind `send-mail`: claims due messages, delivers them by SMTP, retries.

Delivery is at-least-once, never exactly-once. SMTP has no transaction shared with our database:
between the moment the mail server accepts a message (its "250 OK" after DATA) and the moment we
commit `status = sent`, the worker can be killed, the network can drop the final reply, or the
database can be unreachable. In each case we cannot know whether the server took the message, so
the claim runs out (`locked_until`) and another round sends it again. Marking it sent *before*
sending would instead lose messages, which is worse for an officer who must answer within a month.
A repeated delivery carries the same `Message-ID` header (stored on the row when it was queued,
not made per attempt), so mail servers and clients that deduplicate by Message-ID drop the copy
and a person sees one message.

Claiming is a single conditional UPDATE (pending and due, or sending with an expired claim →
sending with a new `locked_until`). Only the worker whose UPDATE changed the row may send it: on
PostgreSQL a concurrent UPDATE of the same row waits for the first to commit, then re-checks the
WHERE clause and finds the row no longer claimable; SQLite serialises writers anyway.
"""

from __future__ import annotations

import signal
import smtplib
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import click
from sqlalchemy import and_, or_, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from ..db import utcnow
from .models import OutboxMessage, OutboxStatus
from .transport import SMTPConnection, build_message, is_permanent

MAX_ATTEMPTS = 8
RETRY_BASE_SECONDS = 60
RETRY_MAX_SECONDS = 6 * 60 * 60
# Longer than any SMTP conversation can take (SMTP_TIMEOUT applies per socket operation).
CLAIM_SECONDS = 5 * 60
BATCH_SIZE = 50


@dataclass
class RoundCounts:
    """What one round did."""

    sent: int = 0
    retrying: int = 0
    failed: int = 0

    def __str__(self) -> str:
        return f"sent {self.sent}, to retry {self.retrying}, failed {self.failed}"


def backoff(attempts: int, config: Mapping[str, Any] | None = None) -> timedelta:
    """Wait before the next attempt: 1, 2, 4, 8 … minutes after the 1st, 2nd, 3rd … failure."""
    config = config or {}
    base = config.get("MAIL_RETRY_BASE_SECONDS", RETRY_BASE_SECONDS)
    ceiling = config.get("MAIL_RETRY_MAX_SECONDS", RETRY_MAX_SECONDS)
    return timedelta(seconds=min(base * 2 ** max(attempts - 1, 0), ceiling))


def _claimable(now: datetime, max_attempts: int) -> Any:
    return and_(
        OutboxMessage.attempts < max_attempts,
        or_(
            and_(
                OutboxMessage.status == OutboxStatus.PENDING.value,
                OutboxMessage.next_attempt_at <= now,
            ),
            and_(
                OutboxMessage.status == OutboxStatus.SENDING.value,
                OutboxMessage.locked_until < now,
            ),
        ),
    )


def claim(
    session: Session, message_id: int, *, now: datetime, max_attempts: int = MAX_ATTEMPTS,
    claim_seconds: int = CLAIM_SECONDS,
) -> bool:
    """Take one message for sending; True only for the one worker whose UPDATE changed the row.

    The attempt is counted here, not after sending, so a message that kills its worker every
    time still runs out of attempts instead of being retried for ever.
    """
    result = session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id, _claimable(now, max_attempts))
        .values(
            status=OutboxStatus.SENDING.value,
            locked_until=now + timedelta(seconds=claim_seconds),
            attempts=OutboxMessage.attempts + 1,
        )
        .execution_options(synchronize_session=False)
    )
    session.commit()
    return result.rowcount == 1  # type: ignore[attr-defined, no-any-return]


def _describe(error: Exception) -> str:
    return f"{error.__class__.__name__}: {error}"[:2000]


def deliver_due(
    session: Session, config: Mapping[str, Any], *, now: datetime | None = None
) -> RoundCounts:
    """One round: claim and send every due message (and every one whose claim ran out)."""
    now = now or utcnow()
    max_attempts = config.get("MAIL_MAX_ATTEMPTS", MAX_ATTEMPTS)
    claim_seconds = config.get("MAIL_CLAIM_SECONDS", CLAIM_SECONDS)
    counts = RoundCounts()
    counts.failed += _give_up_abandoned(session, now=now, max_attempts=max_attempts)
    due = session.scalars(
        select(OutboxMessage.id)
        .where(_claimable(now, max_attempts))
        .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
        .limit(BATCH_SIZE)
    ).all()
    session.commit()
    connection = SMTPConnection(config)
    try:
        for message_id in due:
            # The lease starts when the message is claimed, not when the round started: a slow
            # round must not hand out claims that have already (nearly) run out.
            claimed_at = max(now, utcnow())
            if not claim(session, message_id, now=claimed_at, max_attempts=max_attempts,
                         claim_seconds=claim_seconds):
                continue  # another worker took it
            row = session.get(OutboxMessage, message_id, populate_existing=True)
            assert row is not None
            # No transaction stays open during the SMTP conversation (SQLite writers would wait).
            session.commit()
            status = _deliver_one(row, connection, now=claimed_at, max_attempts=max_attempts,
                                  config=config)
            session.commit()
            if status == OutboxStatus.SENT:
                counts.sent += 1
            elif status == OutboxStatus.FAILED:
                counts.failed += 1
            else:
                counts.retrying += 1
                if connection.smtp is None:
                    break  # the server is unreachable: leave the rest for a later round
    finally:
        connection.close()
    return counts


def _deliver_one(
    row: OutboxMessage, connection: SMTPConnection, *, now: datetime, max_attempts: int,
    config: Mapping[str, Any],
) -> OutboxStatus:
    """Send one claimed row and record the outcome on it (the caller commits)."""
    try:
        message = build_message(row, config["MAIL_FROM"])
    except (ValueError, TypeError) as error:
        # A row that cannot become an email (say, a line break in an address) never will.
        row.status, row.locked_until = OutboxStatus.FAILED.value, None
        row.last_error = _describe(error)
        return OutboxStatus.FAILED
    try:
        connection.send(message)
    except (OSError, smtplib.SMTPException) as error:
        _record_failure(row, error, now=now, max_attempts=max_attempts, config=config)
        return OutboxStatus(row.status)
    row.status = OutboxStatus.SENT.value
    row.sent_at = utcnow()
    row.locked_until = None
    row.last_error = None
    return OutboxStatus.SENT


def _record_failure(
    row: OutboxMessage, error: Exception, *, now: datetime, max_attempts: int,
    config: Mapping[str, Any],
) -> None:
    row.last_error = _describe(error)
    row.locked_until = None
    if is_permanent(error) or row.attempts >= max_attempts:
        row.status = OutboxStatus.FAILED.value
    else:
        row.status = OutboxStatus.PENDING.value
        row.next_attempt_at = now + backoff(row.attempts, config)


def _give_up_abandoned(session: Session, *, now: datetime, max_attempts: int) -> int:
    """A claim that ran out on the last allowed attempt: record the failure instead of looping."""
    result = session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.status == OutboxStatus.SENDING.value,
            OutboxMessage.locked_until < now,
            OutboxMessage.attempts >= max_attempts,
        )
        .values(
            status=OutboxStatus.FAILED.value,
            locked_until=None,
            last_error="The worker stopped during the last attempt; delivery is unknown.",
        )
        .execution_options(synchronize_session=False)
    )
    session.commit()
    return result.rowcount  # type: ignore[attr-defined, no-any-return]


@contextmanager
def _stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """SIGTERM and Ctrl-C end the loop after the current message, not in the middle of it."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}

    def handler(signum: int, frame: Any) -> None:
        stop.set()

    for sig in previous:
        signal.signal(sig, handler)
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def run_worker(
    loop: bool = False,
    interval: float = 10.0,
    echo: Callable[[str], Any] = print,
    stop: threading.Event | None = None,
) -> RoundCounts:
    """Deliver the outbox once, or with `loop` every `interval` seconds until stopped."""
    from flask import current_app

    from ..db import db

    stop = stop or threading.Event()
    total = RoundCounts()
    with _stop_on_signals(stop):
        while True:
            session = db.session
            try:
                counts = deliver_due(session, current_app.config)
            except SQLAlchemyError as error:
                session.rollback()
                if not loop:
                    raise click.ClickException(
                        f"The database is unavailable or not migrated ({error.__class__.__name__})."
                    ) from error
                echo(f"Database unavailable, will try again: {error.__class__.__name__}")
            else:
                total.sent += counts.sent
                total.retrying += counts.retrying
                total.failed += counts.failed
                if counts.sent or counts.retrying or counts.failed or not loop:
                    echo(f"Outbox: {counts}.")
            finally:
                session.close()
            if not loop or stop.wait(interval):
                break
    if loop:
        echo("Mail worker stopped.")
    return total
