"""The Kreis Unna demo data (DESIGN.md §3). Persons in it are invented."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from .accounts.models import User
from .accounts.services import create_user, generate_password
from .permissions import Role

DEMO_ACCOUNTS = [
    (Role.ADMIN, "admin@example.org", "Demo Admin (erfunden)"),
    (Role.OFFICER, "inklusion@example.org",
     "Petra Beispiel (erfundene Kreisinklusionsbeauftragte)"),
    (Role.EDITOR, "presse@example.org", "Demo Pressestelle (erfunden)"),
    (Role.MEMBER, "mitglied@example.org", "Max Muster (erfundenes Beiratsmitglied)"),
]


def load_demo_data(session: Session) -> list[tuple[str, str, str]]:
    """Load the demo data unless already there; returns (role, email, password) of new accounts."""
    if session.scalar(select(User).where(User.email == DEMO_ACCOUNTS[0][1])) is not None:
        return []
    accounts = []
    users = {}
    for role, email, name in DEMO_ACCOUNTS:
        password = generate_password()
        users[role.value] = create_user(
            session, email=email, display_name=name, role=role.value, password=password
        )
        accounts.append((role.value, email, password))
    # Each domain adds its demo rows; they may add accounts of their own (returned the same way).
    from .domains import with_demo

    for domain in with_demo():
        accounts.extend(domain.module("demo").seed(session, users))
    session.commit()
    return accounts
