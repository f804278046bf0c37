"""Factories for the council tests: rows are added directly (services are tested on their own)."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from typing import Any

from sqlalchemy.orm import Session

from partizipation import clock
from partizipation.council.models import Body, Membership, Term
from partizipation.people.models import Person

_counter = itertools.count(1)
# The moment the council tests run at: their dates (TODAY, the default term) are taken once, so
# every council test runs with the clock held there (`conftest.same_day`), also when the suite
# passes midnight in Berlin.
STARTED = clock.now()
TODAY = clock.local(STARTED).date()
TERM_START = TODAY - timedelta(days=365)
TERM_END = TODAY + timedelta(days=4 * 365)


def create_body(session: Session, **fields: Any) -> Body:
    number = next(_counter)
    fields.setdefault("name", f"Testgremium {number}")
    fields.setdefault("kind", "advisory_council")
    fields.setdefault("is_public", True)
    body = Body(**fields)
    session.add(body)
    session.flush()
    return body


def create_term(session: Session, body: Body, starts_on: date = TERM_START,
                ends_on: date = TERM_END) -> Term:
    term = Term(body_id=body.id, starts_on=starts_on, ends_on=ends_on)
    session.add(term)
    session.flush()
    return term


def create_person(session: Session, listed: bool = True, **fields: Any) -> Person:
    number = next(_counter)
    fields.setdefault("name", f"Person Nummer{number}")
    fields.setdefault("email", f"person{number}@example.org")
    fields.setdefault("phone", f"0230{number:05d}")
    if listed:
        fields.setdefault("listing_consent_given_on", TERM_START)
    person = Person(**fields)
    session.add(person)
    session.flush()
    return person


def create_membership(session: Session, term: Term, person: Person | None = None,
                      **fields: Any) -> Membership:
    person = person or create_person(session)
    fields.setdefault("role", "member")
    fields.setdefault("starts_on", term.starts_on)
    membership = Membership(person_id=person.id, body_id=term.body_id, term_id=term.id, **fields)
    session.add(membership)
    session.flush()
    return membership
