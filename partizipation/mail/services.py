"""Queue mail in the outbox. Delivery is the `send-mail` worker's job (see mail/worker.py)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from flask import current_app, render_template
from flask_babel import force_locale
from sqlalchemy.orm import Session

from .models import OutboxAttachment, OutboxMessage


@dataclass(frozen=True)
class Attachment:
    """A file to send with a message: its name, full content type and bytes."""

    filename: str
    content_type: str
    content: bytes


def queue_mail(
    session: Session,
    *,
    to: str,
    subject: Any,
    template: str,
    locale: str = "de",
    reply_to: str | None = None,
    attachments: Sequence[Attachment] = (),
    **context: Any,
) -> OutboxMessage:
    """Add a message to the outbox in the caller's transaction (flushed, not committed).

    `subject` is a lazy string (`_l(...)`) rendered in the recipient's `locale` with `context`;
    `template` is a plain-text template, templates/<domain>/mail/<name>.txt; `attachments`
    travel with the message (stored in the outbox, sent by the worker).
    """
    with force_locale(locale):
        subject_text = str(subject) % context if context else str(subject)
        body = render_template(template, **context)
    domain = current_app.config["MAIL_FROM"].rpartition("@")[2] or "localhost"
    message = OutboxMessage(
        message_id=f"<{uuid.uuid4().hex}@{domain}>",
        to_address=to,
        reply_to=reply_to,
        subject=subject_text[:255],
        body_text=body,
        locale=locale,
        attachments=[OutboxAttachment(filename=a.filename, content_type=a.content_type,
                                      content=a.content) for a in attachments],
    )
    session.add(message)
    session.flush()
    return message
