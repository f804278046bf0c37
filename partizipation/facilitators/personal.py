"""The facilitators' part of a person's data export, and what erasure ends: their work as a
facilitator (the rows stay as history; the person record is anonymised by `people`)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from .. import clock
from ..accounts.models import User
from ..people.models import Person
from .models import (
    EMPLOYMENT_LABELS,
    STATUS_LABELS,
    EventAction,
    Facilitator,
    FacilitatorEvent,
    FacilitatorStatus,
)

ERASED_REASON = "Daten auf Wunsch der Person gelöscht"
VALUE_LABELS = {"status": STATUS_LABELS, "employment_model": EMPLOYMENT_LABELS}


def export(session: Session, user: User, person: Person | None) -> dict[str, Any]:
    """Facilitator roles of the person, with their history."""
    facilitators = session.scalars(
        select(Facilitator).join(Person, Facilitator.person_id == Person.id)
        .where(Person.user_id == user.id)
        .options(selectinload(Facilitator.municipality), selectinload(Facilitator.events))
        .order_by(Facilitator.id)
    )
    return {
        "facilitator_roles": [_facilitator(f) for f in facilitators],
    }


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def _facilitator(f: Any) -> dict[str, Any]:
    return {
        "municipality": f.municipality.name,
        "status": f.status,
        "employment_model": f.employment_model,
        "association_name": f.association_name,
        "weekly_hours": f.weekly_hours,
        "started_on": _iso(f.started_on),
        "trained_on": _iso(f.trained_on),
        "training_provider": f.training_provider,
        "ended_on": _iso(f.ended_on),
        "end_reason": f.end_reason,
        "history": [
            {"at": e.created_at.isoformat(), "action": e.action, "from": e.from_status,
             "to": e.to_status, "reason": e.reason}
            for e in f.events
        ],
    }


def erase(session: Session, user: User, person: Person | None) -> None:
    """End the person's work as a facilitator at once (with an event saying why)."""
    if person is None:
        return
    for facilitator in session.scalars(select(Facilitator).where(
            Facilitator.person_id == person.id, Facilitator.status != FacilitatorStatus.ENDED)):
        session.add(FacilitatorEvent(
            facilitator_id=facilitator.id, actor_id=None, action=EventAction.ENDED.value,
            from_status=facilitator.status, to_status=FacilitatorStatus.ENDED.value,
            reason=ERASED_REASON))
        facilitator.status = FacilitatorStatus.ENDED.value
        facilitator.ended_on = max(clock.today(), facilitator.started_on)
        facilitator.end_reason = ERASED_REASON
    session.flush()
