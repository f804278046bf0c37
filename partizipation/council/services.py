"""Bodies, terms, persons and memberships. Services flush, never commit; rules raise
DomainError."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask_babel import format_date
from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import clock
from ..accounts.models import User
from ..domain import DomainError
from ..html import sanitize_html
from ..i18n import _l
from ..people.models import Person
from .models import Body, BodyKind, Term


def _d(value: date) -> str:
    return format_date(value, "medium")


# --- bodies ----------------------------------------------------------------------------------

BODY_FIELDS = (
    "name", "short_name", "kind", "description_html", "easy_language_description", "is_public",
    "min_meetings_per_year", "target_meetings_per_year", "notice_period_days",
)


def save_body(session: Session, body: Body | None, data: dict[str, Any], *, actor: User) -> Body:
    """Create (body=None) or change a body; the description is sanitized here."""
    if data["kind"] not in {k.value for k in BodyKind}:
        raise DomainError(_l("Choose the kind of body."), "kind")
    if data["target_meetings_per_year"] < data["min_meetings_per_year"]:
        raise DomainError(
            _l("The target cannot be lower than the minimum. Enter at least %(n)s meetings.",
               n=data["min_meetings_per_year"]),
            "target_meetings_per_year",
        )
    if body is None:
        body = Body()
        session.add(body)
    for name in BODY_FIELDS:
        setattr(body, name, data[name])
    body.name = body.name.strip()
    body.description_html = sanitize_html(body.description_html)
    session.flush()
    return body


def advisory_council(session: Session) -> Body | None:
    """The public advisory council (Inklusionsbeirat), the body /beirat shows."""
    return session.scalar(
        select(Body)
        .where(Body.kind == BodyKind.ADVISORY_COUNCIL, Body.is_public.is_(True))
        .order_by(Body.id)
        .limit(1)
    )


# --- terms -----------------------------------------------------------------------------------


def save_term(
    session: Session, body: Body, term: Term | None, *, starts_on: date, ends_on: date,
    actor: User,
) -> Term:
    """Create or change a term of `body`; terms of one body do not overlap."""
    if ends_on < starts_on:
        raise DomainError(
            _l("The end cannot be before the start. Enter a date on or after %(d)s.",
               d=_d(starts_on)),
            "ends_on",
        )
    clash = session.scalar(
        select(Term).where(
            Term.body_id == body.id,
            Term.id != (term.id if term else -1),
            Term.starts_on <= ends_on,
            Term.ends_on >= starts_on,
        )
    )
    if clash is not None:
        raise DomainError(
            _l("This overlaps the term from %(start)s to %(end)s. Choose dates outside it.",
               start=_d(clash.starts_on), end=_d(clash.ends_on)),
            "starts_on",
        )
    if term is None:
        term = Term(body_id=body.id)
        session.add(term)
    term.starts_on, term.ends_on = starts_on, ends_on
    session.flush()
    return term


def current_term(session: Session, body: Body, today: date | None = None) -> Term | None:
    today = today or clock.today()
    return session.scalar(
        select(Term).where(Term.body_id == body.id, Term.starts_on <= today,
                           Term.ends_on >= today)
    )


# --- persons ---------------------------------------------------------------------------------

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

    if person.user_id is not None:
        raise DomainError(_l("This person already has an account."), "email")
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

