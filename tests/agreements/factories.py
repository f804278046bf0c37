"""Factories of agreements (each flushes; the test's transaction is rolled back)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from partizipation.agreements.models import Agreement, AgreementParty


def create_agreement(session: Session, title: str = "Testvereinbarung", *,
                     parties: list[Any] = (), **fields: Any) -> Agreement:  # type: ignore[assignment]
    fields.setdefault("kind", "cooperation")
    fields.setdefault("status", "in_force")
    fields.setdefault("in_force_from", date(2024, 1, 1))
    agreement = Agreement(title=title, **fields)
    for party in parties:
        agreement.parties.append(
            AgreementParty(municipality=party) if not isinstance(party, str)
            else AgreementParty(organisation=party))
    session.add(agreement)
    session.flush()
    return agreement


def municipal_agreement(session: Session, municipality: Any, status: str = "in_force",
                        signed_on: date | None = date(2024, 3, 12), **fields: Any) -> Agreement:
    return create_agreement(session, f"Vereinbarung {municipality.name}", kind="municipal",
                            status=status, signed_on=signed_on, in_force_from=signed_on,
                            parties=[municipality], **fields)
