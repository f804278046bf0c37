"""The personal calendar feed: a secret address per account, revocable. Only the SHA-256 of the
secret is stored, so the address is shown once, when it is made; a new one replaces the old."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..accounts.models import User
from ..locking import lock_row
from ..people.models import Person
from .models import CalendarToken


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def token_of(session: Session, user: Any) -> CalendarToken | None:
    return session.scalar(select(CalendarToken).where(CalendarToken.user_id == user.id))


def new_token(session: Session, user: User) -> str:
    """Make a new secret for `user` (the old address stops working); returns the secret."""
    lock_row(session, User, user.id)
    session.execute(delete(CalendarToken).where(CalendarToken.user_id == user.id))
    token = secrets.token_urlsafe(32)
    session.add(CalendarToken(user_id=user.id, token_hash=digest(token)))
    session.flush()
    return token


def revoke(session: Session, user: Any) -> None:
    session.execute(delete(CalendarToken).where(CalendarToken.user_id == user.id))
    session.flush()


def owner_of(session: Session, token: str) -> tuple[User, Person | None] | None:
    """The active account a feed secret belongs to and its person, in one statement (None for
    an unknown or revoked secret)."""
    if not token or len(token) > 100:
        return None
    row = session.execute(
        select(User, Person)
        .join(CalendarToken, CalendarToken.user_id == User.id)
        .outerjoin(Person, Person.user_id == User.id)
        .where(CalendarToken.token_hash == digest(token))).first()
    if row is None or not row[0].is_active:
        return None
    return row[0], row[1]
