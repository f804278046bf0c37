"""Demo data of this domain."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session


def seed(session: Session, users: dict[str, Any]) -> list[tuple[str, str, str]]:
    """Add this domain's demo rows; return (role, email, password) of any accounts it creates."""
    return []
