"""Every permission check over every role: who may, and — as important — who may not."""

from __future__ import annotations

import pytest

from partizipation.municipalities import permissions as perms

from .factories import ROLES, end_contact_role

OFFICE = {"officer", "admin"}


def _check(app, cast, role, check, *args):
    # A fresh request context each time: the contact rows are cached per request.
    with app.test_request_context():
        return check(cast.user(role), *args)


@pytest.mark.parametrize("role", ROLES)
def test_manage_municipalities(app, cast, role):
    assert _check(app, cast, role, perms.can_manage_municipalities) is (role in OFFICE)
    assert _check(app, cast, role, perms.can_manage_municipalities, cast.kamen) is (
        role in OFFICE)


@pytest.mark.parametrize("role", ROLES)
def test_is_contact_of_bergkamen(app, cast, role):
    expected = role == "contact_here"
    assert _check(app, cast, role, perms.is_municipality_contact, cast.bergkamen) is expected


@pytest.mark.parametrize("role", ROLES)
def test_is_contact_of_some_municipality(app, cast, role):
    expected = role in {"contact_here", "contact_other"}
    assert _check(app, cast, role, perms.is_municipality_contact) is expected


def test_an_ended_contact_role_is_no_contact_role(app, db_session, cast):
    end_contact_role(db_session, cast.user("contact_here"))
    assert not _check(app, cast, "contact_here", perms.is_municipality_contact, cast.bergkamen)
