"""The person record's part of the data export, and its anonymisation on erasure."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import clock
from ..accounts.models import User
from ..db import utcnow
from .models import DeletionRequest, Person

ANONYMISED_NAME = "Anonymisiertes Mitglied"


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def export(session: Session, user: User, person: Person | None) -> dict[str, Any]:
    requests = _requests(session, user)
    data: dict[str, Any] = {}
    if person is not None:
        data["person"] = {
            "name": person.name,
            "form_of_address": person.form_of_address,
            "organisation": person.organisation,
            "function": person.function,
            "email": person.email,
            "phone": person.phone,
            "listing_consent_given_on": _iso(person.listing_consent_given_on),
            "listing_consent_withdrawn_on": _iso(person.listing_consent_withdrawn_on),
            "created_at": _iso(person.created_at),
        }
    if requests:
        data["deletion_requests"] = requests
    return data


def _requests(session: Session, user: User) -> list[dict[str, Any]]:
    rows = session.scalars(select(DeletionRequest).where(DeletionRequest.user_id == user.id)
                           .order_by(DeletionRequest.id))
    return [{"requested_at": _iso(r.requested_at), "completed_at": _iso(r.completed_at)}
            for r in rows]


def erase(session: Session, user: User, person: Person | None) -> None:
    """Blank every personal field of the person; the rows that refer to them stay (history)."""
    if person is None:
        return
    person.name = ANONYMISED_NAME
    person.form_of_address = ""
    person.organisation = ""
    person.function = ""
    person.email = None
    person.phone = None
    if person.is_listed:
        person.listing_consent_withdrawn_on = clock.today()
    person.anonymised_at = utcnow()
    session.flush()
