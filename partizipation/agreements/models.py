"""Agreements, their parties and documents.

The status stored is what the officer recorded (draft, in negotiation, in force, ended); what is
shown is the *effective* status: an agreement in force whose term is over shows as ended on its
last day. The goal-and-cooperation agreement of a municipality (milestone e) is an agreement of
kind "municipal" with that municipality as a party.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .. import clock
from ..db import Base, utcnow
from ..i18n import _l
from ..municipalities.models import Municipality
from ..versioning import Versioned
from .notice import Notice, NoticeTo, notice_on


class AgreementKind(StrEnum):
    COOPERATION = "cooperation"
    MUNICIPAL = "municipal"  # goal-and-cooperation agreement with a municipality
    ADMINISTRATIVE = "administrative"
    FRAMEWORK = "framework"
    OTHER = "other"


class AgreementStatus(StrEnum):
    DRAFT = "draft"
    NEGOTIATING = "negotiating"
    IN_FORCE = "in_force"
    ENDED = "ended"


KIND_LABELS = {
    AgreementKind.COOPERATION: _l("Cooperation agreement"),
    AgreementKind.MUNICIPAL: _l("Goal and cooperation agreement with a municipality"),
    AgreementKind.ADMINISTRATIVE: _l("Administrative agreement"),
    AgreementKind.FRAMEWORK: _l("Framework agreement"),
    AgreementKind.OTHER: _l("Other agreement"),
}
STATUS_LABELS = {
    AgreementStatus.DRAFT: _l("Draft"),
    AgreementStatus.NEGOTIATING: _l("In negotiation"),
    AgreementStatus.IN_FORCE: _l("In force"),
    AgreementStatus.ENDED: _l("Ended"),
}
NOTICE_LABELS = {
    NoticeTo.NONE: _l("No notice rule (it ends at its end date or when replaced)"),
    NoticeTo.MONTH: _l("To the end of a month"),
    NoticeTo.QUARTER: _l("To the end of a quarter"),
    NoticeTo.YEAR: _l("To the end of a year"),
    NoticeTo.ANY_TIME: _l("At any time"),
}


def effective_status(agreement: Any, today: date) -> str:
    """An agreement's status as shown (of the model or a row of its columns): one in force past
    its term has ended."""
    if (agreement.status == AgreementStatus.IN_FORCE and agreement.valid_until
            and agreement.valid_until < today):
        return AgreementStatus.ENDED.value
    return str(agreement.status)


def notice_of(agreement: Any, today: date) -> Notice:
    """An agreement's notice (the model or a row of its columns) as of `today`."""
    return notice_on(today, months=agreement.notice_months, to=agreement.notice_to,
                     valid_until=agreement.valid_until,
                     ended_on=(agreement.ended_on if agreement.status == AgreementStatus.ENDED
                               else None),
                     in_force=agreement.status == AgreementStatus.IN_FORCE)


def ends_on(agreement: Any) -> date | None:
    """The day an agreement (the model or a row) ended, or ends, if known."""
    return agreement.ended_on if agreement.status == AgreementStatus.ENDED else \
        agreement.valid_until


class Agreement(Versioned, Base):
    __tablename__ = "agreements"
    __audit__ = True
    __table_args__ = (
        CheckConstraint("valid_until IS NULL OR in_force_from IS NULL "
                        "OR valid_until >= in_force_from", name="term_in_order"),
        CheckConstraint("notice_to = '' OR notice_to = 'any_time' OR notice_months IS NOT NULL",
                        name="notice_has_months"),
        CheckConstraint("status <> 'ended' OR ended_on IS NOT NULL", name="ended_has_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20), default=AgreementKind.COOPERATION.value)
    status: Mapped[str] = mapped_column(String(20), default=AgreementStatus.DRAFT.value,
                                        index=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    signed_on: Mapped[date | None]
    in_force_from: Mapped[date | None]
    # None: open-ended (until replaced or ended by notice).
    valid_until: Mapped[date | None]
    until_replaced: Mapped[bool] = mapped_column(default=False)
    notice_months: Mapped[int | None]
    notice_to: Mapped[str] = mapped_column(String(20), default=NoticeTo.NONE.value)
    ended_on: Mapped[date | None]
    end_reason: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    parties: Mapped[list[AgreementParty]] = relationship(
        back_populates="agreement", order_by="AgreementParty.id", cascade="all, delete-orphan")
    documents: Mapped[list[AgreementDocument]] = relationship(
        back_populates="agreement", order_by="AgreementDocument.id",
        cascade="all, delete-orphan")

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS.get(self.kind, self.kind))  # type: ignore[call-overload]

    def notice(self, today: date | None = None) -> Notice:
        return notice_of(self, today or clock.today())

    def effective_status(self, today: date | None = None) -> str:
        """As shown: an agreement in force past its term has ended."""
        return effective_status(self, today or clock.today())

    def ends_on(self) -> date | None:
        """The day it ended (or ends), if known."""
        return ends_on(self)

    @property
    def status_label(self) -> str:
        status = self.effective_status()
        return str(STATUS_LABELS.get(status, status))  # type: ignore[call-overload]

    def __repr__(self) -> str:
        return f"<Agreement {self.id} {self.title!r}>"


class AgreementParty(Base):
    """A party: an organisation (by name) or a municipality of the district, from `joined_on`
    (None: from the start) until `left_on` (None: still a party)."""

    __tablename__ = "agreement_parties"
    __audit__ = True
    __table_args__ = (
        CheckConstraint("municipality_id IS NOT NULL OR organisation <> ''",
                        name="party_named"),
        CheckConstraint("left_on IS NULL OR joined_on IS NULL OR left_on >= joined_on",
                        name="left_after_joined"),
        UniqueConstraint("agreement_id", "municipality_id"),
        Index("ix_agreement_parties_municipality", "municipality_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id"), index=True)
    municipality_id: Mapped[int | None] = mapped_column(ForeignKey("municipalities.id"))
    organisation: Mapped[str] = mapped_column(String(200), default="")
    joined_on: Mapped[date | None]
    left_on: Mapped[date | None]

    agreement: Mapped[Agreement] = relationship(back_populates="parties")
    municipality: Mapped[Municipality | None] = relationship()

    @property
    def name(self) -> str:
        return self.municipality.name if self.municipality is not None else self.organisation

    def is_current(self, today: date | None = None) -> bool:
        return self.left_on is None or self.left_on >= (today or clock.today())


class AgreementDocument(Base):
    """A document of an agreement: an uploaded file (uploads.py) or a link. `folder` is the part
    of UPLOAD_FOLDER the file is in (files taken over from the municipalities stay where they
    were)."""

    __tablename__ = "agreement_documents"
    __audit__ = True
    __table_args__ = (
        CheckConstraint("stored_name IS NOT NULL OR url <> ''", name="file_or_link"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    url: Mapped[str] = mapped_column(String(500), default="")
    folder: Mapped[str] = mapped_column(String(40), default="agreements")
    stored_name: Mapped[str | None] = mapped_column(String(80), unique=True)
    mime_type: Mapped[str] = mapped_column(String(100), default="")
    size: Mapped[int] = mapped_column(default=0)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    agreement: Mapped[Agreement] = relationship(back_populates="documents")
