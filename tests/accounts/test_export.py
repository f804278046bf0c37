"""The account's part of the data export."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from partizipation.accounts.personal import export
from tests.conftest import create_user


def test_export_has_the_account_data_and_never_the_hash(db_session):
    user = create_user(db_session, email="maria@example.org", display_name="Maria",
                       role="editor", locale="en",
                       last_login_at=datetime(2026, 3, 27, 9, 30, tzinfo=UTC))
    data = export(db_session, user, None)
    assert data["email"] == "maria@example.org"
    assert data["display_name"] == "Maria"
    assert (data["locale"], data["role"]) == ("en", "editor")
    assert data["last_login_at"] == "2026-03-27T09:30:00+00:00"
    assert data["created_at"]
    text = json.dumps(data)
    assert user.password_hash not in text and "argon2" not in text
    assert "session_version" not in data
