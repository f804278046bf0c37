"""The milestones section's figures of /mein-bereich (see partizipation/dashboard.py): the open
milestones and the agreements in force whose deadlines the officer sees (few rows: a milestone
per step of the plan, an agreement per partner)."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

from .. import clock
from ..agreements.models import Agreement
from ..dashboard import day, figure_rows, rows
from . import reminders
from .models import Milestone
from .permissions import can_see_deadlines


def figures(user: Any) -> dict[str, Callable[[], Any]]:
    if not can_see_deadlines(user):
        return {}
    return {
        "milestones": lambda: rows(reminders.open_milestones().with_only_columns(
            Milestone.id, Milestone.code, Milestone.title, Milestone.target_date)),
        "agreements": lambda: rows(reminders.agreements_with_deadlines().with_only_columns(
            Agreement.id, Agreement.title, Agreement.notice_months, Agreement.notice_to,
            Agreement.valid_until)),
    }


def upcoming() -> list[reminders.Deadline]:
    """The deadlines of the coming weeks and those overdue (`reminders.upcoming`)."""
    today = clock.today()
    milestones = [SimpleNamespace(**{**m, "target_date": day(m["target_date"])})
                  for m in figure_rows("milestones.milestones")]
    agreements = [SimpleNamespace(**{**a, "valid_until": day(a["valid_until"])})
                  for a in figure_rows("milestones.agreements")]
    return reminders.coming_weeks(reminders.deadlines_of(milestones, agreements, today), today)
