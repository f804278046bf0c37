"""The directory and the overview cost the same number of SQL statements for 10 or 400
facilitators (counted with SQLAlchemy's before_cursor_execute event)."""

from __future__ import annotations

import pytest

from tests.conftest import login
from tests.helpers import count_statements

from .factories import create_facilitator

STATUSES = ["active", "confirmed", "proposed", "sent_back", "ended"]


def _fill(db_session, cast, total):
    municipalities = [cast.bergkamen, cast.kamen]
    for number in range(total):
        create_facilitator(db_session, municipalities[number % 2], STATUSES[number % 5],
                           listed=number % 3 != 0)


def _statements(client, connection, url):
    client.get(url)  # warm up: the user and the session are loaded the same way each time
    with count_statements(connection) as statements:
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
