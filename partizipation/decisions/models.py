"""Decisions (Beschlüsse) taken at a meeting, per agenda item, with their status history.

A decision of a body whose decisions need approval (the steering group: §6 of the cooperation
agreement) becomes binding only after the Landrat or the Verwaltungskonferenz approved it; the
status moves taken → submitted → approved / not approved → communicated → implemented / dropped.
Each move is a conditional UPDATE on the status it starts from, so two people acting at once
cannot both move it.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..db import Base, utcnow
from ..meetings.models import AgendaItem, Meeting


class DecisionKind(StrEnum):
    DECISION = "decision"
    RECOMMENDATION_KREISTAG = "recommendation_kreistag"
    RECOMMENDATION_ADMINISTRATION = "recommendation_administration"
    INFORMATION = "information"


class Result(StrEnum):
    CONSENSUS = "consensus"
    VOTES = "votes"


class Status(StrEnum):
    TAKEN = "taken"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    NOT_APPROVED = "not_approved"
    COMMUNICATED = "communicated"
    IMPLEMENTED = "implemented"
    DROPPED = "dropped"


class Approver(StrEnum):
    LANDRAT = "landrat"
    CONFERENCE = "verwaltungskonferenz"


OPEN_STATES = (Status.TAKEN, Status.SUBMITTED, Status.APPROVED, Status.COMMUNICATED)


class Decision(Base):
    __tablename__ = "decisions"
    __table_args__ = (
        Index("ix_decisions_status_due", "status", "due_on"),
        # The follow-up list, the earliest due first (no due date last), walks this index.
        Index("ix_decisions_due", "due_on", "id"),
        CheckConstraint("votes_yes >= 0 AND votes_no >= 0 AND votes_abstain >= 0",
                        name="votes_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_items.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(40), default=DecisionKind.DECISION.value)
    result: Mapped[str] = mapped_column(String(20), default=Result.CONSENSUS.value)
    votes_yes: Mapped[int] = mapped_column(default=0)
    votes_no: Mapped[int] = mapped_column(default=0)
    votes_abstain: Mapped[int] = mapped_column(default=0)
    responsible: Mapped[str] = mapped_column(String(200), default="")
    due_on: Mapped[date | None]
    needs_approval: Mapped[bool] = mapped_column(default=True)
    status: Mapped[str] = mapped_column(String(20), default=Status.TAKEN.value)
    approved_by: Mapped[str] = mapped_column(String(30), default="")
    approved_on: Mapped[date | None]
    approval_reference: Mapped[str] = mapped_column(String(200), default="")
    rejection_reason: Mapped[str] = mapped_column(Text, default="")
    implemented_on: Mapped[date | None]
    status_changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    meeting: Mapped[Meeting] = relationship()
    item: Mapped[AgendaItem] = relationship()


class DecisionEvent(Base):
    """One step of a decision's status: from, to, who, when, a note."""

    __tablename__ = "decision_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decisions.id"), index=True)
    from_status: Mapped[str] = mapped_column(String(20), default="")
    to_status: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    actor: Mapped[User | None] = relationship()
