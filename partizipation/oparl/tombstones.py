"""Removed agenda items and documents leave a tombstone (models.Tombstone), whichever way they
are removed: one by one through the ORM (`session.delete`) or many at once with a DELETE
statement. Nothing else of them is kept."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, event, insert, select
from sqlalchemy.orm import ORMExecuteState, Session

from ..db import utcnow
from ..meetings.models import AgendaItem, Document
from .models import Tombstone

KIND_OF: dict[type, str] = {AgendaItem: "agendaItem", Document: "file"}


def bury(connection_or_session: Any, kind: str, rows: list[tuple[Any, ...]]) -> None:
    """Record that these (id, created[, order]) rows of `kind` are gone."""
    if not rows:
        return
    ids = [row[0] for row in rows]
    now = utcnow()
    connection_or_session.execute(delete(Tombstone).where(
        Tombstone.kind == kind, Tombstone.object_id.in_(ids)))
    connection_or_session.execute(insert(Tombstone), [
        {"kind": kind, "object_id": row[0], "created_at": row[1], "deleted_at": now,
         "order": row[2] if len(row) > 2 else None} for row in rows])


def _after_delete(mapper: Any, connection: Any, target: Any) -> None:
    bury(connection, KIND_OF[mapper.class_],
         [(target.id, target.created_at, getattr(target, "position", None))])


for _model in KIND_OF:
    event.listen(_model, "after_delete", _after_delete)


@event.listens_for(Session, "do_orm_execute")
def _bulk_delete(state: ORMExecuteState) -> None:
    if not state.is_delete or state.bind_mapper is None:
        return
    model = state.bind_mapper.class_
    kind = KIND_OF.get(model)
    if kind is None:
        return
    query = select(model.id, model.created_at,
                   *([model.position] if hasattr(model, "position") else []))
    where = state.statement.whereclause  # type: ignore[attr-defined]
    if where is not None:
        query = query.where(where)
    bury(state.session, kind, [tuple(row) for row in state.session.execute(query)])
