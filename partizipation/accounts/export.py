"""This domain's part of a person's data export (GDPR Art. 15/20)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ..accounts.models import User


def export_user_data(session: Session, user: User) -> dict[str, Any]:
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
