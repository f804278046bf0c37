"""Actions on municipalities and their contacts. They flush, never commit; a broken rule
raises DomainError naming the form field the message belongs to."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..accounts.models import User
from ..db import utcnow
from ..domain import DomainError
from ..i18n import _l
from .models import Municipality, MunicipalityContact
from .queries import current_contacts

_AGS = re.compile(r"\d{8}")


def ags_problem(value: str) -> Any | None:
    """Why `value` is not an official municipality key (AGS), or None when it is one.

    8 digits: state (01–16), administrative region, district (3), municipality (3); the
    municipality part is never 000 (that would be the district itself).
    """
    if not _AGS.fullmatch(value or ""):
        return _l("Enter the official municipality key as 8 digits, like 05978004.")
    if not 1 <= int(value[:2]) <= 16:
        return _l("The first two digits of the key are the state (01 to 16; NRW is 05).")
    if value[5:] == "000":
        return _l("The last three digits name the municipality and cannot be 000.")
    return None


# ---------------------------------------------------------------- municipalities


def save_municipality(
    session: Session, municipality: Municipality | None, data: dict[str, Any], *, actor: User,
) -> Municipality:
    """Create (municipality None) or change a municipality; checks the key. (Its agreement with
    the district is kept in the `agreements` domain.)"""
    ags = (data.get("ags") or "").strip()
    problem = ags_problem(ags)
    if problem:
        raise DomainError(problem, "ags")
    taken = session.scalar(select(Municipality).where(Municipality.ags == ags))
    if taken is not None and taken is not municipality:
        raise DomainError(
            _l("Another municipality (%(name)s) already has this key.", name=taken.name), "ags"
        )
    if municipality is None:
        municipality = Municipality()
        session.add(municipality)
    municipality.name = data["name"].strip()
    municipality.kind = data["kind"]
    municipality.ags = ags
    municipality.website = (data.get("website") or "").strip()
    session.flush()
    return municipality


# ---------------------------------------------------------------- contacts


def add_contact(
    session: Session, municipality: Municipality, *, email: str, display_name: str,
    locale: str = "de", actor: User,
) -> MunicipalityContact:
    """Make a person a contact of `municipality`: invite them, or scope their existing account."""
    from ..accounts import services as accounts

    user = accounts.find_user_by_email(session, email)
    if user is not None and any(
        c.user_id == user.id for c in current_contacts(session, municipality)
    ):
        raise DomainError(
            _l("This person is already a contact of %(name)s.", name=municipality.name), "email"
        )
    if user is None or not user.password_hash:
        # A new person, or one who has not yet accepted an earlier invitation: (re)invite.
        try:
            user = accounts.invite_user(
                session, email=email, display_name=display_name, role="member", locale=locale,
                actor=actor, scope=_l("contact person for %(name)s", name=municipality.name),
            )
        except DomainError as error:
            raise DomainError(str(error), error.field or "email") from error
    elif not user.is_active:
        raise DomainError(
            _l("This account has been deactivated. Reactivate it in the user list first."),
            "email",
        )
    contact = MunicipalityContact(user=user, municipality=municipality, created_by_id=actor.id)
    session.add(contact)
    session.flush()
    return contact


def end_contact(session: Session, contact: MunicipalityContact, *, actor: User) -> None:
    """The person is no longer a contact; their account stays."""
    if contact.ended_at is None:
        contact.ended_at = utcnow()
        contact.ended_by_id = actor.id
        session.flush()
