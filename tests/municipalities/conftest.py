"""The cast of the municipalities tests (see factories.build_cast)."""

from __future__ import annotations

import pytest

from .factories import Cast, build_cast


@pytest.fixture()
def cast(db_session) -> Cast:
    return build_cast(db_session)
