"""The cast of the agreements and milestones tests: the municipalities' cast (Bergkamen, Kamen,
one user per role)."""

from __future__ import annotations

import pytest

from tests.municipalities.factories import Cast, build_cast


@pytest.fixture()
def cast(db_session) -> Cast:
    return build_cast(db_session)


@pytest.fixture()
def app_config(tmp_path):
    return {"UPLOAD_FOLDER": str(tmp_path)}
