"""Participation facilitators and their history.

A facilitator is a shared Person placed in one municipality; every change of a facilitator is a
FacilitatorEvent row. The tables keep the names they had inside the municipalities domain.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Float, ForeignKey, Index, String, Text, event, inspect, text, update
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from ..accounts.models import User
from ..db import Base, utcnow
from ..i18n import _l
from ..municipalities.models import Municipality
from ..people.models import Person
from ..versioning import Versioned


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


# One non-ended facilitator per email address and municipality, held by the database: two
# registrations of the same person at the same moment cannot both be saved.
UNIQUE_EMAIL = "uq_facilitators_municipality_email"
_NOT_ENDED_WITH_EMAIL = text("status <> 'ended' AND email_key IS NOT NULL")


def email_key(email: str | None) -> str | None:
    """The form of an address the uniqueness rule compares: trimmed, lower-cased, None if empty."""
    return (email or "").strip().lower() or None


class Facilitator(Versioned, Base):
    """A participation facilitator (Partizipationsbegleiter*in) placed in one municipality.

    `version` lets the edit forms notice a change saved meanwhile (versioning.py); `email_key`
    mirrors the person's address for the partial unique index (kept by `_keep_email_keys`).
    """

    __tablename__ = "facilitators"
    __audit__ = True
    # A copy of the person's address kept for the unique index: the person row records it.
    __audit_skip__ = ("email_key",)
    __table_args__ = (
        Index(UNIQUE_EMAIL, "municipality_id", "email_key", unique=True,
              postgresql_where=_NOT_ENDED_WITH_EMAIL, sqlite_where=_NOT_ENDED_WITH_EMAIL),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), index=True)
    municipality_id: Mapped[int] = mapped_column(ForeignKey("municipalities.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default=FacilitatorStatus.PROPOSED.value)
    email_key: Mapped[str | None] = mapped_column(String(254))
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


@event.listens_for(Session, "before_flush")
def _keep_email_keys(session: Session, flush_context: Any, instances: Any) -> None:
    """Keep `Facilitator.email_key` equal to the person's address, whoever changes it.

    A new or changed facilitator takes its person's address; a person whose address changed
    elsewhere (their own profile, the erasure) passes it on to their facilitator rows.
    """
    for obj in list(session.new) + list(session.dirty):
        if isinstance(obj, Facilitator) and obj.person is not None:
            key = email_key(obj.person.email)
            if obj.email_key != key:
                obj.email_key = key
        elif (isinstance(obj, Person) and obj.id is not None
              and inspect(obj).attrs.email.history.has_changes()):
            session.execute(
                update(Facilitator).where(Facilitator.person_id == obj.id)
                .values(email_key=email_key(obj.email))
                .execution_options(synchronize_session=False))
