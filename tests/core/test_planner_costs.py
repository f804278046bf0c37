"""PostgreSQL plans the platform's statements for data held in memory: a random page read costs
about what a sequential one does (`db.RANDOM_PAGE_COST`), so a page's hundred rows of a small
table are looked up by index instead of the whole table being scanned and hashed."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from partizipation.db import RANDOM_PAGE_COST


def test_postgresql_sessions_price_random_reads_for_memory(db_session) -> None:
    if db_session.get_bind().dialect.name != "postgresql":
        pytest.skip("a setting of PostgreSQL's planner")
    assert float(db_session.scalar(text("SHOW random_page_cost"))) == RANDOM_PAGE_COST == 1.1
