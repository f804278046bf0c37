"""Municipalities of the district and their contact persons.

A contact's scope is a row (MunicipalityContact), not a role.
"""

from __future__ import annotations

from datetime import datetime
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


KIND_LABELS = {
    MunicipalityKind.TOWN: _l("Town"),
    MunicipalityKind.MUNICIPALITY: _l("Municipality (not a town)"),
}


class Municipality(Versioned, Base):
    """A town or municipality of the district; `version` lets its edit form notice a change
    saved meanwhile (versioning.py). Its goal-and-cooperation agreement with the district is an
    agreement of the `agreements` domain with the municipality as a party."""

    __tablename__ = "municipalities"
    __audit__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(20), default=MunicipalityKind.TOWN.value)
    # Amtlicher Gemeindeschlüssel: 8 digits (state, district, municipality).
    ags: Mapped[str] = mapped_column(String(8), unique=True)
    website: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS.get(self.kind, self.kind))  # type: ignore[call-overload]

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
