"""Server-side session records (issue 12.3).

The signed cookie carries a random key; the `user_sessions` table holds its SHA-256. A request
is signed in only while its row exists and is younger than `SESSION_MAX_HOURS`: logging out,
"sign out everywhere", a new password and a deactivation delete rows, so a copied cookie stops
working at once. Expired rows are deleted at every sign-in and by the `purge-outbox` command.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any

from flask import current_app, request
from flask import session as cookie
from sqlalchemy import Select, bindparam, delete, select
from sqlalchemy.orm import Session

from .models import User, UserSession

KEY = "sid"


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def _wall_clock() -> datetime:
    """A sign-in's age is measured by the wall clock, not the platform's (which tests move to a
    meeting's start, and which must not sign anybody out)."""
    return datetime.now(UTC)


def _cutoff() -> datetime:
    return _wall_clock() - timedelta(hours=int(current_app.config.get("SESSION_MAX_HOURS", 24)))


def start(session: Session, user: User) -> None:
    """A new row for this browser (the earlier one of this cookie, if any, ends)."""
    end_current(session)
    purge_expired(session)
    key = secrets.token_urlsafe(32)
    agent = (request.user_agent.string or "")[:200] if request else ""
    session.add(UserSession(user_id=user.id, key_hash=_digest(key), user_agent=agent,
                            created_at=_wall_clock()))
    session.flush()
    cookie[KEY] = key


def end_current(session: Session) -> None:
    key = cookie.pop(KEY, None)
    if key:
        session.execute(delete(UserSession).where(UserSession.key_hash == _digest(str(key))))


def end_all(session: Session, user: User) -> int:
    """Sign the account out on every device; the number of sessions ended."""
    result = session.execute(delete(UserSession).where(UserSession.user_id == user.id))
    return int(getattr(result, "rowcount", 0) or 0)


@cache
def _user_of_session() -> Select[User]:
    """The statement of `load_user`, built once: every signed-in request runs it, and building
    it (and its cache key) again each time cost about as much as running it."""
    return select(User).join(UserSession, UserSession.user_id == User.id).where(
        User.id == bindparam("user_id"), UserSession.key_hash == bindparam("key_hash"),
        UserSession.created_at > bindparam("cutoff"))


def load_user(session: Session, user_id: int) -> User | None:
    """The account of this cookie's session, in one query; None when the session ended."""
    key = cookie.get(KEY)
    if not key:
        return None
    return session.scalar(_user_of_session(), {
        "user_id": user_id, "key_hash": _digest(str(key)), "cutoff": _cutoff()})


def current_id(session: Session) -> int | None:
    key = cookie.get(KEY)
    if not key:
        return None
    return session.scalar(select(UserSession.id).where(UserSession.key_hash == _digest(str(key))))


def active(session: Session, user: Any) -> list[UserSession]:
    """The account's sessions that still work, newest first (few: purged at each sign-in)."""
    return list(session.scalars(select(UserSession).where(
        UserSession.user_id == user.id, UserSession.created_at > _cutoff())
        .order_by(UserSession.created_at.desc(), UserSession.id.desc())))


def purge_expired(session: Session) -> int:
    result = session.execute(delete(UserSession).where(UserSession.created_at <= _cutoff()))
    return int(getattr(result, "rowcount", 0) or 0)
