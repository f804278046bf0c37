"""Outbox rows for tests."""

from __future__ import annotations

import itertools
from typing import Any

from sqlalchemy.orm import Session

from partizipation.mail.models import OutboxMessage

_counter = itertools.count(1)


def create_outbox_message(session: Session, **fields: Any) -> OutboxMessage:
    """A pending message, due now."""
    number = next(_counter)
    fields.setdefault("message_id", f"<test-{number}-{id(session)}@example.org>")
    fields.setdefault("to_address", f"person{number}@example.org")
    fields.setdefault("subject", f"Test message {number}")
    fields.setdefault("body_text", f"Hello, this is message {number}.\nÄÖÜ ß – Grüße\n")
    message = OutboxMessage(**fields)
    session.add(message)
    session.flush()
    return message
