"""The change log: who changed what, before → after, for the officer and the admin only."""

from __future__ import annotations

import pytest
from flask_login import AnonymousUserMixin
from sqlalchemy import insert, select

from partizipation.accounts.models import User
from partizipation.audit.models import AuditEntry
from partizipation.audit.views import can_view_audit_log
from partizipation.db import utcnow
from tests.conftest import login
from tests.council.conftest import post
from tests.council.factories import create_body
from tests.factories import create_user
from tests.helpers import count_statements, page_text

ROLES = ["anonymous", "member", "officer", "editor", "admin"]


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(role):
    user = AnonymousUserMixin() if role == "anonymous" else User(id=1, role=role)
    assert can_view_audit_log(user) is (role in {"officer", "admin"})


def test_a_change_made_through_a_form_is_logged_with_who_and_what(client, db_session):
    officer = create_user(db_session, role="officer", display_name="Olga Officer")
    body = create_body(db_session, name="Alter Name")
    login(client, officer.email)
    post(client, f"/verwaltung/gremien/{body.id}/bearbeiten", {
        "name": "Neuer Name", "kind": body.kind, "is_public": "y", "version": body.version,
        "min_meetings_per_year": "2", "target_meetings_per_year": "4",
        "notice_period_days": "14"})
    entry = db_session.scalars(select(AuditEntry).where(
        AuditEntry.table_name == "bodies", AuditEntry.row_id == body.id,
        AuditEntry.action == "changed")).one()
    assert entry.actor_id == officer.id
    assert entry.changes["name"] == ["Alter Name", "Neuer Name"]
    text = page_text(client.get("/verwaltung/protokoll?art=bodies"))
    assert "Olga Officer" in text and "Alter Name → Neuer Name" in text


def test_the_log_pages_with_a_constant_number_of_statements(client, db_session, connection):
    login(client, create_user(db_session, role="admin").email)

    def add(n):  # type: ignore[no-untyped-def]
        db_session.execute(insert(AuditEntry), [
            {"at": utcnow(), "table_name": "persons", "row_id": i, "action": "changed",
             "changes": {"name": ["A", "B"]}} for i in range(n)])

    def count():  # type: ignore[no-untyped-def]
        with count_statements(connection) as statements:
            assert client.get("/verwaltung/protokoll?seite=2").status_code == 200
        return len(statements)

    add(30)
    small = count()
    add(1000)
    assert count() == small


def test_members_and_editors_cannot_see_the_log(client, db_session):
    for role in ("member", "editor"):
        fresh = client.application.test_client()
        login(fresh, create_user(db_session, role=role).email)
        assert fresh.get("/verwaltung/protokoll").status_code == 403
