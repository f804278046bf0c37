"""The cast of the facilitators tests: the municipalities' cast (Bergkamen and Kamen, one user
per role, a contact of each), and the "facilitator" user active in Bergkamen."""

from __future__ import annotations

import pytest

from tests.municipalities.factories import Cast, build_cast

from .factories import create_facilitator


@pytest.fixture()
def cast(db_session) -> Cast:
    cast = build_cast(db_session)
    cast.own_facilitator = create_facilitator(
        db_session, cast.bergkamen, "active", name="Fenja Begleitung (erfunden)",
        user=cast.user("facilitator"))
    return cast
