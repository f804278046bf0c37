"""Milestones, their steps and document versions, status history, evidence and sent reminders."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .. import clock
from ..accounts.models import User
from ..agreements.models import Agreement
from ..db import Base, utcnow
from ..i18n import _l
from ..versioning import Versioned


class MilestoneStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    ACHIEVED = "achieved"
    AT_RISK = "at_risk"
    DROPPED = "dropped"


class Component(StrEnum):
    STRUCTURE = "structure"
    CULTURE = "culture"
    ACTIVITY = "activity"


class Stage(StrEnum):
    """The statute's path (milestone a)."""

    DRAFT = "draft"
    CONSULTED = "consulted"
    COMMITTEE = "committee"
    ADOPTED = "adopted"
    PUBLISHED = "published"
    IN_FORCE = "in_force"


STATUS_LABELS = {
    MilestoneStatus.PLANNED: _l("Planned"),
    MilestoneStatus.IN_PROGRESS: _l("In progress"),
    MilestoneStatus.ACHIEVED: _l("Achieved"),
    MilestoneStatus.AT_RISK: _l("At risk"),
    MilestoneStatus.DROPPED: _l("Dropped"),
}
# A change to these needs a note saying why.
NOTE_REQUIRED = (MilestoneStatus.AT_RISK.value, MilestoneStatus.DROPPED.value)
COMPONENT_LABELS = {
    Component.STRUCTURE: _l("Structure"),
    Component.CULTURE: _l("Culture"),
    Component.ACTIVITY: _l("Political activity"),
}
STAGE_LABELS = {
    Stage.DRAFT: _l("Draft"),
    Stage.CONSULTED: _l("The advisory council consulted"),
    Stage.COMMITTEE: _l("Committee"),
    Stage.ADOPTED: _l("Adopted by the district council (Kreistag)"),
    Stage.PUBLISHED: _l("Published"),
    Stage.IN_FORCE: _l("In force"),
}
CODES = ("a", "b", "c", "d", "e")


class Milestone(Versioned, Base):
    __tablename__ = "milestones"
    __audit__ = True
    __table_args__ = (
        UniqueConstraint("agreement_id", "code"),
        CheckConstraint("status <> 'achieved' OR achieved_on IS NOT NULL",
                        name="achieved_has_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id"), index=True)
    code: Mapped[str] = mapped_column(String(2))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    easy_text: Mapped[str] = mapped_column(Text, default="")
    easy_checked_by: Mapped[str] = mapped_column(String(200), default="")
    easy_checked_on: Mapped[date | None]
    component: Mapped[str] = mapped_column(String(20), default="")
    status: Mapped[str] = mapped_column(String(20), default=MilestoneStatus.PLANNED.value)
    target_date: Mapped[date | None]
    achieved_on: Mapped[date | None]
    responsible: Mapped[str] = mapped_column(String(200), default="")
    # The day it was recorded (achieved on cannot be before it existed).
    started_on: Mapped[date] = mapped_column(default=clock.today)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    agreement: Mapped[Agreement] = relationship()
    steps: Mapped[list[MilestoneStep]] = relationship(
        back_populates="milestone", order_by="MilestoneStep.position, MilestoneStep.id")

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS.get(self.status, self.status))  # type: ignore[call-overload]

    @property
    def component_label(self) -> str:
        return str(COMPONENT_LABELS.get(self.component, ""))  # type: ignore[call-overload]

    def is_overdue(self, today: date | None = None) -> bool:
        return (self.target_date is not None
                and self.status not in (MilestoneStatus.ACHIEVED, MilestoneStatus.DROPPED)
                and self.target_date < (today or clock.today()))


class MilestoneStep(Base):
    """A stage on the milestone's path, with the day it happened (None: not yet)."""

    __tablename__ = "milestone_steps"
    __audit__ = True
    __table_args__ = (UniqueConstraint("milestone_id", "stage"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    milestone_id: Mapped[int] = mapped_column(ForeignKey("milestones.id"), index=True)
    stage: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(default=0)
    happened_on: Mapped[date | None]
    note: Mapped[str] = mapped_column(String(500), default="")

    milestone: Mapped[Milestone] = relationship(back_populates="steps")
    documents: Mapped[list[StepDocument]] = relationship(
        back_populates="step", order_by="StepDocument.version")

    @property
    def label(self) -> str:
        return str(STAGE_LABELS.get(self.stage, self.stage))  # type: ignore[call-overload]


class StepDocument(Base):
    """One version of a step's document (the draft statute's versions are all kept: a new
    version is a new row, never an overwrite). A link, or a file stored by uploads.py."""

    __tablename__ = "milestone_step_documents"
    __table_args__ = (
        UniqueConstraint("step_id", "version"),
        CheckConstraint("stored_name IS NOT NULL OR url <> ''", name="file_or_link"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    step_id: Mapped[int] = mapped_column(ForeignKey("milestone_steps.id"), index=True)
    version: Mapped[int]
    title: Mapped[str] = mapped_column(String(200))
    dated_on: Mapped[date | None]
    url: Mapped[str] = mapped_column(String(500), default="")
    stored_name: Mapped[str | None] = mapped_column(String(80), unique=True)
    mime_type: Mapped[str] = mapped_column(String(100), default="")
    size: Mapped[int] = mapped_column(default=0)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    step: Mapped[MilestoneStep] = relationship(back_populates="documents")


class MilestoneEvent(Base):
    """A status change: who, when, from → to, and the note (required for at risk, dropped)."""

    __tablename__ = "milestone_events"
    __table_args__ = (
        CheckConstraint("to_status NOT IN ('at_risk', 'dropped') OR note <> ''",
                        name="note_when_required"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    milestone_id: Mapped[int] = mapped_column(ForeignKey("milestones.id"), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(String(1000), default="")

    actor: Mapped[User | None] = relationship()

    @property
    def from_label(self) -> str:
        return str(STATUS_LABELS.get(self.from_status or "", ""))  # type: ignore[call-overload]

    @property
    def to_label(self) -> str:
        return str(STATUS_LABELS.get(self.to_status, self.to_status))  # type: ignore[call-overload]


class Evidence(Base):
    """What shows the milestone's progress: a row of another domain, as (kind, id), resolved
    through partizipation/links.py."""

    __tablename__ = "milestone_evidence"
    __table_args__ = (UniqueConstraint("milestone_id", "kind", "target_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    milestone_id: Mapped[int] = mapped_column(ForeignKey("milestones.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    target_id: Mapped[int]
    note: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class ReminderSent(Base):
    """One reminder mailed: held once per deadline and threshold by the unique constraint, so the
    reminders command may run as often as it likes."""

    __tablename__ = "reminders_sent"
    __table_args__ = (UniqueConstraint("subject", "subject_id", "deadline", "days_before"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # "milestone_target", "agreement_notice", "agreement_end"
    subject: Mapped[str] = mapped_column(String(30))
    subject_id: Mapped[int]
    deadline: Mapped[date]
    days_before: Mapped[int]
    sent_at: Mapped[datetime] = mapped_column(default=utcnow)
