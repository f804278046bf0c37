"""Sent mail is not kept: a copy of a message (with its links and the words of the people who
wrote through the platform) is deleted a while after it went out, or after it finally failed."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete
from sqlalchemy.orm import Session

from ..db import utcnow
from .models import OutboxMessage, OutboxStatus

DEFAULT_DAYS = 30


def purge_outbox(session: Session, *, days: int = DEFAULT_DAYS) -> int:
    """Delete messages sent (or failed for good) more than `days` days ago; returns how many."""
    cutoff = utcnow() - timedelta(days=days)
    sent = delete(OutboxMessage).where(
        OutboxMessage.status == OutboxStatus.SENT.value, OutboxMessage.sent_at < cutoff)
    failed = delete(OutboxMessage).where(
        OutboxMessage.status == OutboxStatus.FAILED.value, OutboxMessage.created_at < cutoff)
    count = 0
    for statement in (sent, failed):
        result = session.execute(statement.execution_options(synchronize_session=False))
        count += result.rowcount  # type: ignore[attr-defined]
    return count
