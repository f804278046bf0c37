"""The directory and the overview cost the same number of SQL statements for 10 or 400
facilitators (counted with SQLAlchemy's before_cursor_execute event)."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from sqlalchemy import event

from tests.conftest import login

from .factories import create_facilitator

STATUSES = ["active", "confirmed", "proposed", "sent_back", "ended"]


@contextmanager
def counted(engine_or_connection):
    statements: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    event.listen(engine_or_connection, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine_or_connection, "before_cursor_execute", count)


def _fill(db_session, cast, total):
    municipalities = [cast.bergkamen, cast.kamen]
    for number in range(total):
        create_facilitator(db_session, municipalities[number % 2], STATUSES[number % 5],
                           listed=number % 3 != 0)


def _statements(client, connection, url):
    client.get(url)  # warm up: the user and the session are loaded the same way each time
    with counted(connection) as statements:
        response = client.get(url)
    assert response.status_code == 200
    return len(statements)


@pytest.mark.parametrize("url", ["/kommunen", "/verwaltung/netzwerk", "/verwaltung/netzwerk.csv"])
def test_constant_number_of_queries(client, db_session, connection, cast, url):
    login(client, cast.user("officer").email)
    counts = []
    for total in (10, 390):  # 10, then 400 facilitators (plus the cast's own)
        _fill(db_session, cast, total)
        counts.append(_statements(client, connection, url))
    assert counts[0] == counts[1], counts
    assert 2 <= counts[0] <= 8, counts
