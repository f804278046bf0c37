"""This domain's part of a person's data export (GDPR Art. 15/20)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from ..accounts.models import User
from .models import ConsentPurpose, DeletionRequest, Membership
from .services import person_of
from .support import consent, disabilities_of, needs_of


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def export_user_data(session: Session, user: User) -> dict[str, Any]:
    """Everything this domain stores about `user`, as JSON-ready data."""
    requests = [
        {"requested_at": _iso(r.requested_at), "completed_at": _iso(r.completed_at)}
        for r in session.scalars(select(DeletionRequest).where(DeletionRequest.user_id == user.id))
    ]
    person = person_of(session, user)
    if person is None:
        return {"deletion_requests": requests} if requests else {}
    memberships = session.scalars(
        select(Membership).options(joinedload(Membership.body), joinedload(Membership.term),
                                   joinedload(Membership.deputy_for))
        .where(Membership.person_id == person.id).order_by(Membership.starts_on))
    data: dict[str, Any] = {
        "person": {
            "name": person.name,
            "form_of_address": person.form_of_address,
            "organisation": person.organisation,
            "function": person.function,
            "email": person.email,
            "phone": person.phone,
            "listing_consent_given_on": _iso(person.listing_consent_given_on),
            "listing_consent_withdrawn_on": _iso(person.listing_consent_withdrawn_on),
            "created_at": _iso(person.created_at),
        },
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
    data["deletion_requests"] = requests
    return data
