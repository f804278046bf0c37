"""Barrier reports: the BITV 2.0 feedback mechanism (§ 7 Abs. 1 BITV 2.0)."""

from __future__ import annotations

import calendar
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..db import Base, utcnow
from ..i18n import _l

PROBLEM_MAX = 5000
LOCATION_MAX = 500
NAME_MAX = 200
NOTE_MAX = 5000


class ReportStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    ANSWERED = "answered"
    CLOSED = "closed"


STATUS_LABELS = {
    ReportStatus.OPEN: _l("Open"),
    ReportStatus.IN_PROGRESS: _l("In progress"),
    ReportStatus.ANSWERED: _l("Answered"),
    ReportStatus.CLOSED: _l("Closed"),
}
# Reports that still need the officer's work.
ACTIVE_STATUSES = (ReportStatus.OPEN.value, ReportStatus.IN_PROGRESS.value)


def one_month_later(day: date) -> date:
    """The same day next month, or that month's last day (31 January → 28/29 February)."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class BarrierReport(Base):
    __tablename__ = "barrier_reports"
    __table_args__ = (Index("ix_barrier_reports_status_due", "status", "due_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # What the barrier is, or which content the person needs in which accessible form.
    problem: Mapped[str] = mapped_column(Text)
    # A page address or a description of the place; may be empty.
    location: Mapped[str] = mapped_column(String(LOCATION_MAX), default="")
    name: Mapped[str] = mapped_column(String(NAME_MAX), default="")
    email: Mapped[str | None] = mapped_column(String(254))
    wants_answer: Mapped[bool] = mapped_column(default=False)
    locale: Mapped[str] = mapped_column(String(5), default="de")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    due_on: Mapped[date]
    status: Mapped[str] = mapped_column(String(20), default=ReportStatus.OPEN.value)
    officer_note: Mapped[str] = mapped_column(Text, default="")
    closed_at: Mapped[datetime | None]
    answers: Mapped[list[ReportAnswer]] = relationship(
        back_populates="report", order_by="ReportAnswer.id", cascade="all, delete-orphan")

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[ReportStatus(self.status)])

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    def is_overdue(self, today: date) -> bool:
        return self.is_active and self.due_on < today

    def __repr__(self) -> str:
        return f"<BarrierReport {self.id} {self.status} due {self.due_on}>"


class ReportAnswer(Base):
    """An answer the officer sent the reporter from the platform (the mail went via the outbox);
    kept as the record of what was answered, when and by whom."""

    __tablename__ = "barrier_report_answers"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(
        ForeignKey("barrier_reports.id", ondelete="CASCADE"), index=True)
    body: Mapped[str] = mapped_column(Text)
    sent_to: Mapped[str] = mapped_column(String(254))
    sent_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    sent_at: Mapped[datetime] = mapped_column(default=utcnow)

    report: Mapped[BarrierReport] = relationship(back_populates="answers")
    sent_by: Mapped[User | None] = relationship()
