"""Barrier reports someone sent with their email address: exported, and anonymised on erasure
(the report itself stays: the officer must still answer for the barrier)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from ..accounts.models import User
from ..people.models import Person
from .models import STATUS_LABELS, BarrierReport, ReportAnswer

# The "my data" page shows these codes in words.
VALUE_LABELS = {"status": STATUS_LABELS}


def _addresses(user: User, person: Person | None) -> set[str]:
    found = {user.email.lower()}
    if person is not None and person.email:
        found.add(person.email.lower())
    return found


def export(session: Session, user: User, person: Person | None) -> dict[str, Any]:
    reports = session.scalars(
        select(BarrierReport).where(func.lower(BarrierReport.email).in_(_addresses(user, person)))
        .order_by(BarrierReport.id))
    rows = [{"created_at": r.created_at.isoformat(), "location": r.location,
             "problem": r.problem, "status": r.status,
             "answers": [{"sent_at": a.sent_at.isoformat(), "text": a.body} for a in r.answers]}
            for r in reports]
    return {"barrier_reports": rows} if rows else {}


def erase(session: Session, user: User, person: Person | None) -> None:
    # The answers stay as the record of what the officer did, without the person's address.
    session.execute(
        update(ReportAnswer)
        .where(func.lower(ReportAnswer.sent_to).in_(_addresses(user, person)))
        .values(sent_to="")
        .execution_options(synchronize_session=False))
    session.execute(
        update(BarrierReport)
        .where(func.lower(BarrierReport.email).in_(_addresses(user, person)))
        .values(name="", email=None, wants_answer=False)
        .execution_options(synchronize_session=False))
