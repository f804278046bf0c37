"""Factories of the facilitators domain. Each flushes; the test's transaction is rolled back."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from partizipation.accounts.models import User
from partizipation.facilitators.models import EventAction, Facilitator, FacilitatorEvent
from partizipation.municipalities.models import Municipality
from partizipation.people.models import Person
from tests.municipalities.factories import create_contact, create_municipality  # noqa: F401

_counter = itertools.count(1)


def create_facilitator(session: Session, municipality: Municipality, status: str = "proposed",
                       *, name: str | None = None, email: str | None = "", listed: bool = True,
                       user: User | None = None, **fields: Any) -> Facilitator:
    number = next(_counter)
    if email == "":
        email = f"begleitung{number}@example.org"
    person = Person(name=name or f"Begleitung {number} (erfunden)", email=email, user=user,
                    listing_consent_given_on=date(2025, 1, 1) if listed else None)
    fields.setdefault("employment_model", "volunteer")
    fields.setdefault("started_on", date(2025, 1, 1))
    facilitator = Facilitator(person=person, municipality=municipality, status=status, **fields)
    session.add_all([person, facilitator])
    session.add(FacilitatorEvent(facilitator=facilitator, action=EventAction.REGISTERED.value,
                                 to_status=status))
    session.flush()
    return facilitator
