"""The cast of the municipalities tests: Bergkamen and Kamen, and one user per role."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from flask_login import AnonymousUserMixin

from tests.factories import create_user

from .factories import create_contact, create_facilitator, create_municipality

ROLES = ["anonymous", "member", "facilitator", "contact_here", "contact_other", "editor",
         "officer", "admin"]


@dataclass
class Cast:
    bergkamen: Any
    kamen: Any
    users: dict[str, Any]
    own_facilitator: Any

    def user(self, role: str) -> Any:
        return self.users[role]


@pytest.fixture()
def cast(db_session) -> Cast:
    bergkamen = create_municipality(db_session, "Bergkamen", ags="05978004")
    kamen = create_municipality(db_session, "Kamen", ags="05978020")
    users: dict[str, Any] = {"anonymous": AnonymousUserMixin()}
    for role in ("member", "editor", "officer", "admin"):
        users[role] = create_user(db_session, role=role, email=f"{role}@example.org")
    users["facilitator"] = create_user(db_session, email="facilitator@example.org",
                                       display_name="Fenja Begleitung")
    own = create_facilitator(db_session, bergkamen, "active", name="Fenja Begleitung (erfunden)",
                             user=users["facilitator"])
    users["contact_here"] = create_user(db_session, email="contact.bergkamen@example.org",
                                        display_name="Berta Kontakt")
    create_contact(db_session, users["contact_here"], bergkamen)
    users["contact_other"] = create_user(db_session, email="contact.kamen@example.org",
                                         display_name="Kurt Kontakt")
    create_contact(db_session, users["contact_other"], kamen)
    return Cast(bergkamen, kamen, users, own)
