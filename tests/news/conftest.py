"""The cast of the news tests: one user per role, including the scoped ones (facilitator,
municipality contact), and two authors, each with a post."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from flask_login import AnonymousUserMixin

from tests.facilitators.factories import create_facilitator
from tests.factories import create_user
from tests.municipalities.factories import create_contact, create_municipality

ROLES = ["anonymous", "member", "facilitator", "contact", "author", "other_author", "editor",
         "officer", "admin"]


@dataclass
class Cast:
    users: dict[str, Any]

    def user(self, role: str) -> Any:
        return self.users[role]


@pytest.fixture()
def app_config(tmp_path) -> dict[str, Any]:
    return {"UPLOAD_FOLDER": str(tmp_path / "uploads")}


@pytest.fixture()
def cast(db_session) -> Cast:
    users: dict[str, Any] = {"anonymous": AnonymousUserMixin()}
    for role in ("member", "editor", "officer", "admin"):
        users[role] = create_user(db_session, role=role, email=f"news.{role}@example.org",
                                  display_name=f"News {role} (erfunden)")
    users["author"] = create_user(db_session, email="autorin@example.org",
                                  display_name="Anna Autorin (erfunden)")
    users["other_author"] = create_user(db_session, email="autor2@example.org",
                                        display_name="Otto Anderer (erfunden)")
    town = create_municipality(db_session, "Unna", ags="05978036")
    users["facilitator"] = create_user(db_session, email="news.begleitung@example.org",
                                       display_name="Fenja Begleitung (erfunden)")
    create_facilitator(db_session, town, "active", user=users["facilitator"])
    users["contact"] = create_user(db_session, email="news.kontakt@example.org",
                                   display_name="Kurt Kontakt (erfunden)")
    create_contact(db_session, users["contact"], town)
    return Cast(users)
