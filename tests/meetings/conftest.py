"""The cast of the meetings tests: the advisory council with members and a personal deputy, a
place, and one user per role of the permission matrix."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from flask import Flask
from flask_login import AnonymousUserMixin
from sqlalchemy.orm import Session

from tests.council.factories import create_body, create_membership, create_person, create_term
from tests.facilitators.factories import create_facilitator
from tests.factories import create_user
from tests.helpers import csrf_token
from tests.municipalities.factories import create_contact, create_municipality

from .factories import create_place

ROLES = ["anonymous", "invited", "not_invited", "deputy", "facilitator", "contact", "editor",
         "officer", "admin"]


@dataclass
class Cast:
    council: Any
    term: Any
    place: Any
    users: dict[str, Any]
    persons: dict[str, Any]
    memberships: dict[str, Any]

    def user(self, role: str) -> Any:
        return self.users[role]


@pytest.fixture()
def ctx(app: Flask) -> Iterator[None]:
    """A request context for service tests (mail and messages need one)."""
    with app.test_request_context():
        yield


@pytest.fixture()
def cast(db_session: Session) -> Cast:
    council = create_body(db_session, name="Inklusionsbeirat Test", notice_period_days=14)
    term = create_term(db_session, council)
    users: dict[str, Any] = {"anonymous": AnonymousUserMixin()}
    persons: dict[str, Any] = {}
    memberships: dict[str, Any] = {}
    for role, name in (("invited", "Mara Mitglied"), ("not_invited", "Otto Anders"),
                       ("deputy", "Dora Vertretung")):
        users[role] = create_user(db_session, email=f"{role}@example.org", display_name=name)
        persons[role] = create_person(db_session, name=name, user_id=users[role].id,
                                      email=f"{role}@example.org")
    memberships["invited"] = create_membership(db_session, term, persons["invited"])
    memberships["deputy"] = create_membership(db_session, term, persons["deputy"],
                                              role="deputy",
                                              deputy_for_id=memberships["invited"].id)
    persons["plain"] = create_person(db_session, name="Paul Ohnekonto", email=None)
    memberships["plain"] = create_membership(db_session, term, persons["plain"])
    for role in ("editor", "officer", "admin"):
        users[role] = create_user(db_session, role=role, email=f"{role}@example.org")
    town = create_municipality(db_session, "Kamen", ags="05978020")
    users["facilitator"] = create_user(db_session, email="facilitator@example.org",
                                       display_name="Fenja Begleitung")
    persons["facilitator"] = create_facilitator(
        db_session, town, "active", name="Fenja Begleitung (erfunden)",
        user=users["facilitator"]).person
    users["contact"] = create_user(db_session, email="contact@example.org")
    create_contact(db_session, users["contact"], town)
    place = create_place(db_session, name="Kreishaus Unna", step_free_entrance=True)
    return Cast(council, term, place, users, persons, memberships)


def post(client: Any, url: str, data: dict[str, Any], page: str) -> Any:
    """Open the page like a browser, then send the form with its CSRF token."""
    token = csrf_token(client.get(page))
    return client.post(url, data={**data, "csrf_token": token})


def new_feed(client: Any) -> str:
    """Make the signed-in person a new calendar feed, as on /mein-bereich/kalender; its path
    (/kalender/<secret>.ics), read from the page that shows it once."""
    html = post(client, "/mein-bereich/kalender", {"action": "new"},
                "/mein-bereich/kalender").get_data(as_text=True)
    start = html.index("/kalender/")
    return html[start:html.index(".ics", start) + len(".ics")]
