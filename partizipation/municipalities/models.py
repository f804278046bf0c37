"""Municipalities of the district and their contact persons.

A contact's scope is a row (MunicipalityContact), not a role.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..db import Base, utcnow
from ..i18n import _l
from ..versioning import Versioned


class MunicipalityKind(StrEnum):
    TOWN = "town"  # Stadt
    MUNICIPALITY = "municipality"  # Gemeinde


class AgreementStatus(StrEnum):
    NONE = "none"
    NEGOTIATING = "negotiating"
    SIGNED = "signed"
    ENDED = "ended"


KIND_LABELS = {
    MunicipalityKind.TOWN: _l("Town"),
    MunicipalityKind.MUNICIPALITY: _l("Municipality (not a town)"),
}
AGREEMENT_LABELS = {
    AgreementStatus.NONE: _l("No agreement"),
    AgreementStatus.NEGOTIATING: _l("In negotiation"),
    AgreementStatus.SIGNED: _l("Signed"),
    AgreementStatus.ENDED: _l("Ended"),
}


class Municipality(Versioned, Base):
    """A town or municipality of the district; `version` lets its edit form notice a change
    saved meanwhile (versioning.py)."""

    __tablename__ = "municipalities"
    __audit__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(20), default=MunicipalityKind.TOWN.value)
    # Amtlicher Gemeindeschlüssel: 8 digits (state, district, municipality).
    ags: Mapped[str] = mapped_column(String(8), unique=True)
    website: Mapped[str] = mapped_column(String(300), default="")
    agreement_status: Mapped[str] = mapped_column(String(20), default=AgreementStatus.NONE.value)
    agreement_signed_on: Mapped[date | None]
    agreement_ended_on: Mapped[date | None]
    # A link to the agreement document (published by the municipality or the district).
    agreement_document_url: Mapped[str] = mapped_column(String(500), default="")
    agreement_document_title: Mapped[str] = mapped_column(String(200), default="")
    # An uploaded PDF of the agreement: a random file name in UPLOAD_FOLDER/municipalities.
    agreement_file_name: Mapped[str | None] = mapped_column(String(80))
    agreement_file_size: Mapped[int | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS.get(self.kind, self.kind))  # type: ignore[call-overload]

    @property
    def agreement_label(self) -> str:
        return str(AGREEMENT_LABELS.get(self.agreement_status, self.agreement_status))  # type: ignore[call-overload]

    def __repr__(self) -> str:
        return f"<Municipality {self.ags} {self.name}>"


class MunicipalityContact(Base):
    """A user who may manage the facilitators of one municipality (while not ended)."""

    __tablename__ = "municipality_contacts"
    __audit__ = True
    __table_args__ = (Index("ix_municipality_contacts_user", "user_id", "ended_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    municipality_id: Mapped[int] = mapped_column(ForeignKey("municipalities.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    ended_at: Mapped[datetime | None]
    ended_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    user: Mapped[User] = relationship(foreign_keys=[user_id])
    municipality: Mapped[Municipality] = relationship()
