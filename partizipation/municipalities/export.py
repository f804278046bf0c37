"""This domain's part of a person's data export (GDPR Art. 15/20)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ..accounts.models import User


def export_user_data(session: Session, user: User) -> dict[str, Any]:
    """Everything this domain stores about `user`, as JSON-ready data."""
    return {}
