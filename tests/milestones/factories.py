"""Factories of milestones (each flushes)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from partizipation.milestones.models import Milestone, MilestoneEvent, MilestoneStep
from tests.agreements.factories import create_agreement


def create_milestone(session: Session, agreement: Any = None, code: str = "a",
                     **fields: Any) -> Milestone:
    agreement = agreement or create_agreement(session, "Kooperation")
    fields.setdefault("title", f"Meilenstein {code}")
    fields.setdefault("started_on", date(2023, 1, 1))
    milestone = Milestone(agreement_id=agreement.id, code=code, **fields)
    session.add(milestone)
    session.flush()
    return milestone


def add_history(session: Session, milestone: Milestone, count: int) -> None:
    for i in range(count):
        session.add(MilestoneEvent(milestone_id=milestone.id, from_status="planned",
                                   to_status="in_progress", note=f"Schritt {i}"))
    session.flush()


def add_step(session: Session, milestone: Milestone, stage: str, **fields: Any) -> MilestoneStep:
    step = MilestoneStep(milestone_id=milestone.id, stage=stage, **fields)
    session.add(step)
    session.flush()
    return step
