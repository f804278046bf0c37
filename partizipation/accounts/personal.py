"""The account's part of the data export, and its deactivation on erasure."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ..people.models import Person
from .forms import LOCALE_LABELS, ROLE_LABELS
from .models import User

DELETED_ACCOUNT_NAME = "Gelöschtes Konto"
# The "my data" page shows these codes in words.
VALUE_LABELS = {"role": ROLE_LABELS, "locale": LOCALE_LABELS}


def export(session: Session, user: User, person: Person | None) -> dict[str, Any]:
    """The account's data: never the password hash or the session version."""
    return {
        "email": user.email,
        "display_name": user.display_name,
        "locale": user.locale,
        "role": user.role,
        "is_active": user.is_active,
        "has_password": user.password_hash is not None,
        "created_at": user.created_at.isoformat() if user.created_at else None,
        "last_login_at": user.last_login_at.isoformat() if user.last_login_at else None,
    }


def erase(session: Session, user: User, person: Person | None) -> None:
    """The account can no longer sign in and no longer carries the email address or name."""
    user.is_active = False
    user.email = f"deleted-{user.id}@anonymised.invalid"
    user.display_name = DELETED_ACCOUNT_NAME
    user.password_hash = None
    user.session_version += 1
    user.last_login_at = None
    session.flush()
