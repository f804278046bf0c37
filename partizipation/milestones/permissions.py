"""Who may do what with milestones: everyone reads them; the officer (and the admin) records
them, changes their status, steps, documents and evidence."""

from __future__ import annotations

from typing import Any

from ..permissions import is_officer, is_officer_or_admin


def can_manage_milestones(user: Any, milestone: Any = None) -> bool:
    return is_officer_or_admin(user)


def can_see_deadlines(user: Any) -> bool:
    """The deadlines on the dashboard (and the reminders) are the officer's."""
    return is_officer(user)


CHECKS = (can_manage_milestones, can_see_deadlines)
