"""Every decisions permission as a matrix over the roles (see tests/meetings/test_permissions)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from partizipation.decisions import permissions as p
from tests.meetings.test_permissions import (
    EVERYONE,
    HELD,
    INVITED,
    PLANNED,
    PRIVATE_HELD,
    ROLES,
    STAFF,
    invitee,
    user,
)


def decision(of, item_public=True):
    return SimpleNamespace(meeting=of, item=SimpleNamespace(is_public=item_public))


MATRIX = {
    "view public decision": (p.can_view_decision, HELD, (decision(HELD),), EVERYONE),
    "view decision of a non-public item": (
        p.can_view_decision, HELD, (decision(HELD, item_public=False),), INVITED | STAFF),
    "view decision of a private meeting": (
        p.can_view_decision, PRIVATE_HELD, (decision(PRIVATE_HELD),), INVITED | STAFF),
    "view decision of a planned meeting": (
        p.can_view_decision, PLANNED, (decision(PLANNED),), STAFF),
    "record decisions": (p.can_record_decisions, None, (), STAFF),
    "move decisions": (p.can_move_decision, None, (), STAFF),
    "follow up": (p.can_follow_up, None, (), STAFF),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", sorted(MATRIX))
def test_permission_matrix(case, role):
    check, own_of, args, allowed = MATRIX[case]
    extra = ()
    if own_of is not None:
        extra = (invitee(role, own_of) if role in INVITED else None,)
    assert check(user(role), *args, *extra) is (role in allowed)


def test_public_decision():
    assert p.is_public_decision(decision(HELD))
    assert not p.is_public_decision(decision(HELD, item_public=False))
    assert not p.is_public_decision(decision(PRIVATE_HELD))


def test_every_check_is_in_the_matrix():
    covered = {check for check, *_rest in MATRIX.values()} | {p.is_public_decision}
    assert covered == set(p.CHECKS)
