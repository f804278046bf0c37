"""Every council permission as a matrix over the roles."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace

import pytest
from flask_login import AnonymousUserMixin

from partizipation.accounts.models import User
from partizipation.council import permissions as p
from partizipation.people.models import Person

ROLES = ["anonymous", "member", "other_member", "officer", "editor", "admin"]


def _user(name: str) -> object:
    if name == "anonymous":
        return AnonymousUserMixin()
    role = "member" if name == "other_member" else name
    return User(id=ROLES.index(name), role=role, email=f"{name}@example.org", display_name=name)


# The person the checks are about belongs to "member" (id 1).
PERSON = Person(id=10, name="Mara Mitglied", user_id=1)
ANONYMISED = Person(id=11, name="Anonymisiertes Mitglied", user_id=1,
                    anonymised_at=datetime(2026, 1, 1, tzinfo=UTC))
PUBLIC = SimpleNamespace(is_public=True)
PRIVATE = SimpleNamespace(is_public=False)

MATRIX = {
    # check, argument(s), roles allowed
    "view public body": (p.can_view_body, (PUBLIC,), set(ROLES)),
    "view private body": (p.can_view_body, (PRIVATE,), {"officer", "admin"}),
    "manage council": (p.can_manage_council, (), {"officer", "admin"}),
    "see contact details": (p.can_see_contact_details, (PERSON,), {"member", "officer", "admin"}),
    "view support needs": (p.can_view_support_needs, (PERSON,), {"member", "officer"}),
    "edit support needs": (p.can_edit_support_needs, (PERSON,), {"member"}),
    "edit anonymised support needs": (p.can_edit_support_needs, (ANONYMISED,), set()),
    "view support summary": (p.can_view_support_summary, (), {"officer"}),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", sorted(MATRIX))
def test_permission_matrix(case: str, role: str) -> None:
    check, args, allowed = MATRIX[case]
    assert check(_user(role), *args) is (role in allowed)


def test_every_check_is_in_the_matrix() -> None:
    covered = {check for check, _args, _allowed in MATRIX.values()}
    assert covered == set(p.CHECKS)


def test_no_one_sees_needs_of_a_person_without_account() -> None:
    nobody = Person(id=12, name="Ohne Konto", user_id=None)
    assert not p.can_view_support_needs(_user("member"), nobody)
    assert p.can_view_support_needs(_user("officer"), nobody)
    assert not p.can_view_support_needs(_user("admin"), nobody)
