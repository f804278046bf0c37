"""Persons: create, change, consent to be listed, invite. Services flush, never commit."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import clock
from ..accounts.models import User
from ..domain import DomainError
from ..i18n import _l
from .models import Person

PERSON_FIELDS = ("name", "form_of_address", "organisation", "function", "email", "phone")


def save_person(
    session: Session, person: Person | None, data: dict[str, Any], *, actor: User,
    today: date | None = None,
) -> Person:
    """Create or change a person; `is_listed` in data records or withdraws listing consent."""
    today = today or clock.today()
    if person is None:
        person = Person()
        session.add(person)
    elif ((data.get("email") or "").strip() or None) != person.email:
        from .privacy import health_data_guard

        health_data_guard(session, person, actor)
    for name in PERSON_FIELDS:
        value = (data.get(name) or "").strip()
        setattr(person, name, value or (None if name in {"email", "phone"} else ""))
    session.flush()
    set_listing_consent(session, person, bool(data.get("is_listed")), actor=actor, today=today)
    return person


def set_listing_consent(session: Session, person: Person, listed: bool, *, actor: User,
                        today: date | None = None) -> None:
    """Record that the person gives or withdraws consent to be named publicly."""
    today = today or clock.today()
    if listed and not person.is_listed:
        person.listing_consent_given_on, person.listing_consent_withdrawn_on = today, None
    elif not listed and person.is_listed:
        person.listing_consent_withdrawn_on = today
    session.flush()


def invite_person(session: Session, person: Person, *, actor: User, locale: str = "de") -> User:
    """Create an account for the person (an invitation mail) and link it."""
    from ..accounts.services import invite_user
    from .privacy import health_data_guard

    if person.user_id is not None:
        raise DomainError(_l("This person already has an account."), "email")
    health_data_guard(session, person, actor)
    if not person.email:
        raise DomainError(_l("Enter the person's email address first, then invite them."),
                           "email")
    try:
        user = invite_user(session, email=person.email, display_name=person.name,
                           locale=locale, actor=actor)
    except DomainError as error:
        raise DomainError(str(error), "email") from error
    if session.scalar(select(Person.id).where(Person.user_id == user.id)) is not None:
        raise DomainError(_l("This email address belongs to another person's account."),
                           "email")
    person.user_id = user.id
    session.flush()
    return user


def person_search(terms: str) -> Any:
    """Persons whose name, organisation or email address contain every word of `terms`."""
    from ..paging import matches

    return (select(Person)
            .where(Person.anonymised_at.is_(None),
                   matches(terms, Person.name, Person.organisation, Person.email))
            .order_by(Person.name, Person.id))
