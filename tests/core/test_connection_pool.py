"""Pooled PostgreSQL connections are tested before use only after sitting idle (issue 13: a ping
before every use cost each request a round trip), and one that the server closed meanwhile is
replaced without the visitor noticing."""

from __future__ import annotations

import pytest
from sqlalchemy import NullPool, create_engine, text

from partizipation import db
from partizipation.db import make_engine


@pytest.fixture()
def pg_engine(database_url):
    if not database_url.startswith("postgresql"):
        pytest.skip("a server that closes connections: PostgreSQL only")
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


def _pid(engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text("SELECT pg_backend_pid()")).scalar_one())


def _pings(engine, monkeypatch) -> list[int]:
    pings: list[int] = []
    original = engine.dialect.do_ping

    def counted(dbapi_connection):
        pings.append(1)
        return original(dbapi_connection)

    monkeypatch.setattr(engine.dialect, "do_ping", counted)
    return pings


def test_a_connection_back_in_use_at_once_is_not_pinged(pg_engine, monkeypatch):
    pings = _pings(pg_engine, monkeypatch)
    first = _pid(pg_engine)
    for _ in range(5):
        assert _pid(pg_engine) == first
    assert pings == []


def test_an_idle_connection_the_server_closed_is_replaced_unnoticed(
        pg_engine, database_url, monkeypatch):
    pings = _pings(pg_engine, monkeypatch)
    closed = _pid(pg_engine)
    killer = create_engine(database_url, poolclass=NullPool)
    with killer.connect() as conn:
        conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": closed})
    killer.dispose()
    monkeypatch.setattr(db, "PING_AFTER_IDLE", 0.0)  # as if it had sat idle for long
    replaced = _pid(pg_engine)
    assert replaced != closed
    assert pings == [1]
