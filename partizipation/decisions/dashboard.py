"""The decisions section's figures of /mein-bereich (see partizipation/dashboard.py): for the
follow-up, the decisions waiting for approval and those overdue, each counted up to
DASHBOARD_LIMIT through the index on (status, due date)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from ..dashboard import TODAY, capped, figure
from .models import Decision, Status
from .permissions import can_follow_up

# The line on /mein-bereich only says whether follow-up work is waiting and links to the list
# (which pages and counts up to COUNT_LIMIT): past 100 the exact number changes nothing the
# officer does next, and counting 501 rows of each cost 0.35 ms per request at 6,000 decisions.
DASHBOARD_LIMIT = 100
OPEN = (Status.TAKEN.value, Status.SUBMITTED.value, Status.APPROVED.value,
        Status.COMMUNICATED.value)


def figures(user: Any) -> dict[str, Callable[[], Any]]:
    if not can_follow_up(user):
        return {}
    return {
        "waiting": lambda: capped(select(Decision.id).where(
            Decision.status == Status.SUBMITTED.value), DASHBOARD_LIMIT),
        "overdue": lambda: capped(select(Decision.id).where(
            Decision.status.in_(OPEN), Decision.due_on < TODAY), DASHBOARD_LIMIT),
    }


def open_counts() -> tuple[int, int, int]:
    """(waiting for approval, overdue, the limit), each up to the limit + 1 ("more than")."""
    return (figure("decisions.waiting", 0) or 0, figure("decisions.overdue", 0) or 0,
            DASHBOARD_LIMIT)
