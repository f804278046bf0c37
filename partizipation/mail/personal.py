"""Mail to or from a person: kept only until sent (see `purge_sent`), deleted on erasure."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, func, or_
from sqlalchemy.orm import Session

from ..accounts.models import User
from ..people.models import Person
from .models import OutboxMessage


def _addresses(user: User, person: Person | None) -> set[str]:
    found = {user.email.lower()}
    if person is not None and person.email:
        found.add(person.email.lower())
    return found


def export(session: Session, user: User, person: Person | None) -> dict[str, Any]:
    """Queued or recently sent mail is a technical copy of what was sent to the person."""
    return {}


def erase(session: Session, user: User, person: Person | None) -> None:
    """Delete every stored message to or from the person (links, relayed messages)."""
    addresses = _addresses(user, person)
    session.execute(delete(OutboxMessage).where(or_(
        func.lower(OutboxMessage.to_address).in_(addresses),
        func.lower(OutboxMessage.reply_to).in_(addresses),
    )).execution_options(synchronize_session=False))
