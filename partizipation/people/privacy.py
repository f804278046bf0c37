"""A person's data rights across every domain: the export (GDPR Art. 15/20) and the deletion
request that the officer completes (Art. 17). Each domain contributes through its `personal.py`
(see domains.py); this module only collects and orders."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, joinedload

from ..accounts.models import User
from ..audit.redaction import redact
from ..db import utcnow
from ..domain import DomainError
from ..domains import with_personal_data
from ..i18n import _l
from ..locking import lock_row
from .models import DeletionRequest, Person


def person_of(session: Session, user: Any) -> Person | None:
    """The person linked to a signed-in account, if any."""
    if not getattr(user, "is_authenticated", False):
        return None
    return session.scalar(select(Person).where(Person.user_id == user.id))


def has_health_data(session: Session, person: Person | None) -> bool:
    """Whether a domain keeps health data of the person (its `personal.has_health_data`)."""
    if person is None:
        return False
    for domain in with_personal_data():
        check = getattr(domain.module("personal"), "has_health_data", None)
        if check is not None and check(session, person):
            return True
    return False


def person_of_user(session: Session, user: Any) -> Person | None:
    """The person linked to an account (signed in or not)."""
    if user is None or user.id is None:
        return None
    return session.scalar(select(Person).where(Person.user_id == user.id))


def health_data_guard(session: Session, person: Person | None, actor: Any) -> None:
    """Inviting a person with health data, or changing their address: the officer's alone.

    Otherwise an admin could send the invitation to an address they control and read the health
    data as that person (issue 12.1)."""
    from ..permissions import is_officer

    if not is_officer(actor) and has_health_data(session, person):
        raise DomainError(_l(
            "This person has health data on record. Only the inclusion officer may invite them "
            "or change their email address."), "email")


def export_user_data(session: Session, user: User) -> dict[str, Any]:
    """Everything the platform stores about `user`, one key per domain that stores something."""
    person = person_of(session, user)
    data: dict[str, Any] = {}
    for domain in with_personal_data():
        part = domain.module("personal").export(session, user, person)
        if part:
            data[domain.name] = part
    return data


def open_request(session: Session, user: User) -> DeletionRequest | None:
    return session.scalar(select(DeletionRequest).where(
        DeletionRequest.user_id == user.id, DeletionRequest.completed_at.is_(None)))


def request_deletion(session: Session, user: User, *, actor: User) -> DeletionRequest:
    """Record that `user` asks for their data to be deleted (one open request at a time)."""
    lock_row(session, User, user.id)
    if open_request(session, user) is not None:
        raise DomainError(_l("You have already asked for deletion. The officer will handle it."))
    person = person_of(session, user)
    request = DeletionRequest(user_id=user.id, person_id=person.id if person else None)
    session.add(request)
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError as error:  # the partial unique index: a request made at the same time
        raise DomainError(
            _l("You have already asked for deletion. The officer will handle it.")) from error
    return request


def open_requests_query() -> Any:
    return (select(DeletionRequest)
            .options(joinedload(DeletionRequest.user), joinedload(DeletionRequest.person))
            .where(DeletionRequest.completed_at.is_(None))
            .order_by(DeletionRequest.requested_at, DeletionRequest.id))


def count_open_requests(session: Session) -> int:
    return session.scalar(select(func.count()).where(DeletionRequest.completed_at.is_(None))) or 0


def complete_deletion(session: Session, request: DeletionRequest, *, actor: User) -> None:
    """Carry out a deletion request in every domain, then record it as completed.

    Domains erase in reverse order of registration, so the person record (people) and the account
    (accounts) go last: the others may still need the addresses to find their rows.
    """
    lock_row(session, DeletionRequest, request.id)
    session.refresh(request)
    if request.completed_at is not None:
        raise DomainError(_l("This request has already been completed."))
    for domain in reversed(with_personal_data()):
        domain.module("personal").erase(session, request.user, request.person)
    request.completed_at = utcnow()
    request.completed_by_id = actor.id
    session.flush()
    redact(session, request.user, request.person)
