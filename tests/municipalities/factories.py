"""Factories of the municipalities domain, and the cast of its tests (and of the domains that
build on it): Bergkamen and Kamen, one user per role, a contact of each. Each flushes; the
test's transaction is rolled back."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from flask_login import AnonymousUserMixin
from sqlalchemy.orm import Session

from partizipation.accounts.models import User
from partizipation.municipalities.models import Municipality, MunicipalityContact
from tests.factories import create_user

_counter = itertools.count(1)

ROLES = ["anonymous", "member", "facilitator", "contact_here", "contact_other", "editor",
         "officer", "admin"]


def create_municipality(session: Session, name: str | None = None, **fields: Any) -> Municipality:
    number = next(_counter)
    # A made-up district key (0599…): never one of the cast's (Bergkamen 05978004, Kamen 05978020),
    # whichever test runs first.
    fields.setdefault("ags", f"0599{number % 10000:04d}")
    municipality = Municipality(name=name or f"Testgemeinde {number}", **fields)
    session.add(municipality)
    session.flush()
    return municipality


def create_contact(session: Session, user: User, municipality: Municipality,
                   **fields: Any) -> MunicipalityContact:
    contact = MunicipalityContact(user=user, municipality=municipality, **fields)
    session.add(contact)
    session.flush()
    return contact


def end_contact_role(session: Session, user: User) -> None:
    """End every contact role of `user` (the row stays, as after "End the role")."""
    from sqlalchemy import select

    from partizipation.db import utcnow

    for row in session.scalars(select(MunicipalityContact).where(
            MunicipalityContact.user_id == user.id)):
        row.ended_at = utcnow()
    session.flush()


@dataclass
class Cast:
    bergkamen: Any
    kamen: Any
    users: dict[str, Any]
    # The facilitator row of the "facilitator" user (added by the facilitators tests).
    own_facilitator: Any = None

    def user(self, role: str) -> Any:
        return self.users[role]


def build_cast(session: Session) -> Cast:
    bergkamen = create_municipality(session, "Bergkamen", ags="05978004")
    kamen = create_municipality(session, "Kamen", ags="05978020")
    users: dict[str, Any] = {"anonymous": AnonymousUserMixin()}
    for role in ("member", "editor", "officer", "admin"):
        users[role] = create_user(session, role=role, email=f"{role}@example.org")
    users["facilitator"] = create_user(session, email="facilitator@example.org",
                                       display_name="Fenja Begleitung")
    users["contact_here"] = create_user(session, email="contact.bergkamen@example.org",
                                        display_name="Berta Kontakt")
    create_contact(session, users["contact_here"], bergkamen)
    users["contact_other"] = create_user(session, email="contact.kamen@example.org",
                                         display_name="Kurt Kontakt")
    create_contact(session, users["contact_other"], kamen)
    return Cast(bergkamen, kamen, users)
