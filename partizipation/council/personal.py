"""The council's part of a person's data export (GDPR Art. 15/20), and the erasure of their
health data. Memberships stay as history: the person record is anonymised by `people`."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, joinedload

from ..accounts.models import User
from ..people.models import Person
from .labels import DISABILITY_KINDS, END_REASONS, ROLES, SUPPORT_NEEDS
from .models import (
    ConsentPurpose,
    Membership,
    PersonDisability,
    SupportConsent,
    SupportNeed,
)
from .support import consent, disabilities_of, needs_of


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


# Labels of the stored codes, for the "my data" page.
VALUE_LABELS: dict[str, dict[Any, Any]] = {
    "role": ROLES, "end_reason": END_REASONS, "kind": {**SUPPORT_NEEDS, **DISABILITY_KINDS}}


def export(session: Session, user: User, person: Person | None) -> dict[str, Any]:
    """Everything this domain stores about the person, as JSON-ready data."""
    if person is None:
        return {}
    memberships = session.scalars(
        select(Membership).options(joinedload(Membership.body), joinedload(Membership.term),
                                   joinedload(Membership.deputy_for))
        .where(Membership.person_id == person.id).order_by(Membership.starts_on))
    data: dict[str, Any] = {
        "memberships": [
            {
                "body": m.body.name,
                "term": f"{m.term.starts_on.isoformat()} – {m.term.ends_on.isoformat()}",
                "role": m.role,
                "has_vote": m.has_vote,
                "starts_on": _iso(m.starts_on),
                "ends_on": _iso(m.ends_on),
                "end_reason": m.end_reason,
                "represents": m.represents,
                "deputy_for": m.deputy_for.person.name if m.deputy_for else None,
            }
            for m in memberships
        ],
    }
    for purpose, key, rows in (
        (ConsentPurpose.SUPPORT_NEEDS, "support_needs",
         [{"kind": n.kind, "details": n.details} for n in needs_of(session, person)]),
        (ConsentPurpose.DISABILITY_KIND, "disability_kinds",
         [{"kind": d.kind} for d in disabilities_of(session, person)]),
    ):
        row = consent(session, person, purpose)
        data[key] = {
            "consent": None if row is None else {
                "text": row.consent_text, "text_version": row.text_version,
                "consented_at": _iso(row.consented_at),
            },
            "items": rows,
        }
    return data


def has_health_data(session: Session, person: Person) -> bool:
    """Whether any health data of the person is on record (a consent covers every kind: support
    needs, kind of disability and support for a meeting all need one)."""
    if person.id is None:
        return False
    for table in (SupportConsent, SupportNeed, PersonDisability):
        if session.scalar(select(table.id).where(table.person_id == person.id).limit(1)):
            return True
    return False


def erase(session: Session, user: User, person: Person | None) -> None:
    """Delete the person's health data and the consents that covered it."""
    if person is None:
        return
    for table in (SupportNeed, PersonDisability, SupportConsent):
        session.execute(delete(table).where(table.person_id == person.id))
