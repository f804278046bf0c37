"""Moments are stored and read back as timezone-aware UTC datetimes on both databases: SQLite
keeps no offset (UTCDateTime adds it), and PostgreSQL connections run in UTC whatever the
server's default zone, so psycopg's values come with `datetime.UTC` and need no conversion."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, text

from partizipation.accounts.models import User
from tests.factories import create_user


def test_a_moment_comes_back_as_the_same_instant_in_utc(db_session) -> None:
    written = datetime(2026, 3, 29, 3, 30, tzinfo=ZoneInfo("Europe/Berlin"))  # summer time
    user = create_user(db_session, created_at=written)
    db_session.expire_all()
    read = db_session.scalar(select(User.created_at).where(User.id == user.id))
    assert read == written
    assert read.tzinfo is UTC
    assert read.isoformat() == "2026-03-29T01:30:00+00:00"


def test_postgresql_connections_run_in_utc(db_session) -> None:
    if db_session.get_bind().dialect.name != "postgresql":
        pytest.skip("the session time zone of PostgreSQL connections")
    assert db_session.scalar(text("SHOW TimeZone")) == "UTC"
