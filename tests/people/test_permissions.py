"""Every permission of the people domain as a matrix over the roles."""

from __future__ import annotations

import pytest
from flask_login import AnonymousUserMixin

from partizipation.accounts.models import User
from partizipation.people import permissions as p

ROLES = ["anonymous", "member", "officer", "editor", "admin"]

MATRIX = {
    "manage persons": (p.can_manage_persons, {"officer", "admin"}),
    "export own data": (p.can_export_own_data, set(ROLES) - {"anonymous"}),
    "request deletion": (p.can_request_deletion, set(ROLES) - {"anonymous"}),
    # Completing a request deletes health data: the officer's task, not the admin's.
    "handle deletion requests": (p.can_handle_deletion_requests, {"officer"}),
}


def _user(role: str) -> object:
    if role == "anonymous":
        return AnonymousUserMixin()
    return User(id=ROLES.index(role), role=role, email=f"{role}@example.org", display_name=role)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", sorted(MATRIX))
def test_permission_matrix(case: str, role: str) -> None:
    check, allowed = MATRIX[case]
    assert check(_user(role)) is (role in allowed)


def test_every_check_is_in_the_matrix() -> None:
    assert {check for check, _ in MATRIX.values()} == set(p.CHECKS)
