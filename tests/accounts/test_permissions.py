"""Matrix tests: every account permission over every role."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from flask_login import AnonymousUserMixin

from partizipation.accounts.permissions import (
    can_assign_role,
    can_change_role,
    can_change_user,
    can_deactivate_user,
    can_edit_profile,
    can_manage_users,
    can_reactivate_user,
)

ROLES = ["anonymous", "member", "editor", "officer", "admin"]


def actor(role: str):
    if role == "anonymous":
        return AnonymousUserMixin()
    return SimpleNamespace(id=1, role=role, is_authenticated=True)


def target(role: str = "member", active: bool = True, ident: int = 2):
    return SimpleNamespace(id=ident, role=role, is_active=active, is_authenticated=True)


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", False), ("member", True), ("editor", True), ("officer", True), ("admin", True)],
)
def test_can_edit_profile(role, expected):
    assert can_edit_profile(actor(role)) is expected


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", False), ("member", False), ("editor", False), ("officer", True),
     ("admin", True)],
)
def test_can_manage_users(role, expected):
    assert can_manage_users(actor(role)) is expected


# What each acting role may give: (member, editor, officer, admin)
ASSIGN = {
    "anonymous": (False, False, False, False),
    "member": (False, False, False, False),
    "editor": (False, False, False, False),
    "officer": (True, True, True, False),
    # Issue 12.1: the officer role opens health data, so only the officer gives it.
    "admin": (True, True, False, True),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("new_role", ["member", "editor", "officer", "admin"])
def test_can_assign_role(role, new_role):
    index = ["member", "editor", "officer", "admin"].index(new_role)
    assert can_assign_role(actor(role), new_role) is ASSIGN[role][index]


def test_nobody_assigns_an_unknown_role():
    assert can_assign_role(actor("admin"), "superuser") is False


# May the acting role change an account of the target role? (member, editor, officer, admin)
CHANGE = {
    "anonymous": (False, False, False, False),
    "member": (False, False, False, False),
    "editor": (False, False, False, False),
    "officer": (True, True, True, False),
    "admin": (True, True, True, True),
}
TARGET_ROLES = ["member", "editor", "officer", "admin"]
# Whose role the acting role may change: an officer's only the officer (issue 12.1).
ROLE_CHANGE = {**CHANGE, "admin": (True, True, False, True)}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("target_role", TARGET_ROLES)
def test_can_change_user(role, target_role):
    expected = CHANGE[role][TARGET_ROLES.index(target_role)]
    assert can_change_user(actor(role), target(target_role)) is expected


@pytest.mark.parametrize("role", ROLES)
def test_nobody_changes_their_own_account(role):
    me = actor(role)
    assert can_change_user(me, target("member", ident=getattr(me, "id", 1))) is False
    assert can_change_role(me, target("member", ident=1), "member") is False


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("target_role", TARGET_ROLES)
@pytest.mark.parametrize("new_role", TARGET_ROLES)
def test_can_change_role(role, target_role, new_role):
    expected = (
        ROLE_CHANGE[role][TARGET_ROLES.index(target_role)]
        and ASSIGN[role][TARGET_ROLES.index(new_role)]
    )
    assert can_change_role(actor(role), target(target_role), new_role) is expected
    assert can_change_role(actor(role), target(target_role)) is ROLE_CHANGE[role][
        TARGET_ROLES.index(target_role)
    ]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("target_role", TARGET_ROLES)
@pytest.mark.parametrize("active", [True, False])
def test_can_deactivate_and_reactivate(role, target_role, active):
    # Whether an officer may sign in is the officer's alone, like the officer's role (issue 12.1).
    allowed = ROLE_CHANGE[role][TARGET_ROLES.index(target_role)]
    who = target(target_role, active=active)
    assert can_deactivate_user(actor(role), who) is (allowed and active)
    assert can_reactivate_user(actor(role), who) is (allowed and not active)
