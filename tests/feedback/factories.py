"""Barrier reports for tests."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session

from partizipation.db import utcnow
from partizipation.feedback.models import BarrierReport, one_month_later


def create_report(session: Session, *, days_ago: int = 0, **fields: Any) -> BarrierReport:
    """A report received `days_ago` days ago, due one month after that."""
    created_at = utcnow() - timedelta(days=days_ago)
    fields.setdefault("problem", "Das PDF ist nicht lesbar.")
    fields.setdefault("created_at", created_at)
    fields.setdefault("due_on", one_month_later(created_at.date()))
    report = BarrierReport(**fields)
    session.add(report)
    session.flush()
    return report
