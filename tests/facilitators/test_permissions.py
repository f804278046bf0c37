"""Every permission check over every role: who may, and — as important — who may not."""

from __future__ import annotations

import pytest

from partizipation.facilitators import permissions as perms
from tests.municipalities.factories import ROLES, end_contact_role

from .factories import create_facilitator

OFFICE = {"officer", "admin"}
HERE = {"contact_here", "officer", "admin"}


def _check(app, cast, role, check, *args):
    # A fresh request context each time: the contact rows are cached per request.
    with app.test_request_context():
        return check(cast.user(role), *args)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("check", "allowed"), [
    (perms.can_view_network, OFFICE),
    (perms.can_email_facilitators, OFFICE),
    (perms.is_facilitator, {"facilitator"}),
])
def test_global_checks(app, cast, role, check, allowed):
    assert _check(app, cast, role, check) is (role in allowed)


@pytest.mark.parametrize("role", ROLES)
def test_manage_facilitators_of_bergkamen(app, cast, role):
    assert _check(app, cast, role, perms.can_manage_facilitators, cast.bergkamen) is (role in HERE)


@pytest.mark.parametrize("role", ROLES)
def test_manage_facilitators_of_some_municipality(app, cast, role):
    expected = role in HERE | {"contact_other"}
    assert _check(app, cast, role, perms.can_manage_facilitators) is expected


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("check", "status", "allowed"), [
    (perms.can_view_facilitator, "proposed", HERE),
    (perms.can_view_facilitator, "ended", HERE),
    (perms.can_edit_facilitator, "proposed", HERE),
    (perms.can_edit_facilitator, "sent_back", HERE),
    (perms.can_edit_facilitator, "ended", set()),
    (perms.can_decide_facilitator, "proposed", OFFICE),
    (perms.can_decide_facilitator, "confirmed", set()),
    (perms.can_decide_facilitator, "sent_back", set()),
    (perms.can_activate_facilitator, "confirmed", HERE),
    (perms.can_activate_facilitator, "proposed", set()),
    (perms.can_end_facilitator, "active", HERE),
    (perms.can_end_facilitator, "ended", set()),
    (perms.can_edit_own_facilitator_data, "active", set()),
    (perms.can_invite_facilitator, "confirmed", OFFICE),
    (perms.can_invite_facilitator, "active", OFFICE),
    (perms.can_invite_facilitator, "proposed", set()),
])
def test_facilitator_checks(app, db_session, cast, role, check, status, allowed):
    facilitator = create_facilitator(db_session, cast.bergkamen, status)
    assert _check(app, cast, role, check, facilitator) is (role in allowed)


@pytest.mark.parametrize("role", ROLES)
def test_kamen_facilitator_is_only_for_kamen_and_the_office(app, db_session, cast, role):
    facilitator = create_facilitator(db_session, cast.kamen, "proposed")
    expected = role in OFFICE | {"contact_other"}
    assert _check(app, cast, role, perms.can_edit_facilitator, facilitator) is expected
    assert _check(app, cast, role, perms.can_view_facilitator, facilitator) is expected


@pytest.mark.parametrize("role", ROLES)
def test_own_data_only_for_the_facilitator_themselves(app, cast, role):
    expected = role == "facilitator"
    assert _check(app, cast, role, perms.can_edit_own_facilitator_data,
                  cast.own_facilitator) is expected


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("status", "listed", "email", "public"), [
    ("active", True, "", True),
    ("confirmed", True, "", True),
    ("proposed", True, "", False),
    ("ended", True, "", False),
    ("active", False, "", False),
    ("active", True, None, False),
])
def test_contact_form_for_listed_confirmed_or_active_with_address(
        app, db_session, cast, role, status, listed, email, public):
    facilitator = create_facilitator(db_session, cast.bergkamen, status, listed=listed,
                                     email=email)
    assert _check(app, cast, role, perms.can_contact_facilitator, facilitator) is public


def test_an_ended_contact_role_gives_no_power(app, db_session, cast):
    end_contact_role(db_session, cast.user("contact_here"))
    assert not _check(app, cast, "contact_here", perms.can_manage_facilitators, cast.bergkamen)


@pytest.mark.parametrize("role", ROLES)
def test_a_facilitator_with_an_account_is_not_invited_again(app, cast, role):
    assert not _check(app, cast, role, perms.can_invite_facilitator, cast.own_facilitator)
