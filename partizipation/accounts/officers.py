"""Who the officer is for mail: every active account with the officer role, and the shared
inbox OFFICER_EMAIL when one is configured. One rule for every domain that tells the officer."""

from __future__ import annotations

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..permissions import Role
from .models import User


def active_officers(session: Session) -> list[User]:
    """The active accounts with the officer role (role changes and invitations are mailed to
    them by name)."""
    return list(session.scalars(select(User).where(
        User.role == Role.OFFICER.value, User.is_active.is_(True)).order_by(User.id)))


def officer_recipients(session: Session) -> list[tuple[str, str]]:
    """(address, locale) of each officer account and of OFFICER_EMAIL, each address once."""
    officers = active_officers(session)
    recipients: list[tuple[str, str]] = []
    seen: set[str] = set()
    configured = (current_app.config.get("OFFICER_EMAIL") or "").strip()
    if configured:
        known = session.scalar(select(User).where(User.email == configured.lower()))
        recipients.append((configured, known.locale if known and known.locale else "de"))
        seen.add(configured.lower())
    for user in officers:
        if user.email.lower() not in seen:
            recipients.append((user.email, user.locale or "de"))
            seen.add(user.email.lower())
    return recipients
