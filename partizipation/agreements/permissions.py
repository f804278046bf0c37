"""Who may do what with agreements: everyone reads them; the officer (and the admin) records
and changes them."""

from __future__ import annotations

from typing import Any

from ..permissions import is_officer_or_admin


def can_manage_agreements(user: Any, agreement: Any = None) -> bool:
    """Create and change agreements, their parties and documents."""
    return is_officer_or_admin(user)


CHECKS = (can_manage_agreements,)
