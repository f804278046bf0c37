"""Read-only queries of milestones. Each page runs a fixed number of statements whatever the
number of milestones, steps, document versions, evidence and history rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload, selectinload

from .. import links as cross_links
from ..agreements.models import Agreement
from ..agreements.queries import municipal_agreements
from ..municipalities.models import Municipality
from ..paging import Page, paginate
from .models import Evidence, Milestone, MilestoneEvent, MilestoneStatus, MilestoneStep

HISTORY_PAGE = 20


@dataclass
class Overview:
    milestones: list[Milestone]
    agreements: dict[int, Agreement] = field(default_factory=dict)

    @property
    def achieved(self) -> int:
        return sum(1 for m in self.milestones if m.status == MilestoneStatus.ACHIEVED)

    @property
    def total(self) -> int:
        return len(self.milestones)

    def count(self, status: str) -> int:
        return sum(1 for m in self.milestones if m.status == status)

    @property
    def overdue(self) -> list[Milestone]:
        return [m for m in self.milestones if m.is_overdue()]


def progress(session: Session) -> tuple[int, int]:
    """(achieved, all) milestones, counted in one statement (the start page's sentence)."""
    achieved, total = session.execute(select(
        func.count().filter(Milestone.status == MilestoneStatus.ACHIEVED.value),
        func.count())).one()
    return int(achieved or 0), int(total or 0)


def overview(session: Session) -> Overview:
    """Every milestone with its agreement and steps (three statements)."""
    milestones = list(session.scalars(
        select(Milestone).options(joinedload(Milestone.agreement),
                                  selectinload(Milestone.steps))
        .order_by(Milestone.agreement_id, Milestone.code, Milestone.id)))
    return Overview(milestones)


def milestone(session: Session, milestone_id: int) -> Milestone | None:
    return session.scalar(
        select(Milestone).where(Milestone.id == milestone_id)
        .options(joinedload(Milestone.agreement),
                 selectinload(Milestone.steps).selectinload(MilestoneStep.documents)))


def history(session: Session, milestone: Milestone) -> Page[MilestoneEvent]:
    """One page of the status history, newest first, with who (two statements)."""
    return paginate(session, select(MilestoneEvent)
                    .where(MilestoneEvent.milestone_id == milestone.id)
                    .options(joinedload(MilestoneEvent.actor))
                    .order_by(MilestoneEvent.at.desc(), MilestoneEvent.id.desc()),
                    per_page=HISTORY_PAGE)


def evidence(session: Session, milestone: Milestone) -> list[dict[str, Any]]:
    """The milestone's evidence that resolves, each {id, note, kind, label, title, url} (one
    statement, then one per kind)."""
    rows = list(session.scalars(select(Evidence).where(Evidence.milestone_id == milestone.id)
                                .order_by(Evidence.id)))
    found = cross_links.describe(session, [(row.kind, row.target_id) for row in rows])
    return [{"id": row.id, "note": row.note, **found[(row.kind, row.target_id)]}
            for row in rows if (row.kind, row.target_id) in found]


@dataclass
class MunicipalRow:
    municipality: Municipality
    agreement: Agreement | None

    @property
    def status(self) -> str:
        return self.agreement.effective_status() if self.agreement else "none"


def municipal_table(session: Session) -> list[MunicipalRow]:
    """Milestone (e): every municipality with its goal-and-cooperation agreement, read from the
    agreements domain (the same source as /kommunen; four statements)."""
    agreements = municipal_agreements(session)
    return [MunicipalRow(m, agreements.get(m.id))
            for m in session.scalars(select(Municipality).order_by(Municipality.name))]
