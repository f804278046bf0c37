"""Demo accounts that show the user list's other states: invited, and deactivated."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from .services import create_user

DEMO_INVITED = ("eingeladen@example.org", "Lea Beispiel (erfunden, eingeladen)")
DEMO_DEACTIVATED = ("ehemalig@example.org", "Jonas Beispiel (erfunden, ehemaliges Mitglied)")


def seed(session: Session, users: dict[str, Any]) -> list[tuple[str, str, str]]:
    """An invitation not yet accepted and a deactivated account; neither can sign in."""
    email, name = DEMO_INVITED
    create_user(session, email=email, display_name=name, role="member")
    email, name = DEMO_DEACTIVATED
    create_user(session, email=email, display_name=name, role="member").is_active = False
    session.flush()
    return []
