"""Deletion requests: the person asks, the officer completes. Memberships stay (the body's
history stays true) but the person is anonymised and their health data deleted."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, joinedload

from .. import clock
from ..accounts.models import User
from ..db import utcnow
from ..domain import DomainError
from ..i18n import _l
from ..people.models import Person
from .models import DeletionRequest, PersonDisability, SupportConsent, SupportNeed
from .services import person_of

ANONYMISED_NAME = "Anonymisiertes Mitglied"
DELETED_ACCOUNT_NAME = "Gelöschtes Konto"


def open_request(session: Session, user: User) -> DeletionRequest | None:
    return session.scalar(select(DeletionRequest).where(
        DeletionRequest.user_id == user.id, DeletionRequest.completed_at.is_(None)))


def request_deletion(session: Session, user: User, *, actor: User) -> DeletionRequest:
    """Record that `user` asks for their data to be deleted."""
    if open_request(session, user) is not None:
        raise DomainError(_l("You have already asked for deletion. The officer will handle it."))
    person = person_of(session, user)
    request = DeletionRequest(user_id=user.id, person_id=person.id if person else None)
    session.add(request)
    session.flush()
    return request


def open_requests(session: Session) -> list[DeletionRequest]:
    return list(session.scalars(
        select(DeletionRequest)
        .options(joinedload(DeletionRequest.user), joinedload(DeletionRequest.person))
        .where(DeletionRequest.completed_at.is_(None))
        .order_by(DeletionRequest.requested_at)))


def anonymise_person(session: Session, person: Person) -> None:
    """Blank every personal field and delete health data; the membership rows stay."""
    for table in (SupportNeed, PersonDisability, SupportConsent):
        session.execute(delete(table).where(table.person_id == person.id))
    person.name = ANONYMISED_NAME
    person.form_of_address = ""
    person.organisation = ""
    person.function = ""
    person.email = None
    person.phone = None
    if person.is_listed:
        person.listing_consent_withdrawn_on = clock.today()
    person.anonymised_at = utcnow()


def deactivate_account(user: User) -> None:
    """The account can no longer sign in and no longer carries the email address or name."""
    user.is_active = False
    user.email = f"deleted-{user.id}@anonymised.invalid"
    user.display_name = DELETED_ACCOUNT_NAME
    user.password_hash = None
    user.session_version += 1
    user.last_login_at = None


def complete_deletion(session: Session, request: DeletionRequest, *, actor: User) -> None:
    """Carry out a deletion request."""
    if request.completed_at is not None:
        raise DomainError(_l("This request has already been completed."))
    if request.person is not None:
        anonymise_person(session, request.person)
    deactivate_account(request.user)
    request.completed_at = utcnow()
    request.completed_by_id = actor.id
    session.flush()
