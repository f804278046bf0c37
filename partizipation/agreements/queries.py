"""Read-only queries of agreements, each a fixed number of statements whatever the number of
agreements, parties and documents."""

from __future__ import annotations

from typing import Any

from flask import g, has_request_context
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..paging import Page, paginate
from .models import Agreement, AgreementKind, AgreementParty, AgreementStatus

_ORDER = {AgreementStatus.IN_FORCE.value: 0, AgreementStatus.NEGOTIATING.value: 1,
          AgreementStatus.DRAFT.value: 2, AgreementStatus.ENDED.value: 3}


def _loaded() -> Any:
    return (selectinload(Agreement.parties).joinedload(AgreementParty.municipality),
            selectinload(Agreement.documents))


def agreements_page(session: Session) -> Page[Agreement]:
    """One page of agreements, newest first, with parties and documents (four statements)."""
    return paginate(session, select(Agreement).options(*_loaded()).order_by(
        Agreement.kind == AgreementKind.MUNICIPAL, Agreement.signed_on.desc().nulls_last(),
        Agreement.id.desc()))


def agreement(session: Session, agreement_id: int) -> Agreement | None:
    return session.scalar(select(Agreement).where(Agreement.id == agreement_id)
                          .options(*_loaded()))


def municipal_agreements(session: Session) -> dict[int, Agreement]:
    """Each municipality's goal-and-cooperation agreement with the district (its latest one):
    municipality id -> agreement (three statements, once per request)."""
    cache = g.setdefault("_municipal_agreements", None) if has_request_context() else None
    if cache is not None:
        return cache  # type: ignore[no-any-return]
    rows = session.execute(
        select(AgreementParty.municipality_id, Agreement)
        .join(Agreement, AgreementParty.agreement_id == Agreement.id)
        .where(Agreement.kind == AgreementKind.MUNICIPAL,
               AgreementParty.municipality_id.is_not(None))
        .options(selectinload(Agreement.documents))
        .order_by(Agreement.id))
    found: dict[int, Agreement] = {}
    for municipality_id, row in rows:
        if municipality_id is None:
            continue
        current = found.get(municipality_id)
        # The latest that counts: one in force wins over an older ended one.
        if current is None or _ORDER.get(row.status, 9) <= _ORDER.get(current.status, 9):
            found[municipality_id] = row
    if has_request_context():
        g._municipal_agreements = found
    return found


def signed_municipalities(session: Session) -> set[int]:
    """The municipalities whose agreement is in force today (as shown, not as last recorded)."""
    return {m for m, a in municipal_agreements(session).items()
            if a.effective_status() == AgreementStatus.IN_FORCE}
