"""Many rows in few statements, for the bulk builders of the query-count tests and `make bench`."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session


def insert_rows(session: Session, model: Any, rows: list[dict[str, Any]]) -> None:
    """INSERT `rows` as statements of up to 1,000 rows each, not one statement per row.

    Without RETURNING, SQLAlchemy hands the rows to psycopg's `executemany`, which sends one
    INSERT per row; with it, SQLAlchemy writes them into multi-row INSERTs ("insertmanyvalues").
    On PostgreSQL, statement triggers keep the counts of agenda items, meetings, news posts,
    comments and tags. Fired once per row, they updated the same count row once per row in one
    transaction, which cannot clear away the row's old versions: building the large bench data
    (100,000 posts and their comments) took about ten minutes, most of them with PostgreSQL busy
    on single-row INSERTs of comments; it now takes 2½."""
    if rows:
        session.execute(insert(model).returning(*model.__table__.primary_key.columns), rows)
