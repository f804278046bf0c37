"""A connection the database server dropped (a restart, an idle timeout) is replaced before a
page uses it: the visitor sees the page, not the 503 page. Checked once it has lain idle for more
than a second (db.PING_AFTER_IDLE); one used a moment ago is taken as it is."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, exc, text
from sqlalchemy.pool import NullPool

from partizipation import db as db_module
from partizipation.db import make_engine


@pytest.fixture()
def pg_engine(database_url: str):  # type: ignore[no-untyped-def]
    if not database_url.startswith("postgresql"):
        pytest.skip("a server that drops connections: PostgreSQL")
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


def _backend_pid(engine) -> int:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return int(conn.execute(text("SELECT pg_backend_pid()")).scalar_one())


def _drop(engine, pid: int) -> None:  # type: ignore[no-untyped-def]
    """The server ends that connection (as a restart would), asked from outside the pool."""
    outside = create_engine(engine.url, poolclass=NullPool)
    with outside.connect() as other:
        other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    outside.dispose()


def test_a_dropped_connection_idle_for_a_while_is_replaced(pg_engine, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    pid = _backend_pid(pg_engine)
    _drop(pg_engine, pid)
    monkeypatch.setattr(db_module, "PING_AFTER_IDLE", -1.0)  # idle "for a while" from now on
    with pg_engine.connect() as conn:
        assert conn.execute(text("SELECT 1")).scalar_one() == 1
        assert conn.execute(text("SELECT pg_backend_pid()")).scalar_one() != pid


def test_without_the_check_the_dropped_connection_fails(pg_engine, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """What the check saves the visitor from: used unchecked, the dropped connection fails."""
    monkeypatch.setattr(db_module, "PING_AFTER_IDLE", 3600.0)
    pid = _backend_pid(pg_engine)
    _drop(pg_engine, pid)
    with pytest.raises(exc.DBAPIError) as failed, pg_engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    assert failed.value.connection_invalidated
