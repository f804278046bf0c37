"""Read-only queries of milestones. Each page runs a fixed number of statements whatever the
number of milestones, steps, document versions, evidence and history rows."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import Session, joinedload

from .. import clock
from .. import links as cross_links
from ..accounts.models import User
from ..agreements.models import Agreement
from ..agreements.queries import municipalities_with_agreements
from ..paging import Page, paginate
from .models import (
    Evidence,
    Milestone,
    MilestoneEvent,
    MilestoneStatus,
    MilestoneStep,
    StepDocument,
)

HISTORY_PAGE = 20


MILESTONES_PAGE = 20


@dataclass
class Overview:
    """The progress in numbers (counted in SQL) and one page of milestones as rows of
    `_PAGE_COLUMNS`, each with its steps counted (`done`, `steps`)."""

    page: Page[Any]
    total: int
    achieved: int
    at_risk: int
    overdue: int


@cache
def _progress_statement() -> Select[int, int]:
    return select(func.count().filter(Milestone.status == MilestoneStatus.ACHIEVED.value),
                  func.count())


def progress(session: Session) -> tuple[int, int]:
    """(achieved, all) milestones, counted in one statement (the start page's sentence)."""
    achieved, total = session.execute(_progress_statement()).one()
    return int(achieved or 0), int(total or 0)


def overview(session: Session) -> Overview:
    """The counts of the sentence on top and one page of milestones with their agreement's
    title and step counts (two statements, whatever the number of milestones)."""
    total, achieved, at_risk, overdue = session.execute(
        _counts_statement(), {"today": clock.today()}).one()
    total = int(total or 0)
    page = paginate(session, _page_statement(), per_page=MILESTONES_PAGE, scalars=False,
                    total=total, params={})
    return Overview(
        page=page, total=total, achieved=int(achieved or 0), at_risk=int(at_risk or 0),
        overdue=int(overdue or 0))


@cache
def _counts_statement() -> Any:
    """`overview`'s counts, today a bind parameter (built once per process)."""
    closed = (MilestoneStatus.ACHIEVED.value, MilestoneStatus.DROPPED.value)
    return select(
        func.count(),
        func.count().filter(Milestone.status == MilestoneStatus.ACHIEVED.value),
        func.count().filter(Milestone.status == MilestoneStatus.AT_RISK.value),
        func.count().filter(Milestone.target_date < bindparam("today"),
                            Milestone.status.not_in(closed)))


@cache
def _page_statement() -> Any:
    """`overview`'s milestones as plain columns, in order (built once per process; `paginate`
    pages it with the total already counted)."""
    steps = (select(func.count()).where(MilestoneStep.milestone_id == Milestone.id)
             .correlate(Milestone).scalar_subquery())
    done = (select(func.count()).where(MilestoneStep.milestone_id == Milestone.id,
                                       MilestoneStep.happened_on.is_not(None))
            .correlate(Milestone).scalar_subquery())
    return (select(Milestone.id, Milestone.code, Milestone.title, Milestone.status,
                   Milestone.achieved_on, Milestone.target_date, Milestone.component,
                   Milestone.responsible, Agreement.title.label("agreement_title"),
                   done.label("done"), steps.label("steps"))
            .join(Agreement, Milestone.agreement_id == Agreement.id)
            .order_by(Milestone.agreement_id, Milestone.code, Milestone.id))


def milestone(session: Session, milestone_id: int) -> Milestone | None:
    """The milestone with its agreement, steps and their document versions (one statement)."""
    return session.scalars(
        select(Milestone).where(Milestone.id == milestone_id)
        .options(joinedload(Milestone.agreement),
                 joinedload(Milestone.steps).joinedload(MilestoneStep.documents))
    ).unique().one_or_none()


def milestone_page(session: Session, milestone_id: int) -> list[Any]:
    """The milestone's page as rows: its columns and its agreement's title, joined with its
    steps in order and their document versions (a row per step and version; one statement,
    built once per process). Empty when there is no such milestone."""
    return list(session.execute(_milestone_page_statement(), {"milestone_id": milestone_id}))


@cache
def _milestone_page_statement() -> Any:
    return (select(Milestone.id, Milestone.agreement_id, Milestone.code, Milestone.title,
                   Milestone.description, Milestone.easy_text, Milestone.easy_checked_by,
                   Milestone.easy_checked_on, Milestone.component, Milestone.status,
                   Milestone.target_date, Milestone.achieved_on, Milestone.responsible,
                   Agreement.title.label("agreement_title"),
                   MilestoneStep.id.label("step_id"), MilestoneStep.stage,
                   MilestoneStep.happened_on, MilestoneStep.note.label("step_note"),
                   StepDocument.id.label("document_id"), StepDocument.version,
                   StepDocument.title.label("document_title"), StepDocument.dated_on,
                   StepDocument.url, StepDocument.stored_name, StepDocument.mime_type,
                   StepDocument.size)
            .join(Agreement, Milestone.agreement_id == Agreement.id)
            .outerjoin(MilestoneStep, MilestoneStep.milestone_id == Milestone.id)
            .outerjoin(StepDocument, StepDocument.step_id == MilestoneStep.id)
            .where(Milestone.id == bindparam("milestone_id"))
            .order_by(MilestoneStep.position, MilestoneStep.id, StepDocument.version))


def history(session: Session, milestone: Any) -> Page[Any]:
    """One page of the status history, newest first, as rows of when, from and to, the note
    and who (their name, None without one; one statement)."""
    return paginate(session, _history_statement(), per_page=HISTORY_PAGE, scalars=False,
                    params={"milestone_id": milestone.id})


@cache
def _history_statement() -> Any:
    return (select(MilestoneEvent.at, MilestoneEvent.from_status, MilestoneEvent.to_status,
                   MilestoneEvent.note, User.display_name)
            .outerjoin(User, MilestoneEvent.actor_id == User.id)
            .where(MilestoneEvent.milestone_id == bindparam("milestone_id"))
            .order_by(MilestoneEvent.at.desc(), MilestoneEvent.id.desc()))


def evidence(session: Session, milestone: Any) -> list[dict[str, Any]]:
    """The milestone's evidence that resolves, each {id, note, kind, label, title, url} (one
    statement, then one per kind)."""
    rows = session.execute(_evidence_statement(), {"milestone_id": milestone.id}).all()
    found = cross_links.describe(session, [(row.kind, row.target_id) for row in rows])
    return [{"id": row.id, "note": row.note, **found[(row.kind, row.target_id)]}
            for row in rows if (row.kind, row.target_id) in found]


@cache
def _evidence_statement() -> Any:
    return (select(Evidence.id, Evidence.kind, Evidence.target_id, Evidence.note)
            .where(Evidence.milestone_id == bindparam("milestone_id")).order_by(Evidence.id))


def municipal_table(session: Session) -> list[tuple[Any, Any, list[Any]]]:
    """Milestone (e): every municipality with its goal-and-cooperation agreement and that
    agreement's documents, as rows from the agreements domain (the same choice as /kommunen;
    one statement)."""
    return municipalities_with_agreements(session)
