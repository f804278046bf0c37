"""Demo milestones."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session


def seed(session: Session, users: dict[str, Any]) -> list[tuple[str, str, str]]:
    return []
