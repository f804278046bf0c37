"""The municipalities' part of a person's data export, and what erasure ends: their contact roles
(the rows stay as history)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..accounts.models import User
from ..db import utcnow
from ..people.models import Person
from .models import MunicipalityContact


def export(session: Session, user: User, person: Person | None) -> dict[str, Any]:
    """The person's contact roles."""
    contacts = session.scalars(
        select(MunicipalityContact).where(MunicipalityContact.user_id == user.id)
        .options(selectinload(MunicipalityContact.municipality))
        .order_by(MunicipalityContact.id)
    )
    return {
        "municipality_contact_roles": [
            {
                "municipality": c.municipality.name,
                "since": c.created_at.isoformat(),
                "ended_at": c.ended_at.isoformat() if c.ended_at else None,
            }
            for c in contacts
        ],
    }


def erase(session: Session, user: User, person: Person | None) -> None:
    """End the person's contact roles at once."""
    for contact in session.scalars(select(MunicipalityContact).where(
            MunicipalityContact.user_id == user.id, MunicipalityContact.ended_at.is_(None))):
        contact.ended_at = utcnow()
    session.flush()
