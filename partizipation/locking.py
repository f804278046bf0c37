"""Rules that must hold with two people at once.

A rule checked in Python ("one chair at a time", "confirm only a proposed facilitator") holds
against a concurrent session only if the check and the change happen while the other session
waits. `lock_row` makes it wait: on PostgreSQL a `SELECT … FOR UPDATE` on the row the rule is
about (the body, the facilitator, the user), held until commit; the second session then reads
what the first committed and gets the rule's clear message. SQLite serialises writing
transactions as a whole (db.py begins them with BEGIN IMMEDIATE), so there is nothing to add.
Uniqueness is also held by unique and partial unique indexes; `lock_row` is the general tool for
rules an index cannot express.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session


def lock_row(session: Session, model: Any, ident: int) -> None:
    """Hold `model`'s row `ident` until the transaction ends (no-op on SQLite, see above)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(model.id).where(model.id == ident).with_for_update())


def load_for_update(session: Session, model: Any, ident: int) -> Any:
    """The row, locked and freshly read (None if it does not exist)."""
    lock_row(session, model, ident)
    row = session.get(model, ident)
    if row is not None:
        session.refresh(row)
    return row
