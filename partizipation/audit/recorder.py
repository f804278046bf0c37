"""Records every change of an audited model at flush time, in the same transaction.

A model is audited when it has `__audit__ = True`; fields listed in `__audit_skip__` (and the
bookkeeping columns below) are left out. The actor is `session.info["actor_id"]` when a command
set it, else the signed-in user of the request, else nobody (the system).
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

from flask import has_request_context
from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session

from ..db import utcnow
from .models import AuditEntry

SKIP = {"id", "version", "created_at", "updated_at", "password_hash", "session_version",
        "last_login_at"}


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _fields(obj: Any) -> list[str]:
    skip = SKIP | set(getattr(obj, "__audit_skip__", ()))
    return [c.key for c in inspect(obj).mapper.column_attrs if c.key not in skip]


def _changes(obj: Any, action: str) -> dict[str, list[Any]]:
    state = inspect(obj)
    found: dict[str, list[Any]] = {}
    for name in _fields(obj):
        history = state.attrs[name].history
        if action == "created":
            value = getattr(obj, name)
            if value not in (None, ""):
                found[name] = [None, _plain(value)]
        elif action == "deleted":
            found[name] = [_plain(getattr(obj, name)), None]
        elif history.has_changes():
            before = history.deleted[0] if history.deleted else None
            after = history.added[0] if history.added else None
            if _plain(before) != _plain(after):
                found[name] = [_plain(before), _plain(after)]
    return found


def _actor_id(session: Session) -> int | None:
    if "actor_id" in session.info:
        return session.info["actor_id"]  # type: ignore[no-any-return]
    if has_request_context():
        from flask_login import current_user

        if current_user and current_user.is_authenticated:
            return current_user.id  # type: ignore[no-any-return]
    return None


def _audited(obj: Any) -> bool:
    return bool(getattr(type(obj), "__audit__", False))


def _after_flush(session: Session, _context: Any) -> None:
    rows = []
    now = utcnow()
    for action, objects in (("created", session.new), ("changed", session.dirty),
                            ("deleted", session.deleted)):
        for obj in objects:
            if not _audited(obj):
                continue
            changes = _changes(obj, action)
            if action == "changed" and not changes:
                continue
            rows.append({"at": now, "table_name": obj.__tablename__,
                         "row_id": inspect(obj).identity[0] if action != "created" else obj.id,
                         "action": action, "changes": changes})
    if rows:
        actor = _actor_id(session)
        for row in rows:
            row["actor_id"] = actor
        session.connection().execute(insert(AuditEntry), rows)


def install() -> None:
    """Listen on every session (once per process)."""
    if not event.contains(Session, "after_flush", _after_flush):
        event.listen(Session, "after_flush", _after_flush)
