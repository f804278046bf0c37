"""Helpers for the account tests: send a form like a browser, read the outbox."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from partizipation.mail.models import OutboxMessage
from tests.helpers import csrf_token

LINK = re.compile(r"https?://[^\s/]+(/\S+)")


def send_form(
    client: Any, url: str, data: dict[str, Any], page_url: str | None = None, **kwargs: Any
) -> Any:
    """Open the page, then post `data` with the page's CSRF token."""
    token = csrf_token(client.get(page_url or url, **kwargs))
    return client.post(url, data={**data, "csrf_token": token}, **kwargs)


def outbox(session: Session, to: str | None = None) -> list[OutboxMessage]:
    session.expire_all()
    query = select(OutboxMessage).order_by(OutboxMessage.id)
    if to is not None:
        query = query.where(OutboxMessage.to_address == to)
    return list(session.scalars(query))


def link_in(message: OutboxMessage) -> str:
    """The path of the (only) link in a mail body."""
    match = LINK.search(message.body_text)
    assert match, message.body_text
    return match.group(1)
