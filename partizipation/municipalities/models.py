"""Municipalities of the district, their contact persons and their participation facilitators.

A contact's scope is a row (MunicipalityContact), not a role. A facilitator is a shared Person
placed in one municipality; every change of a facilitator is a FacilitatorEvent row.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Float, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..db import Base, utcnow
from ..i18n import _l
from ..people.models import Person


class MunicipalityKind(StrEnum):
    TOWN = "town"  # Stadt
    MUNICIPALITY = "municipality"  # Gemeinde


class AgreementStatus(StrEnum):
    NONE = "none"
    NEGOTIATING = "negotiating"
    SIGNED = "signed"
    ENDED = "ended"


class EmploymentModel(StrEnum):
    VOLUNTEER = "volunteer"  # ehrenamtlich mit Aufwandsentschädigung
    ADMINISTRATION = "administration"  # im bestehenden Stellenumfang der Verwaltung
    ASSOCIATION = "association"  # angesiedelt bei einem lokalen Verein


class FacilitatorStatus(StrEnum):
    PROPOSED = "proposed"
    SENT_BACK = "sent_back"
    CONFIRMED = "confirmed"
    ACTIVE = "active"
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
EMPLOYMENT_LABELS = {
    EmploymentModel.VOLUNTEER: _l("Volunteer with an expense allowance"),
    EmploymentModel.ADMINISTRATION: _l("Within an existing post in the administration"),
    EmploymentModel.ASSOCIATION: _l("Placed with a local association"),
}
STATUS_LABELS = {
    FacilitatorStatus.PROPOSED: _l("Proposed, waiting for confirmation"),
    FacilitatorStatus.SENT_BACK: _l("Sent back for correction"),
    FacilitatorStatus.CONFIRMED: _l("Confirmed"),
    FacilitatorStatus.ACTIVE: _l("Active"),
    FacilitatorStatus.ENDED: _l("Ended"),
}
# Shown in the public directory (with the person's consent to be listed).
PUBLIC_STATUSES = (FacilitatorStatus.CONFIRMED.value, FacilitatorStatus.ACTIVE.value)


class Municipality(Base):
    __tablename__ = "municipalities"

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


class Facilitator(Base):
    """A participation facilitator (Partizipationsbegleiter*in) placed in one municipality."""

    __tablename__ = "facilitators"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), index=True)
    municipality_id: Mapped[int] = mapped_column(ForeignKey("municipalities.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default=FacilitatorStatus.PROPOSED.value)
    employment_model: Mapped[str] = mapped_column(String(20))
    association_name: Mapped[str] = mapped_column(String(200), default="")
    weekly_hours: Mapped[float | None] = mapped_column(Float)
    started_on: Mapped[date]
    trained_on: Mapped[date | None]
    training_provider: Mapped[str] = mapped_column(String(200), default="")
    ended_on: Mapped[date | None]
    end_reason: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    person: Mapped[Person] = relationship()
    municipality: Mapped[Municipality] = relationship()
    events: Mapped[list[FacilitatorEvent]] = relationship(
        back_populates="facilitator", order_by="FacilitatorEvent.id"
    )

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS.get(self.status, self.status))  # type: ignore[call-overload]

    @property
    def employment_label(self) -> str:
        return str(EMPLOYMENT_LABELS.get(self.employment_model, self.employment_model))  # type: ignore[call-overload]

    @property
    def is_trained(self) -> bool:
        return self.trained_on is not None

    @property
    def is_public(self) -> bool:
        """Shown in /kommunen and reachable through the relay contact form."""
        return self.status in PUBLIC_STATUSES and self.person.is_listed

    def __repr__(self) -> str:
        return f"<Facilitator {self.id} {self.status}>"


class FacilitatorEvent(Base):
    """One change of a facilitator: who, when, which action, status from → to, and why."""

    __tablename__ = "facilitator_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    facilitator_id: Mapped[int] = mapped_column(ForeignKey("facilitators.id"), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(30))
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    facilitator: Mapped[Facilitator] = relationship(back_populates="events")
    actor: Mapped[User | None] = relationship()

    @property
    def action_label(self) -> str:
        return str(ACTION_LABELS.get(self.action, self.action))  # type: ignore[call-overload]


class EventAction(StrEnum):
    REGISTERED = "registered"
    EDITED = "edited"
    RESUBMITTED = "resubmitted"
    CONFIRMED = "confirmed"
    SENT_BACK = "sent_back"
    ACTIVATED = "activated"
    ENDED = "ended"


ACTION_LABELS = {
    EventAction.REGISTERED: _l("Registered"),
    EventAction.EDITED: _l("Data changed"),
    EventAction.RESUBMITTED: _l("Corrected and submitted again"),
    EventAction.CONFIRMED: _l("Confirmed by the inclusion officer"),
    EventAction.SENT_BACK: _l("Sent back for correction"),
    EventAction.ACTIVATED: _l("Marked as active"),
    EventAction.ENDED: _l("Ended"),
}
