"""Matrix: who may report barriers and who reads them."""

from __future__ import annotations

import pytest
from flask_login import AnonymousUserMixin

from partizipation.feedback.permissions import (
    can_manage_barrier_report,
    can_report_barrier,
    can_view_barrier_reports,
)
from tests.factories import create_user

ROLES = ["anonymous", "member", "editor", "officer", "admin"]


def make_user(db_session, role):
    return AnonymousUserMixin() if role == "anonymous" else create_user(db_session, role=role)


@pytest.mark.parametrize("role", ROLES)
def test_everybody_may_report_a_barrier(db_session, role):
    assert can_report_barrier(make_user(db_session, role)) is True


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("anonymous", False), ("member", False), ("editor", False), ("officer", True),
     ("admin", False)],
)
def test_only_the_officer_reads_the_reports(db_session, role, allowed):
    assert can_view_barrier_reports(make_user(db_session, role)) is allowed


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("anonymous", False), ("member", False), ("editor", False), ("officer", True),
     ("admin", False)],
)
def test_only_the_officer_changes_a_report(db_session, role, allowed):
    assert can_manage_barrier_report(make_user(db_session, role), object()) is allowed
