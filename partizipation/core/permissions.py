"""Who sees the management start page in the main menu."""

from __future__ import annotations

from typing import Any

from ..permissions import Role, _role


def can_view_management(user: Any) -> bool:
    """Staff roles: admin, officer, editor (municipality contacts find theirs in /mein-bereich)."""
    return _role(user) in {Role.ADMIN, Role.OFFICER, Role.EDITOR}
