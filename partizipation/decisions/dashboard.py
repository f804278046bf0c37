"""The decisions section's figures of /mein-bereich (see partizipation/dashboard.py): for the
follow-up, the decisions waiting for approval and those overdue, each counted (capped) through
the index on (status, due date)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from ..dashboard import TODAY, capped, figure
from .models import Decision, Status
from .permissions import can_follow_up

OPEN = (Status.TAKEN.value, Status.SUBMITTED.value, Status.APPROVED.value,
        Status.COMMUNICATED.value)


def figures(user: Any) -> dict[str, Callable[[], Any]]:
    if not can_follow_up(user):
        return {}
    return {
        "waiting": lambda: capped(select(Decision.id).where(
            Decision.status == Status.SUBMITTED.value)),
        "overdue": lambda: capped(select(Decision.id).where(Decision.status.in_(OPEN),
                                                            Decision.due_on < TODAY)),
    }


def open_counts() -> tuple[int, int]:
    """(waiting for approval, overdue), each up to COUNT_LIMIT + 1 ("more than")."""
    return figure("decisions.waiting", 0) or 0, figure("decisions.overdue", 0) or 0
